package org.modseq.properties.check;

import java.util.Objects;
import org.modseq.model.judge.Violation;

/**
 * What the checker found wrong with a server in one scenario: an answer RFC 7162 does not
 * permit, or no complete answer at all.
 */
public sealed interface Finding {

    /**
     * What kind of finding this is, for telling one from another while shrinking and for reports
     * that only name it: the rule's ID ({@code R78}, {@code RFC 3501 §7.4.1}) or {@code no answer}
     * or {@code BYE} or {@code connection lost}.
     */
    String kind();

    /** A readable account, on one or a few lines. */
    String describe();

    /** An answer the judge does not accept: the rule broken, the line and the reason. */
    record Violated(Violation violation) implements Finding {
        public Violated {
            Objects.requireNonNull(violation, "violation");
        }

        @Override
        public String kind() {
            return violation.rule().source();
        }

        @Override
        public String describe() {
            return violation.describe();
        }
    }

    /**
     * The server did not answer a command completely within the read timeout: a hang, which a
     * client cannot tell from a lost server (RFC 3501 §5.4 lets only the server time out).
     *
     * @param connection the session that waited
     * @param command the command line it sent ({@code t12 UID FETCH ...}), or what it was doing
     */
    record NoAnswer(String connection, String command) implements Finding {
        @Override
        public String kind() {
            return "no answer";
        }

        @Override
        public String describe() {
            return "no complete answer before the read timeout to " + connection + ": "
                    + command.replace("\r\n", "\\r\\n") + " (the server hangs)";
        }
    }

    /**
     * The server sent an untagged BYE and closed the connection instead of completing a command.
     * RFC 3501 §7.1.5 lets a server do that at any time (a "panic shutdown"), but it is also how
     * a server reports a crash (the reference's internal error), so the checker fails on it
     * unless told that the server means it ({@code --known BYE}): Dovecot does it when another
     * session deletes the selected mailbox.
     *
     * @param connection the session whose connection was closed
     * @param command the command line it sent
     * @param bye the BYE line
     */
    record ClosedAfterBye(String connection, String command, String bye) implements Finding {
        /** The kind, and how {@code --known} names it. */
        public static final String KIND = "BYE";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String describe() {
            return "the server sent '" + bye + "' and closed the connection of " + connection + " during "
                    + command.replace("\r\n", "\\r\\n") + " (RFC 3501 §7.1.5: a panic shutdown)";
        }
    }

    /**
     * The server closed or reset a connection the checker had not dropped, in the middle of a
     * command or before it, without a BYE (RFC 3501 §7.1.5); no scenario logs out.
     *
     * @param connection the session that lost its connection
     * @param command the command line it sent, or what it was doing
     * @param detail what the network said
     */
    record ConnectionLost(String connection, String command, String detail) implements Finding {
        @Override
        public String kind() {
            return "connection lost";
        }

        @Override
        public String describe() {
            return "the server closed the connection of " + connection + " during " + command.replace("\r\n", "\\r\\n")
                    + " (" + detail + ")";
        }
    }
}
