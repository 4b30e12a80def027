package org.modseq.reference.cli;

import java.util.Objects;
import org.modseq.reference.auth.Credentials;
import org.modseq.reference.auth.PasswordHash;

/**
 * A user name and password for {@code serve}, written {@code NAME:PASSWORD}; the password may be
 * an Argon2id hash instead, written {@code {ARGON2ID}$argon2id$v=19$m=...} as {@code modseq
 * hash-password} prints it (see {@link PasswordHash}).
 */
public record Account(String name, String password) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("expected NAME:PASSWORD with neither part empty");
        }
        // A client sends both as IMAP strings (RFC 3501 §6.2.3): CR, LF and NUL cannot be sent.
        if (hasControl(name) || hasControl(password)) {
            throw new IllegalArgumentException("a name or password cannot hold control characters");
        }
        if (Credentials.isHash(password)) {
            PasswordHash.parse(password); // a hash that cannot be read is an error here, not at the first login
        }
    }

    /** {@code NAME:PASSWORD}, split at the first colon: the password may hold colons, the name not. */
    public static Account parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected NAME:PASSWORD, found no ':'");
        }
        return new Account(text.substring(0, colon), text.substring(colon + 1));
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
