package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void profilesChooseTriesAndHistoryLength() {
        Settings fast = Settings.fromProperties(Map.<String, String>of()::get, 10, 1000, 20, 200);
        assertEquals(Settings.Profile.FAST, fast.profile());
        assertEquals(10, fast.tries());
        assertEquals(20, fast.maxSteps());
        assertTrue(fast.seed().isEmpty());

        Settings deep = Settings.fromProperties(Map.of("modseq.properties.profile", "DEEP")::get, 10, 1000, 20, 200);
        assertEquals(Settings.Profile.DEEP, deep.profile());
        assertEquals(1000, deep.tries());
        assertEquals(200, deep.maxSteps());

        // Maven hands unset properties over as empty strings.
        Settings blank = Settings.fromProperties(Map.of("modseq.properties.profile", "", "modseq.seed", " ")::get, 1, 2, 3, 4);
        assertEquals(Settings.Profile.FAST, blank.profile());
        assertTrue(blank.seed().isEmpty());

        assertThrows(IllegalArgumentException.class,
                () -> Settings.fromProperties(Map.of("modseq.properties.profile", "slow")::get, 1, 2, 3, 4));
    }

    @Test
    void maxTriesCapsEitherProfileButNeverRaisesIt() {
        Settings capped = Settings.fromProperties(Map.of("modseq.properties.maxTries", "25")::get, 100, 1000, 20, 200);
        assertEquals(25, capped.tries());
        assertEquals(20, capped.maxSteps());
        Settings deepCapped = Settings.fromProperties(
                Map.of("modseq.properties.maxTries", " 25 ", "modseq.properties.profile", "deep")::get, 100, 1000, 20, 200);
        assertEquals(25, deepCapped.tries());
        assertEquals(200, deepCapped.maxSteps());
        assertEquals(10, Settings.fromProperties(Map.of("modseq.properties.maxTries", "25")::get, 10, 1000, 20, 200).tries());
        assertEquals(10, Settings.fromProperties(Map.of("modseq.properties.maxTries", "")::get, 10, 1000, 20, 200).tries());
        for (String bad : new String[] {"0", "-3", "many"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Settings.fromProperties(Map.of("modseq.properties.maxTries", bad)::get, 1, 2, 3, 4));
            assertTrue(e.getMessage().contains("modseq.properties.maxTries"), e.getMessage());
        }
    }

    @Test
    void maxShrinkAttemptsReplacesTheShrinkingBound() {
        assertEquals(Settings.defaults().maxShrinkAttempts(),
                Settings.fromProperties(Map.<String, String>of()::get, 1, 2, 3, 4).maxShrinkAttempts());
        assertEquals(0, Settings.fromProperties(
                Map.of("modseq.properties.maxShrinkAttempts", "0")::get, 1, 2, 3, 4).maxShrinkAttempts());
        assertEquals(50, Settings.fromProperties(
                Map.of("modseq.properties.maxShrinkAttempts", "50")::get, 1, 2, 3, 4).maxShrinkAttempts());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.fromProperties(
                Map.of("modseq.properties.maxShrinkAttempts", "-1")::get, 1, 2, 3, 4));
        assertTrue(e.getMessage().contains("modseq.properties.maxShrinkAttempts"), e.getMessage());
    }

    @Test
    void seedsRoundTripInHexAndParseInDecimal() {
        for (long seed : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x1234abcdL}) {
            String text = Settings.formatSeed(seed);
            assertTrue(text.matches("0x[0-9a-f]{16}"), text);
            assertEquals(seed, Settings.parseSeed(text));
        }
        assertEquals(-42, Settings.parseSeed(" -42 "));
        assertEquals(0xABCL, Settings.parseSeed("0XABC"));
        assertThrows(IllegalArgumentException.class, () -> Settings.parseSeed("0xnothex"));
        assertThrows(IllegalArgumentException.class, () -> Settings.parseSeed("seed"));
    }

    @Test
    void replayFlagsNameTheProfileOnlyWhenNotTheDefault() {
        assertEquals("-Dmodseq.seed=0x000000000000002a", Settings.defaults().replayFlags(42));
        assertEquals("-Dmodseq.seed=0x000000000000002a -Dmodseq.properties.profile=deep",
                Settings.defaults().withProfile(Settings.Profile.DEEP).replayFlags(42));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withTries(0));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withMaxSteps(0));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withMaxShrinkAttempts(-1));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withMaxShrinkTime(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> Settings.defaults().withMaxShrinkTime(null));
    }

    @Test
    void consecutiveTrySeedsDiffer() {
        long seed = 0;
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(seed));
            seed = PropertyRunner.nextSeed(seed);
        }
    }
}
