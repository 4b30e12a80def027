package org.modseq.model.mailbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One message as the server stores it: its UID, the mod-sequence it was added with (R7), its
 * shared flags, each user's private flags, its octets (one per char) and its internal date
 * (RFC 3501 §2.3.3). The model reads the content only through a renderer when a FETCH asks for
 * it; fetching it can set {@code \Seen} implicitly (R5, R20).
 *
 * <p>What a user sees depends on who asks (R8): the flags are the shared ones plus the user's
 * private ones, and the message's mod-sequence is the highest over the metadata that user can
 * see (Example 14, X18).
 */
public record Message(Uid uid, ModSeq added, FlagState shared, Map<String, FlagState> privateFlags, String content,
        InternalDate internalDate) {

    public Message {
        privateFlags = Map.copyOf(privateFlags);
        if (!added.isPositive()) {
            throw new IllegalArgumentException("a message's mod-sequence must be positive (R1)");
        }
    }

    /** A newly added message whose initial flags carry no change stamp: they came with it. */
    public static Message added(Uid uid, ModSeq modSeq, Set<Flag> sharedFlags, String user, Set<Flag> privateFlagsOfUser,
            String content, InternalDate internalDate) {
        Map<String, FlagState> priv = privateFlagsOfUser.isEmpty() ? Map.of()
                : Map.of(user, new FlagState(privateFlagsOfUser, Map.of()));
        return new Message(uid, modSeq, new FlagState(sharedFlags, Map.of()), priv, content, internalDate);
    }

    public FlagState privateFor(String user) {
        return privateFlags.getOrDefault(user, FlagState.EMPTY);
    }

    /** The flags {@code user} sees. */
    public Set<Flag> flagsFor(String user) {
        Set<Flag> all = new HashSet<>(shared.flags());
        all.addAll(privateFor(user).flags());
        return Set.copyOf(all);
    }

    /** The message's mod-sequence as {@code user} sees it: the highest over visible metadata (R8). */
    public ModSeq modSeqFor(String user) {
        return ModSeq.max(added, ModSeq.max(shared.lastChange(), privateFor(user).lastChange()));
    }

    /** When {@code flag} last changed state for {@code user}; a flag never changed dates from the add. */
    public ModSeq flagModSeq(String user, Flag flag) {
        ModSeq stamp = shared.changedAt().get(flag);
        ModSeq priv = privateFor(user).changedAt().get(flag);
        if (stamp == null || (priv != null && priv.isAfter(stamp))) {
            stamp = priv;
        }
        return stamp == null ? added : stamp;
    }

    /** The highest mod-sequence of any metadata of any user: what HIGHESTMODSEQ must cover (R25). */
    public ModSeq highestModSeq() {
        ModSeq max = ModSeq.max(added, shared.lastChange());
        for (FlagState p : privateFlags.values()) {
            max = ModSeq.max(max, p.lastChange());
        }
        return max;
    }

    /**
     * Makes {@code wanted} the state of the flags in {@code scope} for {@code user}; the flags in
     * {@code privateScope} are stored per user, the others shared. Only flags whose state flips
     * get {@code modSeq} (R4, R5), or every flag in scope when {@code stampUnchanged}.
     */
    public Message withFlags(String user, Set<Flag> wanted, Set<Flag> scope, Set<Flag> privateScope, ModSeq modSeq,
            boolean stampUnchanged) {
        Set<Flag> sharedScope = new HashSet<>(scope);
        sharedScope.removeAll(privateScope);
        Set<Flag> ownScope = new HashSet<>(scope);
        ownScope.retainAll(privateScope);
        FlagState nextShared = shared.with(wanted, sharedScope, modSeq, stampUnchanged);
        Map<String, FlagState> nextPrivate = new HashMap<>(privateFlags);
        if (!ownScope.isEmpty()) {
            nextPrivate.put(user, privateFor(user).with(wanted, ownScope, modSeq, stampUnchanged));
        }
        return new Message(uid, added, nextShared, nextPrivate, content, internalDate);
    }

    /** A copy under a new UID and mod-sequence, keeping every user's flags and the internal date (COPY, MOVE). */
    public Message copiedAs(Uid newUid, ModSeq modSeq) {
        Map<String, FlagState> priv = new HashMap<>();
        privateFlags.forEach((user, state) -> priv.put(user, new FlagState(state.flags(), Map.of())));
        return new Message(newUid, modSeq, new FlagState(shared.flags(), Map.of()), priv, content, internalDate);
    }

    public long size() {
        return content.length();
    }
}
