package org.modseq.model.content;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.modseq.model.wire.ImapString;

/**
 * The ENVELOPE of a message (RFC 3501 §7.4.2): fields of its header, parsed only as far as
 * addresses go. Text fields are the header's values unfolded, with RFC 2047 encoded words left as
 * sent; each is NIL when the header lacks the field. Sender and Reply-To are the From addresses
 * when the header lacks them or they are empty, as RFC 3501 requires.
 */
public record Envelope(Optional<String> date, Optional<String> subject, List<Address> from, List<Address> sender,
        List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc, Optional<String> inReplyTo,
        Optional<String> messageId) {

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /** {@code (date subject from sender reply-to to cc bcc in-reply-to message-id)}. */
    public String toWire() {
        return "(" + ImapString.nstring(date) + " " + ImapString.nstring(subject) + " " + addresses(from) + " "
                + addresses(sender) + " " + addresses(replyTo) + " " + addresses(to) + " " + addresses(cc) + " "
                + addresses(bcc) + " " + ImapString.nstring(inReplyTo) + " " + ImapString.nstring(messageId) + ")";
    }

    /** RFC 3501 §9 {@code env-from} and the like: {@code "(" 1*address ")" / nil}, no space between addresses. */
    private static String addresses(List<Address> list) {
        return list.isEmpty() ? "NIL" : list.stream().map(Address::toWire).collect(Collectors.joining("", "(", ")"));
    }
}
