package org.modseq.model.wire;

import java.util.Optional;

/**
 * IMAP's string forms (RFC 3501 §4.3, §9): an {@code astring} is written as an atom when it can
 * be, otherwise as a quoted string; text that a quoted string cannot carry (CR, LF, NUL, 8-bit)
 * needs a literal.
 *
 * <p>Wire text is held one {@code char} per octet (ISO-8859-1 read of the bytes), so every octet
 * sequence survives unchanged, 8-bit MIME included: a UTF-8 message is held as its UTF-8 octets,
 * and a string's length is its length in octets.
 */
public final class ImapString {

    private ImapString() {
    }

    /** True for the characters an atom may hold ({@code ATOM-CHAR}, RFC 3501 §9). */
    public static boolean isAtomChar(char c) {
        return c > ' ' && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0;
    }

    public static boolean isAtom(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAtomChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when a quoted string can carry {@code s}: 7-bit, no CR, LF or NUL. */
    public static boolean isQuotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\r' || c == '\n' || c > 0x7f) {
                return false;
            }
        }
        return true;
    }

    public static String quoted(String s) {
        if (!isQuotable(s)) {
            throw new IllegalArgumentException("a quoted string cannot carry this text; a literal is needed");
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** A {@code string} (RFC 3501 §9): quoted when possible, else a synchronizing literal; never an atom. */
    public static String string(String s) {
        return isQuotable(s) ? quoted(s) : literal(s);
    }

    /** An {@code astring}: the atom itself when possible, else quoted, else a synchronizing literal. */
    public static String astring(String s) {
        if (isAtom(s)) {
            return s;
        }
        return string(s);
    }

    /** An {@code nstring} (RFC 3501 §9): {@code NIL} when absent, else a {@link #string}. */
    public static String nstring(Optional<String> s) {
        return s.map(ImapString::string).orElse("NIL");
    }

    /** A literal {@code {n}CRLF<octets>}; n is the octet count, one octet per char. */
    public static String literal(String s) {
        return "{" + s.length() + "}\r\n" + s;
    }
}
