package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTest {

    private static List<Long> draw(Source source, long max, int count) {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(source.choose(max));
        }
        return values;
    }

    @Test
    void randomChoicesAreDeterministicForASeedAndRecorded() {
        Source first = Source.random(42);
        Source second = Source.random(42);
        List<Long> values = draw(first, 1000, 50);
        assertEquals(values, draw(second, 1000, 50));
        assertEquals(values, first.choices());
        assertNotEquals(values, draw(Source.random(43), 1000, 50));
    }

    @Test
    void randomChoicesStayWithinTheBound() {
        Source source = Source.random(7);
        for (long max : new long[] {0, 1, 2, 9, 1000, Long.MAX_VALUE}) {
            for (int i = 0; i < 2000; i++) {
                long value = source.choose(max);
                assertTrue(value >= 0 && value <= max, value + " outside [0, " + max + "]");
            }
        }
    }

    @Test
    void unsignedBoundsAboveTwoToTheSixtyThreeAreHonoured() {
        Source source = Source.random(11);
        long max = -2; // 2^64 - 2 as an unsigned number
        boolean sawHighHalf = false;
        for (int i = 0; i < 2000; i++) {
            long value = source.choose(max);
            assertTrue(Long.compareUnsigned(value, max) <= 0);
            sawHighHalf |= value < 0;
        }
        assertTrue(sawHighHalf, "values above 2^63 are never drawn");
    }

    @Test
    void replayReturnsRecordedChoicesThenZeros() {
        Source source = Source.replay(List.of(3L, 1L));
        assertEquals(3, source.choose(10));
        assertEquals(1, source.choose(10));
        assertEquals(0, source.choose(10));
        assertFalse(source.chooseBoolean(0.9));
        assertEquals(List.of(3L, 1L, 0L, 0L), source.choices());
    }

    @Test
    void replayClampsChoicesAboveTheBoundAndRecordsTheClampedValue() {
        Source source = Source.replay(List.of(100L, 5L));
        assertEquals(4, source.choose(4));
        assertTrue(source.chooseBoolean(0.0), "a non-zero recorded choice means true");
        assertEquals(List.of(4L, 1L), source.choices());
    }

    @Test
    void weightedBooleansFollowTheirProbability() {
        Source source = Source.random(3);
        int yes = 0;
        for (int i = 0; i < 4000; i++) {
            if (source.chooseBoolean(0.25)) {
                yes++;
            }
        }
        assertTrue(yes > 800 && yes < 1200, "expected about 1000 yes, got " + yes);
    }

    @Test
    void runawayGeneratorsAreStopped() {
        Source source = Source.random(1);
        GenerationException e = assertThrows(GenerationException.class, () -> {
            while (true) {
                source.choose(5);
            }
        });
        assertTrue(e.getMessage().contains("choices"));
    }
}
