package org.modseq.model.wire;

import java.util.function.IntPredicate;

/**
 * A line of IMAP wire text and a position in it, shared by the command parser and the response
 * parser: every read either consumes what it wants or throws the parser's own exception, built
 * by {@link Errors} from a problem and a 1-based column.
 *
 * @param <E> the exception a malformed line ends in
 */
class WireCursor<E extends Exception> {

    /** Builds the parser's exception for a problem at a 1-based column. */
    interface Errors<E extends Exception> {
        E at(String problem, int column);
    }

    final String text;
    int pos;
    int depth;
    private final Errors<E> errors;

    WireCursor(String text, Errors<E> errors) {
        this.text = text;
        this.errors = errors;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next character, or -1 at the end. */
    int peek() {
        return atEnd() ? -1 : text.charAt(pos);
    }

    boolean tryChar(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    boolean trySpace() {
        return tryChar(' ');
    }

    void expect(char c) throws E {
        if (!tryChar(c)) {
            throw error("expected '" + c + "'" + (atEnd() ? "" : ", found " + found()));
        }
    }

    /** The single SP before an argument (RFC 3501 §9 {@code SP}); "missing" when the line ends. */
    void space(String what) throws E {
        if (atEnd()) {
            throw error("missing " + what);
        }
        if (!trySpace()) {
            throw error("expected a space before " + what + ", found " + found());
        }
    }

    /** Consumes a keyword when it comes next as a whole atom, in any case. */
    boolean tryKeyword(String keyword) {
        int end = pos + keyword.length();
        if (text.regionMatches(true, pos, keyword, 0, keyword.length())
                && (end == text.length() || !ImapString.isAtomChar(text.charAt(end)))) {
            pos = end;
            return true;
        }
        return false;
    }

    String take(IntPredicate accept) {
        int start = pos;
        while (!atEnd() && accept.test(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** RFC 3501 §9 {@code atom = 1*ATOM-CHAR}. */
    String atom(String what) throws E {
        String atom = take(c -> ImapString.isAtomChar((char) c));
        if (atom.isEmpty()) {
            throw expected(what);
        }
        return atom;
    }

    /** Moves just past the next {@code close}, which must come before the end. */
    void skipPast(char close, String what) throws E {
        int at = text.indexOf(close, pos);
        if (at < 0) {
            pos = text.length();
            throw error("expected " + what);
        }
        pos = at + 1;
    }

    void rejectNul() throws E {
        int at = text.indexOf('\0');
        if (at >= 0) {
            throw errorAt(at, "NUL character");
        }
    }

    /** What comes next, for "found ..." in messages. */
    String found() {
        return atEnd() ? "end of line" : show(text.substring(pos, Math.min(text.length(), pos + 41)));
    }

    E expected(String what) {
        return atEnd() ? error("missing " + what) : error("expected " + what + ", found " + found());
    }

    E error(String problem) {
        return errorAt(pos, problem);
    }

    E errorAt(int at, String problem) {
        return errors.at(problem, at + 1);
    }

    /** Input quoted for an error message, cut short when long. */
    static String show(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
