package org.modseq.model.judge;

/**
 * The first answer of a server that RFC 7162 (or RFC 3501 where it bears on it) does not permit.
 *
 * @param event the 0-based index of the offending event in the history
 * @param connection the connection it happened on
 * @param command the command line of that exchange ({@code t12 UID FETCH ...}), or a description
 *     of the event ({@code (connect)})
 * @param line the 0-based index of the offending response line within the event, or -1 when the
 *     answer as a whole is at fault
 * @param lineText that line as received, or empty
 * @param rule the rule broken
 * @param reason one line saying what is wrong, with the values involved
 */
public record Violation(int event, String connection, String command, int line, String lineText, Rule rule,
        String reason) {

    /** A short report: rule, place, offending line and reason. */
    public String describe() {
        StringBuilder sb = new StringBuilder().append(rule).append(" broken at event ").append(event).append(" (")
                .append(connection).append(": ").append(command.replace("\r\n", "\\r\\n")).append(')');
        if (line >= 0) {
            sb.append(", line ").append(line + 1).append(": ").append(lineText.replace("\r\n", "\\r\\n"));
        }
        return sb.append("\n  ").append(reason).toString();
    }
}
