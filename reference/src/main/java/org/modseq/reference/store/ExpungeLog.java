package org.modseq.reference.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.modseq.model.set.NumberSet;

/**
 * What a mailbox remembers of its expunges (R12, R91): (UID, mod-sequence) pairs appended in
 * mod-sequence order, at most {@code bound} of them. The oldest are forgotten first and the
 * highest mod-sequence forgotten becomes the floor (RFC 7162 §5.3, R100), exactly as the model's
 * {@link org.modseq.model.mailbox.ExpungeHistory} does.
 *
 * <p>{@link #vanishedSince} answers VANISHED (EARLIER) (R78, R80): at or above the floor it
 * binary-searches the first expunge after the client's mod-sequence and reads on, O(log n + k);
 * below the floor it answers every non-live UID of the requested set below UIDNEXT, a superset
 * that never names a live message (R80), at the cost of walking the live UIDs of that set.
 * Forgetting advances a start index; the arrays are shifted down only when the forgotten part is
 * the larger, so each entry is moved O(1) times. 12 bytes per remembered expunge.
 */
public final class ExpungeLog {

    /** The live UIDs of a mailbox, read in ascending order within a range. */
    @FunctionalInterface
    public interface LiveUids {
        void forEachIn(long low, long high, LongConsumer action);
    }

    private final int bound;
    private long floor;
    private int[] uids = new int[8];
    private long[] modSeqs = new long[8];
    private int start;
    private int end;

    /** @param bound how many expunges to remember; {@link Integer#MAX_VALUE} for all (R98) */
    public ExpungeLog(int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("negative expunge history bound");
        }
        this.bound = bound;
    }

    /** The highest mod-sequence forgotten, or 0 while nothing was (R100). */
    public long floor() {
        return floor;
    }

    /** Remembered expunges. */
    public int size() {
        return end - start;
    }

    /** The mod-sequence of the latest expunge, remembered or forgotten, or 0. */
    public long lastExpunge() {
        return end > start ? Math.max(floor, modSeqs[end - 1]) : floor;
    }

    /** True when an expunge after {@code since} may have been forgotten (R80's minimum mod-sequence test). */
    public boolean isBelowFloor(long since) {
        return since < floor;
    }

    /** Forgets every expunge, keeping {@code floor} as the floor (R100, R101: a new UIDVALIDITY). */
    public void forgetAll(long newFloor) {
        floor = Math.max(floor, newFloor);
        start = 0;
        end = 0;
    }

    /** Remembers {@code count} UIDs as expunged at {@code modSeq}, forgetting the oldest beyond the bound. */
    public void record(long[] expunged, int count, long modSeq) {
        if (end + count > uids.length) {
            int capacity = Math.max(end + count, uids.length + (uids.length >> 1));
            uids = Arrays.copyOf(uids, capacity);
            modSeqs = Arrays.copyOf(modSeqs, capacity);
        }
        for (int i = 0; i < count; i++) {
            uids[end] = (int) expunged[i];
            modSeqs[end] = modSeq;
            end++;
        }
        long excess = (long) (end - start) - bound;
        if (excess > 0) {
            start += (int) excess;
            floor = Math.max(floor, modSeqs[start - 1]);
            // The floor means "everything at or below is forgotten" (R100): its peers go too.
            while (start < end && modSeqs[start] <= floor) {
                start++;
            }
        }
        if (start > 0 && start >= end - start) {
            System.arraycopy(uids, start, uids, 0, end - start);
            System.arraycopy(modSeqs, start, modSeqs, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    /**
     * The UIDs of {@code scope} expunged after {@code since} (R78); below the floor every UID of
     * {@code scope} that was assigned (below {@code uidNext}) and is not live (R80).
     */
    public NumberSet vanishedSince(long since, NumberSet scope, long uidNext, LiveUids live) {
        if (isBelowFloor(since)) {
            List<NumberSet.Range> gaps = new ArrayList<>();
            for (NumberSet.Range r : scope.intersect(NumberSet.range(1, uidNext - 1)).ranges()) {
                long[] next = {r.low()};
                live.forEachIn(r.low(), r.high(), uid -> {
                    if (uid > next[0]) {
                        gaps.add(new NumberSet.Range(next[0], uid - 1));
                    }
                    next[0] = uid + 1;
                });
                if (next[0] <= r.high()) {
                    gaps.add(new NumberSet.Range(next[0], r.high()));
                }
            }
            return new NumberSet(gaps);
        }
        List<Long> found = new ArrayList<>();
        for (int i = firstAfter(since); i < end; i++) {
            long uid = Integer.toUnsignedLong(uids[i]);
            if (scope.contains(uid)) {
                found.add(uid);
            }
        }
        return NumberSet.of(found);
    }

    private int firstAfter(long since) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (modSeqs[mid] <= since) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
