package org.modseq.reference.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A salted Argon2id hash of a password (RFC 9106), in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (salt and hash in base64 without padding), as
 * the reference implementation, libsodium, Dovecot and {@code argon2} print it. Bouncy Castle's
 * {@link Argon2BytesGenerator} computes it; comparison takes the same time wherever the hashes
 * differ ({@link MessageDigest#isEqual}).
 */
public final class PasswordHash {

    /** Dovecot's scheme prefix, which a users file puts before a PHC string: {@code {ARGON2ID}$argon2id$...}. */
    public static final String SCHEME = "{ARGON2ID}";

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_OCTETS = 16;
    private static final int HASH_OCTETS = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

    private final HashCost cost;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(HashCost cost, byte[] salt, byte[] hash) {
        this.cost = cost;
        this.salt = salt;
        this.hash = hash;
    }

    /** The hash of {@code password} with a new random salt. */
    public static PasswordHash of(String password, HashCost cost) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(cost, "cost");
        byte[] salt = new byte[SALT_OCTETS];
        RANDOM.nextBytes(salt);
        return new PasswordHash(cost, salt, argon2(password, cost, salt, HASH_OCTETS));
    }

    /**
     * Reads a PHC string, with or without {@link #SCHEME} before it.
     *
     * @throws IllegalArgumentException with a one-line message when it is not an Argon2id hash of
     *     version 19 with a salt of at least 8 octets and a hash of 16 to 64, within {@link HashCost}'s bounds
     */
    public static PasswordHash parse(String text) {
        String phc = text.startsWith(SCHEME) ? text.substring(SCHEME.length()) : text;
        if (!phc.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an Argon2id hash (expected " + SCHEME + PREFIX
                    + "m=...,t=...,p=...$SALT$HASH)");
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("an Argon2id hash has parameters, salt and hash after " + PREFIX);
        }
        HashCost cost = cost(parts[0]);
        byte[] salt = base64(parts[1], "salt");
        byte[] hash = base64(parts[2], "hash");
        if (salt.length < 8) {
            throw new IllegalArgumentException("an Argon2id salt must be at least 8 octets, not " + salt.length);
        }
        if (hash.length < 16 || hash.length > 64) {
            throw new IllegalArgumentException("an Argon2id hash must be 16 to 64 octets, not " + hash.length);
        }
        return new PasswordHash(cost, salt, hash);
    }

    private static HashCost cost(String parameters) {
        String[] fields = parameters.split(",", -1);
        if (fields.length != 3 || !fields[0].startsWith("m=") || !fields[1].startsWith("t=") || !fields[2].startsWith("p=")) {
            throw new IllegalArgumentException("Argon2id parameters must be m=KIB,t=PASSES,p=LANES, not " + parameters);
        }
        try {
            return new HashCost(number(fields[0]), number(fields[1]), number(fields[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Argon2id parameters " + parameters + ": " + e.getMessage(), e);
        }
    }

    private static int number(String field) {
        String digits = field.substring(2);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return Integer.parseInt(digits);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Argon2id " + what + " is not base64", e);
        }
    }

    /** Whether {@code password} has this hash, in a time that does not depend on where a wrong one differs. */
    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, argon2(password, cost, salt, hash.length));
    }

    public HashCost cost() {
        return cost;
    }

    /** The PHC string, without the scheme prefix. */
    public String toPhc() {
        return PREFIX + "m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** The PHC string; no password can be read from it. */
    @Override
    public String toString() {
        return toPhc();
    }

    private static byte[] argon2(String password, HashCost cost, byte[] salt, int octets) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[octets];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
