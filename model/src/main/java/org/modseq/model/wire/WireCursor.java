package org.modseq.model.wire;

import java.util.Locale;
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

    /** RFC 3501 §4.3, §9: {@code quoted = DQUOTE *QUOTED-CHAR DQUOTE}; only \" and \\ are escapes. */
    String quoted(String what) throws E {
        int start = pos;
        if (!tryChar('"')) {
            throw expected(what + " in quotes");
        }
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw errorAt(start, "unterminated quoted string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                int escaped = pos + 1 < text.length() ? text.charAt(pos + 1) : -1;
                if (escaped != '"' && escaped != '\\') {
                    throw error("invalid escape in quoted string: only \\\" and \\\\ may follow a backslash");
                }
                value.append((char) escaped);
                pos += 2;
            } else if (c == '\r' || c == '\n') {
                throw error("line break in quoted string: a literal is needed");
            } else if (c > 0x7f) {
                throw error("8-bit character in quoted string: a literal is needed");
            } else if (c == 0) {
                throw error("NUL character in quoted string");
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /**
     * RFC 3501 §4.3, §9: {@code literal = "{" number "}" CRLF *CHAR8}; with {@code plusAllowed},
     * also RFC 7888's {@code "{" number "+}"}, which only clients send. The length counts
     * octets, one per char; CHAR8 excludes NUL.
     */
    String literal(boolean plusAllowed) throws E {
        int start = pos;
        expect('{');
        String digits = take(c -> c >= '0' && c <= '9');
        if (digits.isEmpty()) {
            throw expected("literal length");
        }
        if (peek() == '+' && !plusAllowed) {
            throw error("a server's literal has no '+' (RFC 7888 non-synchronizing literals are for clients)");
        }
        tryChar('+');
        if (!tryChar('}')) {
            throw expected("'}' after literal length");
        }
        if (digits.length() > 10 || Long.parseLong(digits) > 0xFFFF_FFFFL) {
            throw errorAt(start, "literal length " + show(digits) + " is beyond 2^32-1");
        }
        long length = Long.parseLong(digits);
        if (!tryChar('\r') || !tryChar('\n')) {
            throw expected("CRLF after literal length");
        }
        long available = text.length() - pos;
        if (available < length) {
            throw errorAt(start, "literal of " + length + " octets is cut short: only " + available + " follow");
        }
        int end = pos + (int) length;
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw errorAt(i, "literal holds a character beyond one octet (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ")");
            }
            if (c == 0) {
                throw errorAt(i, "NUL character in a literal (RFC 3501 §9 CHAR8)");
            }
        }
        String value = text.substring(pos, end);
        pos = end;
        return value;
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
