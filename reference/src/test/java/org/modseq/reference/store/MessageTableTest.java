package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;

/**
 * The numbering of {@link MessageTable} against the obvious reference: a sorted list of live
 * UIDs, under random appends (UIDs with gaps), expunges and compactions.
 */
class MessageTableTest {

    @Test
    void numbersAndUidsMatchASortedListUnderRandomAppendsAndExpunges() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            MessageTable table = new MessageTable(seed % 2 == 0);
            List<Long> live = new ArrayList<>();
            List<Long> added = new ArrayList<>();
            long nextUid = 1;
            long modSeq = 1;
            int operations = 200 + random.nextInt(2_000);
            for (int op = 0; op < operations; op++) {
                if (live.isEmpty() || random.nextInt(100) < 55) {
                    nextUid += random.nextInt(3);
                    modSeq += random.nextInt(2);
                    table.append(nextUid, modSeq, Set.of(), ("m" + nextUid).getBytes(StandardCharsets.ISO_8859_1),
                            MessageTable.pack(dateOf(nextUid)));
                    live.add(nextUid);
                    added.add(modSeq);
                    nextUid++;
                } else {
                    int victim = random.nextInt(live.size());
                    long uid = live.remove(victim);
                    table.expunge(table.liveSlotOf(uid));
                    if (random.nextInt(10) == 0) {
                        table.compactIfSparse();
                    }
                }
                if (op % 37 == 0) {
                    check(table, live, random, nextUid);
                }
            }
            table.compactIfSparse();
            check(table, live, random, nextUid);
        }
    }

    @Test
    void unseenAndDeletedFollowTheSharedFlagsThroughChangesExpungesAndCompaction() {
        List<Set<Flag>> flagSets = List.of(Set.of(), Set.of(Flag.SEEN), Set.of(Flag.DELETED),
                Set.of(Flag.SEEN, Flag.DELETED), Set.of(Flag.FLAGGED));
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            MessageTable table = new MessageTable(false);
            List<Long> live = new ArrayList<>();
            long nextUid = 1;
            for (int op = 0; op < 3_000; op++) {
                int choice = random.nextInt(100);
                if (live.isEmpty() || choice < 40) {
                    table.append(nextUid, 1, flagSets.get(random.nextInt(flagSets.size())), new byte[0], 0);
                    live.add(nextUid++);
                } else if (choice < 75) {
                    long uid = live.get(random.nextInt(live.size()));
                    table.setFlags(table.liveSlotOf(uid), flagSets.get(random.nextInt(flagSets.size())));
                } else {
                    long uid = live.remove(random.nextInt(live.size()));
                    table.expunge(table.liveSlotOf(uid));
                    table.compactIfSparse();
                }
                int unseen = 0;
                int firstUnseen = -1;
                List<Integer> deleted = new ArrayList<>();
                for (int slot = table.nextLive(0); slot >= 0; slot = table.nextLive(slot + 1)) {
                    if (!table.flags(slot).contains(Flag.SEEN)) {
                        unseen++;
                        firstUnseen = firstUnseen < 0 ? slot : firstUnseen;
                    }
                    if (table.flags(slot).contains(Flag.DELETED)) {
                        deleted.add(slot);
                    }
                }
                assertEquals(unseen, table.unseenCount());
                assertEquals(firstUnseen, table.firstUnseen());
                assertEquals(deleted.size(), table.deletedCount());
                List<Integer> found = new ArrayList<>();
                for (int slot = table.nextDeleted(0); slot >= 0; slot = table.nextDeleted(slot + 1)) {
                    found.add(slot);
                }
                assertEquals(deleted, found);
            }
        }
    }

    /** Dates before and after the epoch, with offsets both ways, to cover the packing's signs. */
    private static InternalDate dateOf(long uid) {
        return new InternalDate((uid - 50) * 86_399, (int) (uid % 37) * 60 - 18 * 60);
    }

    @Test
    void internalDatesSurvivePackingAtTheEdgesOfTheirRange() {
        for (InternalDate date : List.of(InternalDate.EPOCH, new InternalDate(-62_167_219_200L, 0),
                new InternalDate(253_402_300_799L - 18 * 3600, 18 * 60), new InternalDate(-1, -18 * 60),
                new InternalDate(1, -1))) {
            MessageTable table = new MessageTable(false);
            table.append(1, 1, Set.of(), new byte[0], MessageTable.pack(date));
            assertEquals(date, table.internalDate(0));
        }
    }

    private static void check(MessageTable table, List<Long> live, SplittableRandom random, long uidNext) {
        assertEquals(live.size(), table.liveCount());
        for (int number = 1; number <= live.size(); number++) {
            long uid = live.get(number - 1);
            int slot = table.select(number);
            assertEquals(uid, table.uid(slot), "message number " + number);
            assertEquals(number, table.rank(slot));
            assertEquals(slot, table.liveSlotOf(uid));
            assertEquals(number - 1, table.liveBelow(uid));
            assertEquals(number, table.liveUpTo(uid));
        }
        for (int i = 0; i < 20; i++) {
            long uid = 1 + random.nextLong(uidNext + 2);
            long below = live.stream().filter(u -> u < uid).count();
            assertEquals(below, table.liveBelow(uid), "live below " + uid);
            if (!live.contains(uid)) {
                assertEquals(-1, table.liveSlotOf(uid));
            } else {
                assertTrue(table.isLive(table.slotOf(uid)));
            }
        }
        List<Long> walked = new ArrayList<>();
        for (int slot = table.nextLive(0); slot >= 0; slot = table.nextLive(slot + 1)) {
            walked.add(table.uid(slot));
            // Content and internal date move with the message through compactions.
            assertEquals("m" + table.uid(slot), table.content(slot));
            assertEquals(dateOf(table.uid(slot)), table.internalDate(slot));
        }
        assertEquals(live, walked);
    }

    @Test
    void ceilingSlotFindsUidsHoweverUnevenlyTheyAreSpread() {
        // Clusters, one huge gap and UIDs up to 2^32-1 (RFC 3501 §9 nz-number): the probes that
        // guess a position from the spread must still find every UID and every gap.
        SplittableRandom random = new SplittableRandom(7162);
        for (int round = 0; round < 30; round++) {
            MessageTable table = new MessageTable(false);
            List<Long> uids = new ArrayList<>();
            long uid = 1 + random.nextLong(5);
            int count = 1 + random.nextInt(3_000);
            for (int i = 0; i < count && uid <= 0xFFFF_FFFFL; i++) {
                table.append(uid, 1, Set.of(), new byte[] {'x'}, MessageTable.pack(InternalDate.EPOCH));
                uids.add(uid);
                int shape = random.nextInt(100);
                uid += shape < 90 ? 1 : shape < 98 ? 1 + random.nextInt(50) : 1 + random.nextLong(0xFFFF_FFFFL - uid + 1) / 2;
            }
            if (round % 3 == 0 && uid <= 0xFFFF_FFFFL) {
                table.append(0xFFFF_FFFFL, 1, Set.of(), new byte[] {'x'}, MessageTable.pack(InternalDate.EPOCH));
                uids.add(0xFFFF_FFFFL);
            }
            for (int probe = 0; probe < 2_000; probe++) {
                long wanted = probe % 2 == 0 ? uids.get(random.nextInt(uids.size())) + random.nextInt(3) - 1
                        : random.nextLong(0x1_0000_0001L);
                int expected = 0;
                while (expected < uids.size() && uids.get(expected) < wanted) {
                    expected++;
                }
                assertEquals(expected, table.ceilingSlot(wanted), "ceiling of " + wanted);
            }
            assertEquals(uids.size(), table.ceilingSlot(Long.MAX_VALUE));
        }
    }

    @Test
    void addModSequencesAreSearchable() {
        MessageTable table = new MessageTable(false);
        long[] added = {2, 2, 3, 5, 5, 5, 9};
        for (int i = 0; i < added.length; i++) {
            table.append(i + 1, added[i], Set.of(), new byte[] {'x'}, MessageTable.pack(InternalDate.EPOCH));
        }
        assertEquals(0, table.firstAddedAfter(1));
        assertEquals(2, table.firstAddedAfter(2));
        assertEquals(3, table.firstAddedAfter(4));
        assertEquals(6, table.firstAddedAfter(5));
        assertEquals(7, table.firstAddedAfter(9));
    }
}
