package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.modseq.model.mailbox.ExpungeHistory;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.NumberSet;

/**
 * {@link ExpungeLog} against the model's own {@link ExpungeHistory}, for bounds from 0 to
 * unbounded: random expunge batches, then VANISHED (EARLIER) queries above, at and below the
 * floor (R80, R100) with random UID sets.
 */
class ExpungeLogTest {

    @Test
    void answersAsTheModelsExpungeHistoryForEveryBound() {
        for (int bound : new int[] {0, 1, 2, 3, 5, 17, Integer.MAX_VALUE}) {
            for (long seed = 1; seed <= 15; seed++) {
                run(bound, new SplittableRandom(seed * 31 + bound));
            }
        }
    }

    private static void run(int bound, SplittableRandom random) {
        ExpungeLog log = new ExpungeLog(bound);
        ExpungeHistory model = ExpungeHistory.empty(bound);
        TreeSet<Long> live = new TreeSet<>();
        long uidNext = 1;
        long modSeq = 1;
        for (int op = 0; op < 300; op++) {
            for (int i = random.nextInt(4); i > 0; i--) {
                live.add(uidNext++);
                modSeq++;
            }
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                List<Long> batch = new ArrayList<>();
                for (long uid : live) {
                    if (random.nextInt(4) == 0) {
                        batch.add(uid);
                    }
                }
                if (!batch.isEmpty()) {
                    modSeq++;
                    live.removeAll(batch);
                    log.record(batch.stream().mapToLong(Long::longValue).toArray(), batch.size(), modSeq);
                    model = model.record(NumberSet.of(batch), ModSeq.of(modSeq));
                }
            }
            assertEquals(model.floor().value(), log.floor());
            assertEquals(model.entries().size(), log.size());
            assertEquals(model.lastExpunge().value(), log.lastExpunge());
            NumberSet liveSet = NumberSet.of(new ArrayList<>(live));
            for (int q = 0; q < 3; q++) {
                long since = random.nextLong(modSeq + 2);
                NumberSet scope = random.nextInt(4) == 0 ? NumberSet.range(1, NumberSet.MAX_NUMBER)
                        : NumberSet.range(1 + random.nextLong(uidNext + 1), uidNext + random.nextLong(5))
                                .union(NumberSet.of(1 + random.nextLong(uidNext + 3)));
                NumberSet expected = model.vanishedSince(ModSeq.of(since), scope, liveSet, uidNext);
                NumberSet actual = log.vanishedSince(since, scope, uidNext, (low, high, action) -> {
                    for (long uid : live.subSet(low, true, high, true)) {
                        action.accept(uid);
                    }
                });
                assertEquals(expected, actual, "bound " + bound + ", since " + since + ", scope " + scope);
            }
        }
    }
}
