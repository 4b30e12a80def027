package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenTest {

    private static <T> List<T> sample(Gen<T> gen, long seed, int count) {
        Source source = Source.random(seed);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(gen.generate(source));
        }
        return values;
    }

    /** The value a generator gives when every choice is the simplest. */
    private static <T> T simplest(Gen<T> gen) {
        return gen.generate(Source.replay(List.of()));
    }

    @Test
    void intsRespectBoundsAndReachBoth() {
        int[][] ranges = {{-5, 5}, {3, 3}, {0, 1000}, {Integer.MIN_VALUE, Integer.MAX_VALUE}};
        for (int[] range : ranges) {
            List<Integer> values = sample(Gen.integers(range[0], range[1]), 1, 3000);
            for (int value : values) {
                assertTrue(value >= range[0] && value <= range[1], value + " outside range");
            }
            assertTrue(values.contains(range[0]), "low bound never generated");
            assertTrue(values.contains(range[1]), "high bound never generated");
        }
    }

    @Test
    void longsRespectBoundsIncludingTheFullRange() {
        long lo = -(1L << 62);
        long hi = (1L << 62) + 10;
        for (long value : sample(Gen.integers(lo, hi), 2, 3000)) {
            assertTrue(value >= lo && value <= hi);
        }
        List<Long> full = sample(Gen.integers(Long.MIN_VALUE, Long.MAX_VALUE), 3, 3000);
        assertTrue(full.stream().anyMatch(v -> v < 0) && full.stream().anyMatch(v -> v > 0));
        assertTrue(full.contains(Long.MIN_VALUE) && full.contains(Long.MAX_VALUE));
    }

    @Test
    void generationIsDeterministicForASeed() {
        Gen<List<Integer>> gen = Gen.lists(Gen.integers(0, 100), 0, 10);
        assertEquals(sample(gen, 99, 50), sample(gen, 99, 50));
        assertNotEquals(sample(gen, 99, 50), sample(gen, 100, 50));
    }

    @Test
    void replayingRecordedChoicesReproducesTheValue() {
        Gen<List<String>> gen = Gen.lists(
                Gen.oneOf(Gen.integers(0, 9).map(i -> "n" + i), Gen.booleans().map(b -> "b" + b)), 1, 8);
        Source source = Source.random(5);
        for (int i = 0; i < 100; i++) {
            int before = source.choices().size();
            List<String> value = gen.generate(source);
            List<Long> choices = source.choices().subList(before, source.choices().size());
            assertEquals(value, gen.generate(Source.replay(choices)));
        }
    }

    @Test
    void exhaustedChoicesGiveTheSimplestValues() {
        assertEquals(5, simplest(Gen.integers(5, 9)));
        assertEquals(-3L, simplest(Gen.integers(-3L, 9L)));
        assertFalse(simplest(Gen.booleans()));
        assertEquals("first", simplest(Gen.oneOf(Gen.constant("first"), Gen.constant("second"))));
        assertEquals("a", simplest(Gen.elements(List.of("a", "b"))));
        assertEquals(List.of(), simplest(Gen.lists(Gen.integers(0, 9), 0, 5)));
        assertEquals(List.of(1, 1), simplest(Gen.lists(Gen.integers(1, 9), 2, 5)));
        assertEquals("y", simplest(Gen.frequency(
                Gen.weighted(0, Gen.constant("x")), Gen.weighted(1, Gen.constant("y")), Gen.weighted(5, Gen.constant("z")))));
    }

    @Test
    void listsRespectSizeBoundsAndVary() {
        Set<Integer> sizes = new HashSet<>();
        for (List<Integer> list : sample(Gen.lists(Gen.integers(0, 3), 2, 12), 8, 500)) {
            assertTrue(list.size() >= 2 && list.size() <= 12, "size " + list.size());
            sizes.add(list.size());
            assertThrows(UnsupportedOperationException.class, () -> list.add(1));
        }
        assertTrue(sizes.contains(2) && sizes.contains(12) && sizes.size() > 8, "sizes " + sizes);
        assertTrue(sample(Gen.lists(Gen.integers(0, 3), 4, 4), 8, 50).stream().allMatch(l -> l.size() == 4));
    }

    @Test
    void oneOfAndElementsReachEveryAlternative() {
        assertEquals(Set.of("a", "b", "c"),
                new HashSet<>(sample(Gen.oneOf(Gen.constant("a"), Gen.constant("b"), Gen.constant("c")), 4, 200)));
        assertEquals(Set.of(1, 2, 3), new HashSet<>(sample(Gen.elements(List.of(1, 2, 3)), 4, 200)));
    }

    @Test
    void frequencyFollowsWeightsAndNeverPicksZeroWeights() {
        Gen<String> gen = Gen.frequency(
                Gen.weighted(1, Gen.constant("rare")), Gen.weighted(0, Gen.constant("never")), Gen.weighted(9, Gen.constant("common")));
        List<String> values = sample(gen, 6, 5000);
        long rare = values.stream().filter("rare"::equals).count();
        assertFalse(values.contains("never"));
        assertTrue(rare > 300 && rare < 800, "expected about 10% rare, got " + rare);
    }

    @Test
    void mapFlatMapAndCombineCompose() {
        Gen<List<Integer>> sized = Gen.integers(1, 5).flatMap(n -> Gen.lists(Gen.constant(n), n, n));
        for (List<Integer> list : sample(sized, 9, 100)) {
            assertEquals(list.size(), (int) list.get(0));
        }
        Gen<String> pairs = Gen.combine(Gen.integers(0, 3), Gen.booleans(), (i, b) -> i + ":" + b);
        assertEquals("0:false", simplest(pairs));
        assertTrue(sample(Gen.integers(0, 10).map(i -> i * 2), 9, 100).stream().allMatch(i -> i % 2 == 0));
    }

    @Test
    void filterKeepsMatchingValuesAndGivesUpClearly() {
        assertTrue(sample(Gen.integers(0, 100).filter(i -> i % 3 == 0), 10, 200).stream().allMatch(i -> i % 3 == 0));
        Gen<Integer> impossible = Gen.integers(0, 100).filter(i -> i > 100);
        GenerationException e = assertThrows(GenerationException.class, () -> impossible.generate(Source.random(1)));
        assertTrue(e.getMessage().contains("filter rejected 100"), e.getMessage());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Gen.integers(5, 1));
        assertThrows(IllegalArgumentException.class, () -> Gen.integers(5L, 1L));
        assertThrows(IllegalArgumentException.class, () -> Gen.lists(Gen.constant(1), 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Gen.lists(Gen.constant(1), -1, 2));
        assertThrows(IllegalArgumentException.class, () -> Gen.oneOf(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Gen.elements(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Gen.frequency(Gen.weighted(0, Gen.constant(1))));
        assertThrows(IllegalArgumentException.class, () -> Gen.weighted(-1, Gen.constant(1)));
    }
}
