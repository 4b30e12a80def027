package org.modseq.properties.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * How hard a property is checked.
 *
 * <p>Seeds: try {@code 1} uses {@link #seed()} (random when absent) and each later try's seed is
 * derived from the previous one. So the seed printed for a failing try, passed back as {@code
 * -Dmodseq.seed=...}, makes that try the first one and reproduces it exactly; the remaining tries
 * then continue from it. History lengths depend on {@link #maxSteps()}, so the replay must use the
 * same profile, which the printed replay flags include.
 *
 * @param tries how many histories (or values) to try, {@code >= 1}
 * @param maxSteps the longest history, {@code >= 1}
 * @param seed the seed of the first try; empty for a random one
 * @param maxShrinkAttempts how many candidate histories shrinking may replay; the deterministic
 *     bound
 * @param maxShrinkTime a wall-clock safety net for shrinking slow systems
 * @param sameFailureClass whether a shrunk history must fail with the same exception class, so
 *     shrinking does not slip from one bug to another
 * @param profile the named profile these settings came from, reported for replay
 */
public record Settings(
        int tries,
        int maxSteps,
        OptionalLong seed,
        int maxShrinkAttempts,
        Duration maxShrinkTime,
        boolean sameFailureClass,
        Profile profile) {

    /** System property holding a seed to replay: hexadecimal {@code 0x...} or decimal. */
    public static final String SEED_PROPERTY = "modseq.seed";

    /** System property naming the profile: {@code fast} (the default) or {@code deep}. */
    public static final String PROFILE_PROPERTY = "modseq.properties.profile";

    /**
     * System property capping every property's tries below its profile's count, e.g. for mutation
     * testing, where each mutant reruns the properties that reach it (docs/mutation.md).
     */
    public static final String MAX_TRIES_PROPERTY = "modseq.properties.maxTries";

    /**
     * System property replacing the shrinking bound; {@code 0} reports a failure unshrunk, which is
     * all mutation testing needs from a failing try.
     */
    public static final String MAX_SHRINK_ATTEMPTS_PROPERTY = "modseq.properties.maxShrinkAttempts";

    /** Run size presets, chosen with {@value #PROFILE_PROPERTY}. */
    public enum Profile {
        /** Few tries, short histories: every build. */
        FAST,
        /** Many tries, long histories: nightly or before a release ({@code mvn -Pdeep}). */
        DEEP;

        /**
         * The profile's name as written in the system property.
         *
         * @return {@code fast} or {@code deep}
         */
        public String propertyValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Profile parse(String value) {
            if (value == null || value.isBlank()) {
                return FAST;
            }
            for (Profile profile : values()) {
                if (profile.propertyValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return profile;
                }
            }
            throw new IllegalArgumentException(
                    PROFILE_PROPERTY + " must be 'fast' or 'deep', not '" + value + "'");
        }
    }

    /** Validates the settings. */
    public Settings {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be >= 1, not " + tries);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be >= 1, not " + maxSteps);
        }
        if (maxShrinkAttempts < 0) {
            throw new IllegalArgumentException("maxShrinkAttempts must be >= 0, not " + maxShrinkAttempts);
        }
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(maxShrinkTime, "maxShrinkTime");
        if (maxShrinkTime.isNegative() || maxShrinkTime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("maxShrinkTime must be within [0, 1 day], not " + maxShrinkTime);
        }
    }

    /**
     * 100 tries of up to 50 steps with a random seed; shrinking bounded by 10,000 replays or 30
     * seconds; same failure class required.
     *
     * @return the default settings
     */
    public static Settings defaults() {
        return new Settings(100, 50, OptionalLong.empty(), 10_000, Duration.ofSeconds(30), true, Profile.FAST);
    }

    /**
     * Default settings sized by the profile in {@value #PROFILE_PROPERTY}, with the seed from
     * {@value #SEED_PROPERTY} if set, the tries at most {@value #MAX_TRIES_PROPERTY} if set and the
     * shrinking bound from {@value #MAX_SHRINK_ATTEMPTS_PROPERTY} if set.
     *
     * @param fastTries tries in the fast profile
     * @param deepTries tries in the deep profile
     * @param fastMaxSteps longest history in the fast profile
     * @param deepMaxSteps longest history in the deep profile
     * @return the settings
     * @throws IllegalArgumentException if a property is malformed
     */
    public static Settings fromSystemProperties(int fastTries, int deepTries, int fastMaxSteps, int deepMaxSteps) {
        return fromProperties(System::getProperty, fastTries, deepTries, fastMaxSteps, deepMaxSteps);
    }

    /**
     * Like {@link #fromSystemProperties} but reading properties from {@code properties}.
     *
     * @param properties maps a property name to its value, or {@code null} when unset
     * @param fastTries tries in the fast profile
     * @param deepTries tries in the deep profile
     * @param fastMaxSteps longest history in the fast profile
     * @param deepMaxSteps longest history in the deep profile
     * @return the settings
     * @throws IllegalArgumentException if a property is malformed
     */
    public static Settings fromProperties(
            UnaryOperator<String> properties, int fastTries, int deepTries, int fastMaxSteps, int deepMaxSteps) {
        Profile profile = Profile.parse(properties.apply(PROFILE_PROPERTY));
        String seedText = properties.apply(SEED_PROPERTY);
        // Maven passes an unset property as an empty string.
        OptionalLong seed = seedText == null || seedText.isBlank()
                ? OptionalLong.empty()
                : OptionalLong.of(parseSeed(seedText));
        boolean deep = profile == Profile.DEEP;
        int tries = deep ? deepTries : fastTries;
        String maxTriesText = properties.apply(MAX_TRIES_PROPERTY);
        if (maxTriesText != null && !maxTriesText.isBlank()) {
            tries = Math.min(tries, parseCount(MAX_TRIES_PROPERTY, maxTriesText, 1));
        }
        String shrinkText = properties.apply(MAX_SHRINK_ATTEMPTS_PROPERTY);
        int shrinkAttempts = shrinkText == null || shrinkText.isBlank()
                ? defaults().maxShrinkAttempts()
                : parseCount(MAX_SHRINK_ATTEMPTS_PROPERTY, shrinkText, 0);
        return defaults()
                .withTries(tries)
                .withMaxShrinkAttempts(shrinkAttempts)
                .withMaxSteps(deep ? deepMaxSteps : fastMaxSteps)
                .withSeedOption(seed)
                .withProfile(profile);
    }

    private static int parseCount(String property, String text, int least) {
        try {
            int count = Integer.parseInt(text.trim());
            if (count >= least) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a number out of range
        }
        throw new IllegalArgumentException(property + " must be a whole number >= " + least + ", not '" + text + "'");
    }

    /**
     * Parses a seed as printed in reports ({@code 0x} and 16 hex digits) or in decimal.
     *
     * @param text the seed text
     * @return the seed
     * @throws IllegalArgumentException if the text is not a seed
     */
    public static long parseSeed(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.startsWith("0x") || trimmed.startsWith("0X")) {
                return Long.parseUnsignedLong(trimmed.substring(2), 16);
            }
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SEED_PROPERTY + " must be 0x followed by hex digits, or a decimal number, not '" + text + "'", e);
        }
    }

    /**
     * Formats a seed the way {@link #parseSeed} reads it.
     *
     * @param seed the seed
     * @return {@code 0x} and 16 hex digits
     */
    public static String formatSeed(long seed) {
        return String.format(Locale.ROOT, "0x%016x", seed);
    }

    /**
     * The system property flags that replay the try with seed {@code seed} under these settings.
     *
     * @param seed a try's seed
     * @return e.g. {@code -Dmodseq.seed=0x00000000000004d2}
     */
    public String replayFlags(long seed) {
        String flags = "-D" + SEED_PROPERTY + "=" + formatSeed(seed);
        return profile == Profile.FAST ? flags : flags + " -D" + PROFILE_PROPERTY + "=" + profile.propertyValue();
    }

    /**
     * @param newTries the number of tries
     * @return a copy with that number of tries
     */
    public Settings withTries(int newTries) {
        return new Settings(newTries, maxSteps, seed, maxShrinkAttempts, maxShrinkTime, sameFailureClass, profile);
    }

    /**
     * @param newMaxSteps the longest history
     * @return a copy with that longest history
     */
    public Settings withMaxSteps(int newMaxSteps) {
        return new Settings(tries, newMaxSteps, seed, maxShrinkAttempts, maxShrinkTime, sameFailureClass, profile);
    }

    /**
     * @param newSeed the first try's seed
     * @return a copy with that fixed seed
     */
    public Settings withSeed(long newSeed) {
        return withSeedOption(OptionalLong.of(newSeed));
    }

    /**
     * @param newSeed the first try's seed, or empty for a random one
     * @return a copy with that seed
     */
    public Settings withSeedOption(OptionalLong newSeed) {
        return new Settings(tries, maxSteps, newSeed, maxShrinkAttempts, maxShrinkTime, sameFailureClass, profile);
    }

    /**
     * @param attempts the number of candidate replays shrinking may make
     * @return a copy with that shrinking bound
     */
    public Settings withMaxShrinkAttempts(int attempts) {
        return new Settings(tries, maxSteps, seed, attempts, maxShrinkTime, sameFailureClass, profile);
    }

    /**
     * @param time the wall-clock bound on shrinking
     * @return a copy with that shrinking bound
     */
    public Settings withMaxShrinkTime(Duration time) {
        return new Settings(tries, maxSteps, seed, maxShrinkAttempts, time, sameFailureClass, profile);
    }

    /**
     * @param same whether shrunk failures must keep the original exception class
     * @return a copy with that policy
     */
    public Settings withSameFailureClass(boolean same) {
        return new Settings(tries, maxSteps, seed, maxShrinkAttempts, maxShrinkTime, same, profile);
    }

    /**
     * @param newProfile the profile to report
     * @return a copy with that profile
     */
    public Settings withProfile(Profile newProfile) {
        return new Settings(tries, maxSteps, seed, maxShrinkAttempts, maxShrinkTime, sameFailureClass, newProfile);
    }
}
