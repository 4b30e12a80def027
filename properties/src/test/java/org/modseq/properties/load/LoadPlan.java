package org.modseq.properties.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much load to put on the server: {@code sessions} connections, in accounts of
 * {@code sessionsPerAccount} each, working for {@code duration}. Each account's sessions take
 * turns (so its history is one order the judge can follow); the accounts run side by side.
 *
 * @param stopAtFirstFailure whether every account stops once one fails (the teeth tests need
 *     only the first failure); otherwise only the failing account stops
 */
record LoadPlan(int sessions, int sessionsPerAccount, Duration duration, long seed, boolean stopAtFirstFailure) {

    static final int DEFAULT_SESSIONS = 200;
    static final int DEFAULT_SESSIONS_PER_ACCOUNT = 4;
    static final long DEFAULT_SECONDS = 30;
    static final long DEFAULT_SEED = 0x10AD_5EEDL;

    LoadPlan {
        if (sessionsPerAccount < 1 || sessions < sessionsPerAccount || sessions % sessionsPerAccount != 0) {
            throw new IllegalArgumentException("sessions (" + sessions + ") must be a positive multiple of"
                    + " sessions per account (" + sessionsPerAccount + ")");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the load must last a while, not " + duration);
        }
    }

    /**
     * The default plan, or what {@code -Dmodseq.load.sessions}, {@code -Dmodseq.load.sessionsPerAccount},
     * {@code -Dmodseq.load.seconds} and {@code -Dmodseq.load.seed} ask for.
     */
    static LoadPlan fromSystemProperties() {
        return new LoadPlan(Integer.getInteger("modseq.load.sessions", DEFAULT_SESSIONS),
                Integer.getInteger("modseq.load.sessionsPerAccount", DEFAULT_SESSIONS_PER_ACCOUNT),
                Duration.ofSeconds(Long.getLong("modseq.load.seconds", DEFAULT_SECONDS)),
                Long.decode(System.getProperty("modseq.load.seed", Long.toString(DEFAULT_SEED))), false);
    }

    LoadPlan stoppingAtFirstFailure(Duration atMost) {
        return new LoadPlan(sessions, sessionsPerAccount, atMost, seed, true);
    }

    int accounts() {
        return sessions / sessionsPerAccount;
    }

    /** The name of account {@code n} (from 0): {@code load000}, {@code load001}, ... */
    static String user(int n) {
        return String.format("load%03d", n);
    }

    static String password(String user) {
        return "pw-" + user;
    }

    /** Every account's user and password, for the engine under load. */
    Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (int n = 0; n < accounts(); n++) {
            passwords.put(user(n), password(user(n)));
        }
        return passwords;
    }
}
