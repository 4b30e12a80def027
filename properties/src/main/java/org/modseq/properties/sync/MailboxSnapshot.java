package org.modseq.properties.sync;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;

/**
 * A mailbox as a fresh session sees it over the protocol: the truth a synchronised client must
 * match, read from the server's answers rather than from its internals, so that it can be read
 * from any server.
 *
 * @param uidValidity from EXAMINE's {@code OK [UIDVALIDITY]}
 * @param highestModSeq from EXAMINE's {@code OK [HIGHESTMODSEQ]}; empty after NOMODSEQ
 * @param statusHighestModSeq STATUS HIGHESTMODSEQ, which must equal the EXAMINE value (R57)
 * @param statusMessages STATUS MESSAGES
 * @param messages every message's flags (without {@code \Recent}) and MODSEQ, by UID
 */
public record MailboxSnapshot(UidValidity uidValidity, Optional<ModSeq> highestModSeq, long statusHighestModSeq,
        long statusMessages, SortedMap<Uid, MessageState> messages) {

    /** One message's flags and mod-sequence. */
    public record MessageState(Set<Flag> flags, Optional<ModSeq> modSeq) {
        public MessageState {
            flags = ClientCache.withoutRecent(flags);
        }
    }

    public MailboxSnapshot {
        messages = Collections.unmodifiableSortedMap(new TreeMap<>(messages));
    }

    /** One line for reports, in the form of {@link ClientCache#describe()}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("UIDVALIDITY ").append(uidValidity).append(", HIGHESTMODSEQ ")
                .append(highestModSeq.map(ModSeq::toString).orElse("none (NOMODSEQ)"))
                .append(" (STATUS ").append(statusHighestModSeq).append("), ").append(messages.size())
                .append(messages.size() == 1 ? " message:" : " messages:");
        for (Map.Entry<Uid, MessageState> e : messages.entrySet()) {
            out.append(' ').append(e.getKey()).append(' ').append(ClientCache.flagList(e.getValue().flags()));
            e.getValue().modSeq().ifPresent(m -> out.append('@').append(m));
        }
        return out.toString();
    }
}
