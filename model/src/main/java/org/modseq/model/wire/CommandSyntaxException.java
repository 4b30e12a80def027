package org.modseq.model.wire;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A command line that does not follow the grammar (RFC 3501 §9, RFC 7162 §7): the server answers
 * it with {@code <tag> BAD <message>}, or {@code * BAD <message>} when not even the tag could be
 * read (RFC 3501 §7.1.3). See {@link #badResponse()}.
 *
 * <p>The message names the problem and, where useful, the column (1-based, counted in characters
 * of the line as given, tag included): {@code expected ')' at column 34}. It is always printable
 * ASCII without CR or LF, so that it can be sent as response text as is.
 */
public final class CommandSyntaxException extends Exception {

    private final String problem;
    private final int column;
    private final String tag;

    /**
     * @param problem what is wrong, without the position
     * @param column  1-based column of the problem, or 0 when no position applies
     */
    public CommandSyntaxException(String problem, int column) {
        this(printable(problem), column, null);
    }

    private CommandSyntaxException(String problem, int column, String tag) {
        super(column > 0 ? problem + " at column " + column : problem);
        this.problem = problem;
        this.column = column;
        this.tag = tag;
    }

    /** The same problem, known to belong to the command with this tag. */
    public CommandSyntaxException withTag(String tag) {
        CommandSyntaxException tagged = new CommandSyntaxException(problem, column, printable(tag));
        tagged.setStackTrace(getStackTrace());
        return tagged;
    }

    /** The tag of the offending command, if it could be read. */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** What is wrong, without the column. */
    public String problem() {
        return problem;
    }

    /** The 1-based column of the problem, when there is one. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /** The whole BAD response line, without CRLF: {@code <tag> BAD <message>} or {@code * BAD <message>}. */
    public String badResponse() {
        return (tag == null ? "*" : tag) + " BAD " + getMessage();
    }

    /** Escapes control and non-ASCII characters, so that the text fits a response line (RFC 3501 {@code TEXT-CHAR}). */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else if (c > 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
