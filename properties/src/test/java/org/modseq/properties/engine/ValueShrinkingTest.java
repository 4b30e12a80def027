package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Shrinking of single generated values through {@link PropertyRunner#forAll}. */
class ValueShrinkingTest {

    private static final Settings SETTINGS = Settings.defaults().withTries(200).withSeed(0x5eedL);

    private static <T> T minimal(Gen<T> gen, Consumer<T> check, long seed) {
        PropertyResult<T> result = PropertyRunner.forAll("test", gen, check, SETTINGS.withSeed(seed));
        if (!(result instanceof PropertyResult.Failed<T> failed)) {
            throw new AssertionError("no failure found: " + result.report());
        }
        assertEquals(1, failed.minimalHistory().size());
        return failed.minimalHistory().get(0);
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw new AssertionError("property violated");
        }
    }

    @Test
    void listContainingAnElementOfTenOrMoreShrinksToJustTen() {
        Gen<List<Integer>> lists = Gen.lists(Gen.integers(0, 100), 0, 20);
        for (long seed = 1; seed <= 10; seed++) {
            assertEquals(List.of(10), minimal(lists, list -> require(list.stream().allMatch(i -> i < 10)), seed));
        }
    }

    @Test
    void listsWithAMinimumSizeShrinkToTheMinimum() {
        assertEquals(List.of(0, 0, 0), minimal(Gen.lists(Gen.integers(0, 9), 3, 10), list -> require(false), 1));
    }

    @Test
    void integersShrinkToTheBoundary() {
        assertEquals(1000, minimal(Gen.integers(0, 1_000_000), i -> require(i < 1000), 2));
        assertEquals(6, minimal(Gen.integers(-100, 100), i -> require(i <= 5), 3));
        assertEquals(Long.MIN_VALUE, minimal(Gen.integers(Long.MIN_VALUE, Long.MAX_VALUE), i -> require(false), 4));
        assertEquals(1L << 40, minimal(Gen.integers(0L, Long.MAX_VALUE), i -> require(i < 1L << 40), 4));
    }

    @Test
    void oneOfShrinksToTheEarliestFailingAlternative() {
        Gen<String> gen = Gen.oneOf(Gen.constant("a"), Gen.constant("b"), Gen.constant("c"));
        assertEquals("b", minimal(gen, s -> require(s.equals("a")), 5));
        Gen<String> weighted = Gen.frequency(Gen.weighted(1, Gen.constant("x")), Gen.weighted(20, Gen.constant("y")));
        assertEquals("x", minimal(weighted, s -> require(false), 5));
    }

    @Test
    void dependentAndFilteredValuesShrinkWithinTheirGenerator() {
        Gen<List<Integer>> sized = Gen.integers(1, 10).flatMap(n -> Gen.lists(Gen.integers(0, 9), n, n));
        assertEquals(List.of(9), minimal(sized, list -> require(!list.contains(9)), 6));
        Gen<Integer> evens = Gen.integers(0, 1000).filter(i -> i % 2 == 0);
        assertEquals(52, minimal(evens, i -> require(i <= 51), 7));
    }

    @Test
    void sumAboveHundredShrinksToALocallyMinimalList() {
        List<Integer> list = minimal(Gen.lists(Gen.integers(0, 100), 0, 30),
                l -> require(l.stream().mapToInt(Integer::intValue).sum() <= 100), 8);
        assertEquals(101, list.stream().mapToInt(Integer::intValue).sum(), "not minimal: " + list);
        assertTrue(list.stream().allMatch(i -> i > 0), "a zero element could be removed: " + list);
    }

    @Test
    void aPassingPropertyPassesEveryTry() {
        PropertyResult<Integer> result =
                PropertyRunner.forAll("in range", Gen.integers(3, 9), i -> require(i >= 3 && i <= 9), SETTINGS);
        assertTrue(result.passed());
        assertEquals(200, assertInstanceOf(PropertyResult.Passed.class, result).tries());
    }
}
