package org.modseq.model.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The message of the SASL mechanism PLAIN (RFC 4616 §2): {@code [authzid] NUL authcid NUL passwd}
 * in UTF-8, as an AUTHENTICATE response carries it in base64 (RFC 3501 §6.2.2, RFC 4959).
 *
 * @param authorizationId the identity to act as; empty when it is the authentication identity's own
 * @param authenticationId the user name whose password is given
 * @param password the password
 */
public record SaslPlain(String authorizationId, String authenticationId, String password) {

    /** Why a response is not a PLAIN message; the message is printable ASCII, fit for response text. */
    public static class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * The response is not base64 at all: a protocol error rather than a failed authentication,
     * which IMAP answers with BAD (RFC 4959 §3, RFC 9051 §6.2.2).
     */
    public static final class NotBase64Exception extends MalformedException {
        NotBase64Exception() {
            super("Response is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "SaslPlain[authorizationId=" + authorizationId + ", authenticationId=" + authenticationId + "]";
    }

    /**
     * Reads a client response: base64 as RFC 3501 §9 writes it (groups of four, padded), where
     * {@code =} alone is the empty response of SASL-IR (RFC 4959 §3).
     *
     * @throws NotBase64Exception if the response is not base64
     * @throws MalformedException if it is, but not of a PLAIN message
     */
    public static SaslPlain decode(String response) throws MalformedException {
        byte[] octets = base64(response.equals("=") ? "" : response);
        int first = indexOfNul(octets, 0);
        int second = first < 0 ? -1 : indexOfNul(octets, first + 1);
        if (second < 0 || indexOfNul(octets, second + 1) >= 0 || second == first + 1 || second == octets.length - 1) {
            throw new MalformedException("Response is not a PLAIN message (RFC 4616)");
        }
        return new SaslPlain(utf8(octets, 0, first), utf8(octets, first + 1, second), utf8(octets, second + 1,
                octets.length));
    }

    private static byte[] base64(String text) throws MalformedException {
        boolean valid = text.length() % 4 == 0;
        for (int i = 0; valid && i < text.length(); i++) {
            char c = text.charAt(i);
            boolean padding = c == '=' && i >= text.length() - 2 && (i == text.length() - 1 || text.charAt(i + 1) == '=');
            valid = c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || padding);
        }
        if (!valid) {
            throw new NotBase64Exception();
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new NotBase64Exception();
        }
    }

    private static int indexOfNul(byte[] octets, int from) {
        for (int i = from; i < octets.length; i++) {
            if (octets[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8(byte[] octets, int from, int to) throws MalformedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(octets, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException("Response is not a PLAIN message: not UTF-8 (RFC 4616)");
        }
    }
}
