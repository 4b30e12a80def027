package org.modseq.reference.store;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The messages of a mailbox whose metadata changed after they were added, by the mod-sequence
 * of their last change, so that "every message with a mod-sequence above m" costs
 * O(log n + k + s) for k answers and s entries superseded since m (CHANGEDSINCE R45, QRESYNC
 * R69, owed updates R16, R18), instead of a scan of the mailbox. Messages never changed since
 * their add are not here: their mod-sequence is their add's, which the {@link MessageTable}
 * already orders (R7).
 *
 * <p>It is a log: mod-sequences only grow (R2, R4), so each change appends (mod-sequence, UID,
 * prior) and a binary search finds where "above m" starts. A change supersedes the message's
 * earlier entry and an expunge ends it; such entries stay until they outnumber the rest and a
 * compaction drops them, so every entry is checked against the message's {@link Current current}
 * value when read. Entries are in (mod-sequence, UID) order, because one mod-sequence is shared
 * only by the messages of one command, which changes them in ascending UID order; so the entry of
 * a message's current value, and with it the value before that change (the prior), is found by
 * binary search too. About 20 bytes per changed message.
 */
public final class ModSeqIndex {

    /** A message's current mod-sequence in this index's scope, or -1 once it is gone. */
    @FunctionalInterface
    public interface Current {
        long of(long uid);
    }

    private static final int MIN_STALE_TO_COMPACT = 32;

    private final Current current;
    private long[] modSeqs = new long[8];
    private int[] uids = new int[8];
    private long[] priors = new long[8];
    private int size;
    private int stale;

    public ModSeqIndex(Current current) {
        this.current = current;
    }

    /** Entries held, current or superseded. */
    public int size() {
        return size;
    }

    /**
     * Records that {@code uid} changed at {@code modSeq}, having had {@code prior} before. The
     * caller first {@link #retire() retires} the message's earlier entry, if it had one.
     */
    public void add(long uid, long modSeq, long prior) {
        if (size == modSeqs.length) {
            int capacity = size + (size >> 1) + 1;
            modSeqs = Arrays.copyOf(modSeqs, capacity);
            uids = Arrays.copyOf(uids, capacity);
            priors = Arrays.copyOf(priors, capacity);
        }
        int at = size;
        if (size > 0 && compare(size - 1, modSeq, uid) > 0) {
            // Not reached by the engine's commands; kept so that the order never silently breaks.
            at = search(modSeq, uid);
            at = at < 0 ? -at - 1 : at;
            System.arraycopy(modSeqs, at, modSeqs, at + 1, size - at);
            System.arraycopy(uids, at, uids, at + 1, size - at);
            System.arraycopy(priors, at, priors, at + 1, size - at);
        }
        modSeqs[at] = modSeq;
        uids[at] = (int) uid;
        priors[at] = prior;
        size++;
    }

    /** One entry was superseded or its message expunged; compacts once such entries are the majority. */
    public void retire() {
        stale++;
        if (stale >= MIN_STALE_TO_COMPACT && stale * 2 > size) {
            compact();
        }
    }

    /** The value {@code uid} had before its change at {@code modSeq}, or -1 if there is no such entry. */
    public long prior(long uid, long modSeq) {
        int at = search(modSeq, uid);
        return at >= 0 ? priors[at] : -1;
    }

    /**
     * Calls {@code action} with the UID of every message whose current value exceeds
     * {@code modSeq}, in (mod-sequence, UID) order.
     */
    public void forEachAbove(long modSeq, LongConsumer action) {
        for (int i = firstAbove(modSeq); i < size; i++) {
            long uid = Integer.toUnsignedLong(uids[i]);
            if (current.of(uid) == modSeqs[i]) {
                action.accept(uid);
            }
        }
    }

    /** An upper bound on the answers of {@link #forEachAbove}, in O(log n). */
    public int countAbove(long modSeq) {
        return size - firstAbove(modSeq);
    }

    private int firstAbove(long modSeq) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (modSeqs[mid] <= modSeq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int compare(int i, long modSeq, long uid) {
        int c = Long.compare(modSeqs[i], modSeq);
        return c != 0 ? c : Long.compare(Integer.toUnsignedLong(uids[i]), uid);
    }

    private int search(long modSeq, long uid) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, modSeq, uid);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private void compact() {
        int to = 0;
        for (int i = 0; i < size; i++) {
            if (current.of(Integer.toUnsignedLong(uids[i])) == modSeqs[i]) {
                modSeqs[to] = modSeqs[i];
                uids[to] = uids[i];
                priors[to] = priors[i];
                to++;
            }
        }
        size = to;
        stale = 0;
        int capacity = Math.max(8, to + (to >> 1));
        if (capacity < modSeqs.length) {
            modSeqs = Arrays.copyOf(modSeqs, capacity);
            uids = Arrays.copyOf(uids, capacity);
            priors = Arrays.copyOf(priors, capacity);
        }
    }
}
