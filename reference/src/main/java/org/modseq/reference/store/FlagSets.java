package org.modseq.reference.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.modseq.model.mailbox.Flag;

/**
 * Interns flag sets, so that every message with the same flags points at one immutable set: a
 * message pays a 4-byte reference for its flags, and the few distinct combinations in a
 * mailbox are stored once. The pool only grows, with the number of distinct combinations ever
 * seen. It also numbers flags, so that per-flag stamps can be packed in a {@code long[]}.
 */
public final class FlagSets {

    private final Map<Set<Flag>, Set<Flag>> pool = new HashMap<>();
    private final Map<Flag, Integer> ids = new HashMap<>();

    public FlagSets() {
        pool.put(Set.of(), Set.of());
    }

    /** A small number naming {@code flag} for the life of the engine, for packed {@link FlagStamps}. */
    public int idOf(Flag flag) {
        return ids.computeIfAbsent(flag, f -> ids.size());
    }

    /** The one immutable set equal to {@code flags}. */
    public Set<Flag> intern(Set<Flag> flags) {
        Set<Flag> found = pool.get(flags);
        if (found != null) {
            return found;
        }
        Set<Flag> copy = Set.copyOf(flags);
        pool.put(copy, copy);
        return copy;
    }

    /**
     * {@code current} with exactly {@code wanted} among the flags of {@code scope}, others as they
     * are: the new flag state of a STORE (RFC 3501 §6.4.6).
     */
    public Set<Flag> apply(Set<Flag> current, Set<Flag> wanted, Set<Flag> scope) {
        boolean flips = false;
        for (Flag f : scope) {
            if (wanted.contains(f) != current.contains(f)) {
                flips = true;
                break;
            }
        }
        if (!flips) {
            return current;
        }
        Set<Flag> next = new HashSet<>(current);
        for (Flag f : scope) {
            if (wanted.contains(f)) {
                next.add(f);
            } else {
                next.remove(f);
            }
        }
        return intern(next);
    }

    /** The union of two sets, interned: the flags a user sees (shared plus private, R8). */
    public Set<Flag> union(Set<Flag> a, Set<Flag> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        Set<Flag> all = new HashSet<>(a);
        all.addAll(b);
        return intern(all);
    }
}
