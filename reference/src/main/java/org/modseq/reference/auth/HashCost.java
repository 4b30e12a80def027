package org.modseq.reference.auth;

/**
 * How much work one Argon2id password hash takes (RFC 9106 §3.1): memory in KiB, passes over
 * it, and lanes. The cost is written into every hash, so verifying takes what hashing took.
 *
 * @param memoryKiB   memory per hash, at least 8 KiB per lane
 * @param iterations  passes over the memory, at least 1
 * @param parallelism lanes, at least 1
 */
public record HashCost(int memoryKiB, int iterations, int parallelism) {

    /**
     * For a server: 19 MiB, 2 passes, 1 lane, the first of OWASP's Argon2id settings (Password
     * Storage Cheat Sheet): about 0.15 s a login on this loaded 2-core machine. {@code modseq serve} hashes
     * plaintext passwords with it, and {@code modseq hash-password} by default.
     */
    public static final HashCost SERVER = new HashCost(19 * 1024, 2, 1);

    /**
     * For passwords written in code (tests, embedded servers): salted Argon2id all the same, but
     * 64 KiB and 1 pass, about 0.3 ms once warm, as test suites log in thousands of times.
     */
    public static final HashCost FIXTURE = new HashCost(64, 1, 1);

    /** Bounds a hash from a users file may ask for, so that a typo cannot take the server's memory. */
    public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    public static final int MAX_ITERATIONS = 1000;
    public static final int MAX_PARALLELISM = 64;

    public HashCost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be from 1 to " + MAX_PARALLELISM + ", not " + parallelism);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memory must be from 8 KiB per lane (" + 8 * parallelism + ") to "
                    + MAX_MEMORY_KIB + " KiB, not " + memoryKiB);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
    }
}
