package org.modseq.model.mailbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The flags of one message in one visibility scope (shared, or private to one user: RFC 7162 §2,
 * R9), with the mod-sequence at which each flag last changed state.
 *
 * <p>Keeping one mod-sequence per flag is the "separate per-metadata mod-sequences" that R8
 * allows. It lets the model judge UNCHANGEDSINCE per affected flag (R32) and so avoid spurious
 * MODIFIED responses for {@code +FLAGS}/{@code -FLAGS} (R39, §3.1.12).
 *
 * @param flags the flags set now
 * @param changedAt for each flag that ever changed state on this message, when it last did
 */
public record FlagState(Set<Flag> flags, Map<Flag, ModSeq> changedAt) {

    public static final FlagState EMPTY = new FlagState(Set.of(), Map.of());

    public FlagState {
        flags = Set.copyOf(flags);
        changedAt = Map.copyOf(changedAt);
    }

    /** The highest change mod-sequence, or ZERO if no flag ever changed here. */
    public ModSeq lastChange() {
        ModSeq last = ModSeq.ZERO;
        for (ModSeq m : changedAt.values()) {
            last = ModSeq.max(last, m);
        }
        return last;
    }

    /**
     * Sets exactly {@code wanted} among the flags in {@code scope}, leaving others as they are;
     * each flag whose state flips is stamped with {@code modSeq} (R4), others keep their stamp
     * (R5) unless {@code stampUnchanged}, the choice of a server that bumps on no-op STOREs.
     */
    public FlagState with(Set<Flag> wanted, Set<Flag> scope, ModSeq modSeq, boolean stampUnchanged) {
        Set<Flag> next = new HashSet<>(flags);
        Map<Flag, ModSeq> stamps = new HashMap<>(changedAt);
        for (Flag f : scope) {
            boolean want = wanted.contains(f);
            if (want != flags.contains(f)) {
                if (want) {
                    next.add(f);
                } else {
                    next.remove(f);
                }
                stamps.put(f, modSeq);
            } else if (stampUnchanged) {
                stamps.put(f, modSeq);
            }
        }
        return new FlagState(next, stamps);
    }
}
