package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Packed {@link FlagStamps} against a map from flag id to mod-sequence. */
class FlagStampsTest {

    @Test
    void packedStampsReadAsAMap() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 100; round++) {
            long[] stamps = null;
            Map<Integer, Long> reference = new HashMap<>();
            for (int i = 0; i < 30; i++) {
                int flag = random.nextInt(8);
                long modSeq = 1 + random.nextLong(1_000);
                stamps = FlagStamps.put(stamps, flag, modSeq);
                reference.put(flag, modSeq);
                for (int f = 0; f < 9; f++) {
                    assertEquals(reference.getOrDefault(f, 0L), FlagStamps.get(stamps, f));
                }
            }
            assertEquals(2 * reference.size(), stamps.length);
        }
    }
}
