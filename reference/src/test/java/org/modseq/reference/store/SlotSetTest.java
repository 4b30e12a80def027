package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SlotSet}, ranked and unranked, against {@link BitSet} under random appends, flips and rebuilds. */
class SlotSetTest {

    @Test
    void countsRanksSelectsAndFindsAsABitSetDoes() {
        Random random = new Random(7162);
        for (int round = 0; round < 60; round++) {
            SlotSet set = new SlotSet(round % 2 == 0);
            boolean ranked = round % 2 == 0;
            // Sparse sets too, where an unranked set must skip whole empty words.
            int oneIn = round % 3 == 0 ? 200 : 3;
            BitSet expected = new BitSet();
            int slots = 0;
            for (int step = 0; step < 10_000; step++) {
                int choice = random.nextInt(10);
                if (choice < 4 || slots == 0) {
                    boolean member = random.nextInt(oneIn) == 0;
                    set.append(member);
                    expected.set(slots, member);
                    slots++;
                } else if (choice < 9) {
                    int slot = random.nextInt(slots);
                    boolean member = random.nextInt(oneIn) == 0;
                    set.set(slot, member);
                    expected.set(slot, member);
                } else {
                    // Keep every other member, as a compaction keeps the live slots in order.
                    BitSet kept = new BitSet();
                    int to = 0;
                    for (int i = 0; i < slots; i += 2) {
                        kept.set(to++, expected.get(i));
                    }
                    slots = to;
                    expected = kept;
                    BitSet source = kept;
                    set.rebuild(slots, slots + 10, source::get);
                }
                check(set, expected, slots, random, ranked);
            }
        }
    }

    private static void check(SlotSet set, BitSet expected, int slots, Random random, boolean ranked) {
        assertEquals(expected.cardinality(), set.count());
        int slot = slots == 0 ? 0 : random.nextInt(slots);
        if (ranked) {
            assertEquals(expected.get(0, slot + 1).cardinality(), slots == 0 ? 0 : set.rank(slot));
        }
        int next = expected.nextSetBit(slot);
        assertEquals(next < 0 || next >= slots ? -1 : next, set.next(slot));
        assertEquals(next < 0 || next >= slots ? -1 : next, set.nextSparse(slot));
        if (ranked && set.count() > 0) {
            int k = 1 + random.nextInt(set.count());
            int kth = -1;
            for (int i = 0, seen = 0; seen < k; i++) {
                if (expected.get(i)) {
                    seen++;
                    kth = i;
                }
            }
            assertEquals(kth, set.select(k));
        }
        for (int i = 0; i < slots; i += Math.max(1, slots / 16)) {
            assertEquals(expected.get(i), set.contains(i));
        }
    }
}
