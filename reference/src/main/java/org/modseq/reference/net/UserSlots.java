package org.modseq.reference.net;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many connections each user is logged in on, against {@link ServerConfig#maxConnectionsPerUser()}:
 * one user's runaway client (or a leaked password) cannot take the whole server's connections.
 */
final class UserSlots {

    private final int perUser;
    private final ConcurrentHashMap<String, Integer> taken = new ConcurrentHashMap<>();

    UserSlots(int perUser) {
        this.perUser = perUser;
    }

    /** Takes one of {@code user}'s slots; false when all are taken. */
    boolean take(String user) {
        boolean[] granted = {false};
        taken.compute(user, (name, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perUser) {
                return count;
            }
            granted[0] = true;
            return now + 1;
        });
        return granted[0];
    }

    /** Gives back a slot {@link #take} gave. */
    void release(String user) {
        taken.computeIfPresent(user, (name, count) -> count <= 1 ? null : count - 1);
    }

    int limit() {
        return perUser;
    }
}
