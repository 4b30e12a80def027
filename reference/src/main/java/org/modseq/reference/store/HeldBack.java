package org.modseq.reference.store;

import java.util.Arrays;

/**
 * The expunges a session's client was not told of yet, ascending by UID: each message keeps its
 * message number in the client's view until it is told (RFC 3501 §7.4.1, R85), together with what
 * the client last knew of it and the mod-sequence of its expunge, which bound the HIGHESTMODSEQ
 * the client may be given meanwhile (R96). Usually empty or tiny; all of it is reported at once.
 */
public final class HeldBack {

    private long[] uids = new long[4];
    private long[] known = new long[4];
    private long[] expunged = new long[4];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long uid(int i) {
        return uids[i];
    }

    /** The mod-sequence the client last knew the message at. */
    public long known(int i) {
        return known[i];
    }

    /** The mod-sequence of the expunge (R12). */
    public long expungedAt(int i) {
        return expunged[i];
    }

    /** Held-back UIDs below {@code uid}; the index of {@code uid} if held back. */
    public int countBelow(long uid) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (uids[mid] < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public boolean contains(long uid) {
        int i = countBelow(uid);
        return i < size && uids[i] == uid;
    }

    void add(long uid, long knownModSeq, long expungeModSeq) {
        if (size == uids.length) {
            uids = Arrays.copyOf(uids, size * 2);
            known = Arrays.copyOf(known, size * 2);
            expunged = Arrays.copyOf(expunged, size * 2);
        }
        int at = size > 0 && uids[size - 1] > uid ? countBelow(uid) : size;
        System.arraycopy(uids, at, uids, at + 1, size - at);
        System.arraycopy(known, at, known, at + 1, size - at);
        System.arraycopy(expunged, at, expunged, at + 1, size - at);
        uids[at] = uid;
        known[at] = knownModSeq;
        expunged[at] = expungeModSeq;
        size++;
    }

    void clear() {
        size = 0;
        if (uids.length > 64) {
            uids = new long[4];
            known = new long[4];
            expunged = new long[4];
        }
    }
}
