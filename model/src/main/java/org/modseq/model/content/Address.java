package org.modseq.model.content;

import java.util.Optional;
import org.modseq.model.wire.ImapString;

/**
 * One address of an ENVELOPE (RFC 3501 §7.4.2, §9 {@code address}): the display name, the
 * source route ({@code adl}), the mailbox (local part) and the host, each NIL when absent.
 * RFC 2822 group syntax is written with addresses whose host is NIL: a {@link #groupStart} holds
 * the group's name in the mailbox, and a {@link #GROUP_END} is all NIL.
 */
public record Address(Optional<String> name, Optional<String> adl, Optional<String> mailbox, Optional<String> host) {

    /** The end of a group (the semicolon of RFC 2822 group syntax). */
    public static final Address GROUP_END = new Address(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    /** The start of a group named {@code name}. */
    public static Address groupStart(String name) {
        return new Address(Optional.empty(), Optional.empty(), Optional.of(name), Optional.empty());
    }

    /** {@code (name adl mailbox host)}. */
    public String toWire() {
        return "(" + ImapString.nstring(name) + " " + ImapString.nstring(adl) + " " + ImapString.nstring(mailbox) + " "
                + ImapString.nstring(host) + ")";
    }
}
