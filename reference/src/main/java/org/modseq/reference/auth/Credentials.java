package org.modseq.reference.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The accounts of a server as it keeps them: each user's salted {@link PasswordHash}, never the
 * password. Built from name-to-password maps whose values are passwords, or hashes written
 * {@code {ARGON2ID}$argon2id$...} (a users file's form), so that plaintext passwords live only
 * as long as it takes to hash them.
 */
public final class Credentials {

    private final Map<String, PasswordHash> hashes;
    /** Checked for unknown users, so that a wrong name costs what a wrong password costs. */
    private final PasswordHash decoy;

    private Credentials(Map<String, PasswordHash> hashes, PasswordHash decoy) {
        this.hashes = hashes;
        this.decoy = decoy;
    }

    /**
     * The accounts of this map; a value that starts with {@link PasswordHash#SCHEME} is a hash
     * already, any other is a password, hashed here with {@code cost}.
     *
     * @throws IllegalArgumentException naming the user whose hash cannot be read
     */
    public static Credentials of(Map<String, String> passwords, HashCost cost) {
        Map<String, PasswordHash> hashes = new LinkedHashMap<>();
        passwords.forEach((user, secret) -> {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(secret, "password of " + user);
            try {
                hashes.put(user, isHash(secret) ? PasswordHash.parse(secret) : PasswordHash.of(secret, cost));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("password hash of " + user + ": " + e.getMessage(), e);
            }
        });
        return new Credentials(Map.copyOf(hashes), PasswordHash.of("decoy", cost));
    }

    /** Whether a stored value is a hash ({@code {ARGON2ID}...}) rather than a password. */
    public static boolean isHash(String secret) {
        return secret.startsWith(PasswordHash.SCHEME);
    }

    /** Whether {@code user} exists and {@code password} is theirs. */
    public boolean verify(String user, String password) {
        PasswordHash hash = hashes.get(user);
        if (hash == null) {
            decoy.matches(password);
            return false;
        }
        return hash.matches(password);
    }

    public Set<String> users() {
        return hashes.keySet();
    }
}
