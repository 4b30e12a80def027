package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ModSeqIndex} against a plain map of each message's current mod-sequence and prior:
 * random commands change one message or several under one mod-sequence (in ascending UID
 * order, as a STORE does), and expunge some; every query must agree with a filter of the map.
 */
class ModSeqIndexTest {

    @Test
    void answersMatchAFilterOfTheCurrentValuesUnderRandomChanges() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Map<Long, Long> current = new HashMap<>();
            Map<Long, Long> prior = new HashMap<>();
            ModSeqIndex index = new ModSeqIndex(uid -> current.getOrDefault(uid, -1L));
            long modSeq = 1;
            long uids = 1 + random.nextInt(60);
            for (int op = 0; op < 1_500; op++) {
                int kind = random.nextInt(10);
                if (kind < 7) {
                    modSeq++;
                    TreeSet<Long> batch = new TreeSet<>();
                    int size = kind < 5 ? 1 : 1 + random.nextInt(8);
                    for (int i = 0; i < size; i++) {
                        batch.add(1 + random.nextLong(uids));
                    }
                    for (long uid : batch) {
                        Long old = current.put(uid, modSeq);
                        if (old != null) {
                            index.retire();
                        }
                        long before = old == null ? 0 : old;
                        prior.put(uid, before);
                        index.add(uid, modSeq, before);
                    }
                } else if (!current.isEmpty()) {
                    List<Long> keys = new ArrayList<>(current.keySet());
                    long uid = keys.get(random.nextInt(keys.size()));
                    current.remove(uid);
                    index.retire();
                }
                long since = random.nextLong(modSeq + 2);
                TreeSet<Long> expected = new TreeSet<>();
                current.forEach((uid, m) -> {
                    if (m > since) {
                        expected.add(uid);
                    }
                });
                TreeSet<Long> actual = new TreeSet<>();
                List<Long> order = new ArrayList<>();
                index.forEachAbove(since, uid -> {
                    assertTrue(actual.add(uid), "UID " + uid + " reported twice");
                    order.add(current.get(uid));
                });
                assertEquals(expected, actual, "above " + since + " at step " + op + " of seed " + seed);
                for (int i = 1; i < order.size(); i++) {
                    assertTrue(order.get(i - 1) <= order.get(i), "answers out of mod-sequence order");
                }
                assertTrue(index.countAbove(since) >= expected.size());
                current.forEach((uid, m) -> assertEquals(prior.get(uid), index.prior(uid, m), "prior of " + uid));
            }
            assertTrue(index.size() <= 2 * current.size() + 64, "stale entries are compacted away: " + index.size());
        }
    }
}
