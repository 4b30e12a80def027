package org.modseq.properties.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One adversarial thing a client sends, after bringing its connection to {@code state}.
 *
 * @param kind    what the generator meant to break, for the report
 * @param state   where the connection is when the octets go out
 * @param tags    the tags the octets carry, each of which the server must refuse (BAD or NO)
 * @param octets  what is sent, in one write
 * @param ending  how the server must end the exchange
 */
record HostileInput(String kind, State state, List<String> tags, byte[] octets, Ending ending) {

    /** The connection's state before the hostile octets (RFC 3501 §3). */
    enum State {
        NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, SELECTED_QRESYNC
    }

    /** What the server must do with the octets. */
    enum Ending {
        /** Every tag gets a tagged BAD or NO and the session goes on. */
        REFUSED,
        /** Over a limit that ends the session: an untagged BYE, then the close (RFC 7162 §4). */
        BYE,
        /** The client stops sending mid-command (FIN): the server closes without answering OK. */
        TRUNCATED,
        /** No valid tag to answer with: an untagged BAD (RFC 3501 §7.1.3), and the session goes on. */
        UNTAGGED_BAD
    }

    static HostileInput line(String kind, State state, String tag, String text) {
        return new HostileInput(kind, state, List.of(tag),
                (tag + " " + text + "\r\n").getBytes(StandardCharsets.ISO_8859_1), Ending.REFUSED);
    }

    /** A command ending in a literal header whose octets are never sent: the server must refuse it unread. */
    static HostileInput literalHeader(String kind, State state, String tag, String text) {
        return line(kind, state, tag, text);
    }

    @Override
    public String toString() {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < octets.length && shown.length() < 300; i++) {
            int b = octets[i] & 0xff;
            if (b == '\r') {
                shown.append("\\r");
            } else if (b == '\n') {
                shown.append("\\n");
            } else if (b < 0x20 || b >= 0x7f) {
                shown.append(String.format("\\x%02x", b));
            } else {
                shown.append((char) b);
            }
        }
        if (shown.length() >= 300) {
            shown.append("... (" + octets.length + " octets)");
        }
        return kind + " in " + state + " expecting " + ending + ": " + shown;
    }
}
