package org.modseq.model.mailbox;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.set.NumberSet;

/**
 * What the server remembers of expunges: each expunged UID with the mod-sequence of its expunge
 * (R12, R91), up to {@code bound} entries. Older entries are forgotten oldest first, and the
 * highest mod-sequence forgotten is kept as the {@link #floor()} (RFC 7162 §5.3, R100).
 *
 * <p>The floor decides how exact an answer can be (R80): for a client mod-sequence at or above
 * the floor every expunge after it is remembered, so the answer is exact; below it the server
 * must report every expunged UID in the requested set, a superset that still never names a live
 * message. A server that remembers nothing ({@code bound} 0) is compliant but discouraged (R98).
 *
 * @param entries in the order of their mod-sequences (expunges only ever get newer values)
 * @param floor ZERO while nothing was forgotten
 * @param bound how many entries are kept; {@link Integer#MAX_VALUE} for an exact history
 */
public record ExpungeHistory(List<Expunged> entries, ModSeq floor, int bound) {

    /** One remembered expunge. */
    public record Expunged(Uid uid, ModSeq modSeq) {
    }

    public ExpungeHistory {
        entries = List.copyOf(entries);
        if (bound < 0) {
            throw new IllegalArgumentException("negative expunge history bound");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).modSeq().compareTo(entries.get(i - 1).modSeq()) < 0) {
                throw new IllegalArgumentException("expunge history out of mod-sequence order");
            }
        }
        for (Expunged e : entries) {
            if (!e.modSeq().isAfter(floor)) {
                throw new IllegalArgumentException("remembered expunge " + e + " at or below floor " + floor);
            }
        }
    }

    public static ExpungeHistory empty(int bound) {
        return new ExpungeHistory(List.of(), ModSeq.ZERO, bound);
    }

    /** Remembers {@code uids} as expunged at {@code modSeq}, forgetting the oldest beyond the bound. */
    public ExpungeHistory record(NumberSet uids, ModSeq modSeq) {
        List<Expunged> next = new ArrayList<>(entries);
        for (long uid : uids) {
            next.add(new Expunged(Uid.of(uid), modSeq));
        }
        ModSeq nextFloor = floor;
        int excess = next.size() - bound;
        if (excess > 0) {
            List<Expunged> forgotten = next.subList(0, excess);
            for (Expunged e : forgotten) {
                nextFloor = ModSeq.max(nextFloor, e.modSeq());
            }
            forgotten.clear();
            // Entries sharing the floor's mod-sequence cannot stay: the floor means "everything at
            // or below is forgotten" (R100).
            final ModSeq f = nextFloor;
            next.removeIf(e -> !e.modSeq().isAfter(f));
        }
        return new ExpungeHistory(next, nextFloor, bound);
    }

    /** True when an expunge after {@code since} may have been forgotten (R80's minmodseq test). */
    public boolean isBelowFloor(ModSeq since) {
        return since.compareTo(floor) < 0;
    }

    /**
     * The UIDs of {@code scope} expunged after {@code since} (R78). Below the floor the answer is
     * every UID of {@code scope} that was ever assigned and is not live (R80): exact for the
     * server, a superset for the client, and never a live UID.
     *
     * @param live the mailbox's live UIDs
     * @param uidNext the mailbox's UIDNEXT: no UID at or above it was ever assigned
     */
    public NumberSet vanishedSince(ModSeq since, NumberSet scope, NumberSet live, long uidNext) {
        if (isBelowFloor(since)) {
            return scope.intersect(NumberSet.range(1, uidNext - 1)).minus(live);
        }
        List<Long> uids = new ArrayList<>();
        for (Expunged e : entries) {
            if (e.modSeq().isAfter(since) && scope.contains(e.uid().value())) {
                uids.add(e.uid().value());
            }
        }
        return NumberSet.of(uids);
    }

    /** The mod-sequence of the most recent remembered or forgotten expunge, or ZERO. */
    public ModSeq lastExpunge() {
        return entries.isEmpty() ? floor : ModSeq.max(floor, entries.get(entries.size() - 1).modSeq());
    }

    public boolean remembers(Uid uid) {
        return entries.stream().anyMatch(e -> e.uid().equals(uid));
    }
}
