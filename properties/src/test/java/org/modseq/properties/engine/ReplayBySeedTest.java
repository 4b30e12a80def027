package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.modseq.properties.engine.CounterProperty.Bug;
import org.modseq.properties.engine.CounterProperty.Command;

/** The seed printed in a failure report replays that failing try exactly. */
class ReplayBySeedTest {

    private static final Pattern REPLAY_SEED = Pattern.compile("-Dmodseq\\.seed=(0x[0-9a-f]{16})");

    private static String printedSeed(PropertyResult.Failed<?> failed) {
        Matcher matcher = REPLAY_SEED.matcher(failed.report());
        assertTrue(matcher.find(), failed.report());
        return matcher.group(1);
    }

    private static PropertyResult.Failed<Command> run(Settings settings) {
        return StatefulShrinkingTest.failed(PropertyRunner.check(new CounterProperty(Bug.ABOVE_HUNDRED, 50), settings));
    }

    @Test
    void printedSeedReplaysTheFailingTryAsTheFirstTry() {
        PropertyResult.Failed<Command> original = run(Settings.fromProperties(Map.<String, String>of()::get, 200, 1000, 12, 50)
                .withSeed(2024));
        assertTrue(original.tryNumber() > 1, "choose a run seed whose first try passes, to test seed derivation");

        Map<String, String> properties = Map.of(Settings.SEED_PROPERTY, printedSeed(original));
        PropertyResult.Failed<Command> replayed = run(Settings.fromProperties(properties::get, 200, 1000, 12, 50));
        assertEquals(1, replayed.tryNumber());
        assertEquals(original.seed(), replayed.seed());
        assertEquals(original.originalHistory(), replayed.originalHistory());
        assertEquals(original.minimalHistory(), replayed.minimalHistory());
        assertEquals(original.failure().getMessage(), replayed.failure().getMessage());
    }

    @Test
    void deepProfileFailuresPrintTheProfileToReplayWith() {
        Map<String, String> deep = Map.of(Settings.PROFILE_PROPERTY, "deep", Settings.SEED_PROPERTY, "77");
        PropertyResult.Failed<Command> original = run(Settings.fromProperties(deep::get, 5, 300, 5, 40));
        assertTrue(original.replayFlags().endsWith(" -Dmodseq.properties.profile=deep"), original.replayFlags());

        Map<String, String> again = Map.of(Settings.PROFILE_PROPERTY, "deep", Settings.SEED_PROPERTY, printedSeed(original));
        PropertyResult.Failed<Command> replayed = run(Settings.fromProperties(again::get, 5, 300, 5, 40));
        assertEquals(original.originalHistory(), replayed.originalHistory());
        assertEquals(original.minimalHistory(), replayed.minimalHistory());
    }

    @Test
    void systemPropertySeedIsRead() {
        String previous = System.getProperty(Settings.SEED_PROPERTY);
        System.setProperty(Settings.SEED_PROPERTY, "0x00000000deadbeef");
        try {
            Settings settings = Settings.fromSystemProperties(10, 100, 5, 50);
            assertEquals(0xdeadbeefL, settings.seed().getAsLong());
        } finally {
            if (previous == null) {
                System.clearProperty(Settings.SEED_PROPERTY);
            } else {
                System.setProperty(Settings.SEED_PROPERTY, previous);
            }
        }
    }
}
