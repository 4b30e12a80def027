package org.modseq.reference.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.modseq.model.mailbox.Flag;

/**
 * One user's private flags in one mailbox (R8, R9; Example 14): only the messages on which that
 * user ever held such a flag have an entry, with its own change mod-sequence and, when conflicts
 * are detected per flag, its own per-flag stamps. Its {@link ModSeqIndex} lets "changed for this
 * user after m" be answered without touching other users' changes.
 */
public final class PrivateFlags {

    private static final class Entry {
        Set<Flag> flags;
        long last;
        long[] stamps;
    }

    private final FlagSets flagSets;
    private final Map<Long, Entry> entries = new HashMap<>();
    private final ModSeqIndex changes = new ModSeqIndex(uid -> {
        Entry e = entries.get(uid);
        return e == null ? -1 : e.last;
    });

    PrivateFlags(FlagSets flagSets) {
        this.flagSets = flagSets;
    }

    /** The user's private flags on {@code uid}. */
    public Set<Flag> flags(long uid) {
        Entry e = entries.get(uid);
        return e == null ? Set.of() : e.flags;
    }

    /** The mod-sequence of the user's last private change to {@code uid}, or 0. */
    public long last(long uid) {
        Entry e = entries.get(uid);
        return e == null ? 0 : e.last;
    }

    /** When {@code flag} last changed privately on {@code uid}, or 0. */
    public long stamp(long uid, Flag flag) {
        Entry e = entries.get(uid);
        return e == null ? 0 : FlagStamps.get(e.stamps, flagSets.idOf(flag));
    }

    /** The private part's value before its last change, for a value above a session's sync point. */
    long prior(long uid, long last) {
        long prior = changes.prior(uid, last);
        if (prior < 0) {
            throw new IllegalStateException("no private change entry for UID " + uid + " at " + last);
        }
        return prior;
    }

    void forEachAbove(long modSeq, LongConsumer action) {
        changes.forEachAbove(modSeq, action);
    }

    int countAbove(long modSeq) {
        return changes.countAbove(modSeq);
    }

    /** A message added or copied with these private flags, none of them stamped yet. */
    void put(long uid, Set<Flag> flags) {
        Entry e = new Entry();
        e.flags = flags;
        entries.put(uid, e);
    }

    /** A private change at {@code modSeq}: new flags, and the flags whose stamp it sets. */
    void change(long uid, Set<Flag> flags, Set<Flag> stamped, long modSeq, boolean keepStamps) {
        Entry e = entries.computeIfAbsent(uid, u -> {
            Entry created = new Entry();
            created.flags = Set.of();
            return created;
        });
        long prior = e.last;
        e.flags = flags;
        e.last = modSeq;
        if (prior > 0) {
            changes.retire();
        }
        changes.add(uid, modSeq, prior);
        if (keepStamps) {
            for (Flag f : stamped) {
                e.stamps = FlagStamps.put(e.stamps, flagSets.idOf(f), modSeq);
            }
        }
    }

    void remove(long uid) {
        Entry e = entries.remove(uid);
        if (e != null && e.last > 0) {
            changes.retire();
        }
    }
}
