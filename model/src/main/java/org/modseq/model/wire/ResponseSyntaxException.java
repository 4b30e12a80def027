package org.modseq.model.wire;

import java.util.Optional;
import java.util.OptionalInt;
import org.modseq.model.rfc.Requirement;

/**
 * A server response that breaks the grammar of RFC 3501 §9 or RFC 7162 §7 (or an extension it
 * builds on), found by {@link ResponseParser}. It names the problem, the 1-based column (counted
 * in characters of the line as received, literals inline) and, where one applies, the RFC 7162
 * requirement it breaks: {@code R89} for a VANISHED set with 0 or {@code *}, {@code R31} for
 * {@code HIGHESTMODSEQ 0}, and so on. Problems of RFC 3501's grammar carry no requirement.
 */
public final class ResponseSyntaxException extends Exception {

    private final String problem;
    private final int column;
    private final Requirement requirement;

    /**
     * A problem of the base grammar, with no RFC 7162 requirement.
     *
     * @param problem what is wrong, without the position
     * @param column 1-based column of the problem, or 0 when no position applies
     */
    public ResponseSyntaxException(String problem, int column) {
        this(null, problem, column);
    }

    /**
     * @param requirement the RFC 7162 requirement the response breaks, or null
     * @param problem what is wrong, without the position
     * @param column 1-based column of the problem, or 0 when no position applies
     */
    public ResponseSyntaxException(Requirement requirement, String problem, int column) {
        super(problem + (requirement == null ? "" : " (" + requirement.id() + ")")
                + (column > 0 ? " at column " + column : ""));
        this.problem = problem;
        this.column = column;
        this.requirement = requirement;
    }

    /** The RFC 7162 requirement the response breaks, when one applies. */
    public Optional<Requirement> requirement() {
        return Optional.ofNullable(requirement);
    }

    /** What is wrong, without the requirement and the column. */
    public String problem() {
        return problem;
    }

    /** The 1-based column of the problem, when there is one. */
    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }
}
