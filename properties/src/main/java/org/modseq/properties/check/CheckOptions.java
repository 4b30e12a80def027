package org.modseq.properties.check;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How hard to check a server.
 *
 * @param tries how many random scenarios to run, {@code >= 1}
 * @param maxSteps the longest scenario in steps (commands and reconnects), {@code >= 1}; each
 *     scenario's length is drawn up to it
 * @param seed the seed of the first scenario, empty for a random one; a report's seed with the
 *     same {@code maxSteps} replays its failing scenario first
 * @param maxShrinkTime how long shrinking a failing scenario may take: each attempt replays a
 *     shorter scenario against the server
 * @param known the rules the server is known to break: a violation of one ends its scenario and
 *     is reported as a known deviation, and the check goes on
 */
public record CheckOptions(int tries, int maxSteps, OptionalLong seed, Duration maxShrinkTime, KnownRules known) {

    /** Scenarios per run by default: the reference over TCP takes a few seconds for them. */
    public static final int DEFAULT_TRIES = 100;
    /** The longest scenario by default, as in the properties' fast profile. */
    public static final int DEFAULT_MAX_STEPS = 150;
    /** Shrinking's budget by default: enough for a few hundred replays against a slow server. */
    public static final Duration DEFAULT_MAX_SHRINK_TIME = Duration.ofSeconds(60);

    public CheckOptions {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, not " + tries);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, not " + maxSteps);
        }
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(maxShrinkTime, "maxShrinkTime");
        Objects.requireNonNull(known, "known");
        if (maxShrinkTime.isNegative()) {
            throw new IllegalArgumentException("the shrink time cannot be negative");
        }
    }

    /** {@value #DEFAULT_TRIES} scenarios of up to {@value #DEFAULT_MAX_STEPS} steps, a random seed, no known deviations. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_TRIES, DEFAULT_MAX_STEPS, OptionalLong.empty(), DEFAULT_MAX_SHRINK_TIME,
                KnownRules.none());
    }

    public CheckOptions withTries(int value) {
        return new CheckOptions(value, maxSteps, seed, maxShrinkTime, known);
    }

    public CheckOptions withMaxSteps(int value) {
        return new CheckOptions(tries, value, seed, maxShrinkTime, known);
    }

    public CheckOptions withSeed(long value) {
        return new CheckOptions(tries, maxSteps, OptionalLong.of(value), maxShrinkTime, known);
    }

    public CheckOptions withMaxShrinkTime(Duration value) {
        return new CheckOptions(tries, maxSteps, seed, value, known);
    }

    public CheckOptions withKnown(KnownRules value) {
        return new CheckOptions(tries, maxSteps, seed, maxShrinkTime, value);
    }
}
