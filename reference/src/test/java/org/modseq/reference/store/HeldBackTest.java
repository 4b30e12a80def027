package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link HeldBack} stays sorted by UID with each UID's values, against a TreeMap. */
class HeldBackTest {

    @Test
    void keepsUidOrderAndCountsAsATreeMap() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 50; round++) {
            HeldBack held = new HeldBack();
            TreeMap<Long, long[]> reference = new TreeMap<>();
            for (int i = 0; i < 1 + random.nextInt(100); i++) {
                long uid = 1 + random.nextLong(1_000);
                if (reference.containsKey(uid)) {
                    continue;
                }
                long[] values = {random.nextLong(50), random.nextLong(50)};
                reference.put(uid, values);
                held.add(uid, values[0], values[1]);
            }
            assertEquals(reference.size(), held.size());
            int i = 0;
            for (var e : reference.entrySet()) {
                assertEquals(e.getKey(), held.uid(i));
                assertEquals(e.getValue()[0], held.known(i));
                assertEquals(e.getValue()[1], held.expungedAt(i));
                assertEquals(i, held.countBelow(e.getKey()));
                i++;
            }
            for (int q = 0; q < 20; q++) {
                long uid = random.nextLong(1_100);
                assertEquals(reference.headMap(uid).size(), held.countBelow(uid));
                assertEquals(reference.containsKey(uid), held.contains(uid));
            }
            held.clear();
            assertEquals(0, held.size());
        }
    }
}
