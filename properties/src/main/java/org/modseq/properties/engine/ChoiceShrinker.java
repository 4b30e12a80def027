package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Shrinks one choice sequence by proposing simpler variants: fewer choices, then smaller ones.
 * It knows nothing about what the choices mean; the caller replays each candidate and decides.
 *
 * <p>"Simpler" is shortlex order: shorter first, then lexicographically smaller (unsigned). Callers
 * accept a candidate only if the choices it actually consumed are simpler than the current ones,
 * which makes every accepted step progress in a well-founded order, so shrinking terminates.
 */
final class ChoiceShrinker {
    private static final int[] CHUNK_SIZES = {8, 4, 2, 1};

    private ChoiceShrinker() {}

    /**
     * Shrinks until no pass makes progress or the budget runs out.
     *
     * @param current the current (best) choice sequence; changes when {@code accept} accepts
     * @param accept tries a candidate and returns {@code true} if it was kept
     * @param budgetLeft whether more candidates may be tried
     * @return whether any candidate was accepted
     */
    static boolean shrink(
            Supplier<List<Long>> current, Predicate<List<Long>> accept, BooleanSupplier budgetLeft) {
        boolean any = false;
        boolean progress = true;
        while (progress && budgetLeft.getAsBoolean()) {
            // Non-short-circuit "|": always run both passes.
            progress = deleteChunks(current, accept, budgetLeft) | lowerValues(current, accept, budgetLeft);
            any |= progress;
        }
        return any;
    }

    /** Shortlex comparison of choice sequences, choices read as unsigned numbers. */
    static int compare(List<Long> a, List<Long> b) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compareUnsigned(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Removes runs of choices: drops list elements, skips filter retries, forgets whole values. */
    private static boolean deleteChunks(
            Supplier<List<Long>> current, Predicate<List<Long>> accept, BooleanSupplier budgetLeft) {
        boolean progress = false;
        for (int size : CHUNK_SIZES) {
            int start = 0;
            while (start + size <= current.get().size() && budgetLeft.getAsBoolean()) {
                List<Long> choices = current.get();
                List<Long> candidate = new ArrayList<>(choices.subList(0, start));
                candidate.addAll(choices.subList(start + size, choices.size()));
                if (accept.test(candidate)) {
                    progress = true; // retry the same position: the next chunk slid into it
                } else {
                    start++;
                }
            }
        }
        return progress;
    }

    /** Lowers each choice to the smallest value still accepted: zero first, then binary search. */
    private static boolean lowerValues(
            Supplier<List<Long>> current, Predicate<List<Long>> accept, BooleanSupplier budgetLeft) {
        boolean progress = false;
        for (int i = 0; i < current.get().size() && budgetLeft.getAsBoolean(); i++) {
            long value = current.get().get(i);
            if (value == 0) {
                continue;
            }
            if (accept.test(replaced(current.get(), i, 0))) {
                progress = true;
                continue;
            }
            // Invariant: the current value `high` is accepted, values below `low` were rejected.
            // Assumes rough monotonicity, as every such shrinker does; it is only a heuristic.
            long low = 1;
            long high = value;
            while (Long.compareUnsigned(low, high) < 0 && budgetLeft.getAsBoolean()) {
                long middle = low + ((high - low) >>> 1);
                if (accept.test(replaced(current.get(), i, middle))) {
                    progress = true;
                    List<Long> now = current.get();
                    if (i >= now.size()) {
                        break;
                    }
                    high = now.get(i); // replay clamps, so it may be even lower than middle
                } else {
                    low = middle + 1;
                }
            }
        }
        return progress;
    }

    private static List<Long> replaced(List<Long> choices, int index, long value) {
        List<Long> copy = new ArrayList<>(choices);
        copy.set(index, value);
        return copy;
    }
}
