package org.modseq.properties.sessions;

import java.io.EOFException;
import java.util.List;

/**
 * The server sent an untagged BYE and closed the connection before the command's tagged
 * response: its right at any time (RFC 3501 §7.1.5, a "panic shutdown"; Dovecot does it when a
 * mailbox a session has selected is deleted by another), not a lost connection.
 */
public final class ClosedAfterBye extends EOFException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    ClosedAfterBye(List<String> lines) {
        super("the server sent BYE and closed the connection");
        this.lines = List.copyOf(lines);
    }

    /** The response lines read before the end of the stream, the BYE among them. */
    public List<String> lines() {
        return lines;
    }

    /** The first BYE line. */
    public String byeLine() {
        return lines.stream().filter(l -> l.startsWith("* BYE")).findFirst().orElseThrow();
    }
}
