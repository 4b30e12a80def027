package org.modseq.reference.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.ModSeqExhaustedException;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.NumberSet;

/**
 * One mailbox, mutable: the counterpart of the model's {@link org.modseq.model.mailbox.Mailbox}
 * with costs that follow the number of changes rather than the mailbox's size.
 *
 * <ul>
 * <li>{@link MessageTable}: messages in UID order, message number and UID in O(log n);</li>
 * <li>{@link ModSeqIndex}: changed messages by the mod-sequence of their last shared change, and
 * one more per user with {@link PrivateFlags private flags} (R8, R9);</li>
 * <li>{@link ExpungeLog}: expunged UIDs with their mod-sequences, bounded, with a floor (R80, R100);</li>
 * <li>the {@link SessionView views} of the sessions that have it selected, which are told of
 * every change and expunge before it happens, so that each can keep what its client knows in
 * O(1) per change (see {@link SessionView}).</li>
 * </ul>
 *
 * <p>A message's mod-sequence for a user (R8, Example 14) is the highest of its add, its last
 * shared change and that user's last private change. Not thread-safe: the engine serialises
 * access.
 */
public final class MailboxStore {

    private String name;
    private UidValidity uidValidity;
    private ChangeSink sink = ChangeSink.NONE;
    private final boolean persistentModSeqs;
    private final Set<Flag> privateFlags;
    private final boolean perFlag;
    private final FlagSets flagSets;
    private final MessageTable table;
    private final ModSeqIndex changes;
    private final Map<String, PrivateFlags> privates = new HashMap<>();
    private final ExpungeLog expunges;
    private final List<SessionView> views = new ArrayList<>();
    private long uidNext = 1;
    /** The mailbox's mod-sequence counter; 1 for a new mailbox, since the grammar has no 0 (R31). */
    private long highestModSeq = 1;

    public MailboxStore(String name, UidValidity uidValidity, boolean persistentModSeqs, ServerChoices choices,
            FlagSets flagSets) {
        this.name = name;
        this.uidValidity = uidValidity;
        this.persistentModSeqs = persistentModSeqs;
        this.privateFlags = choices.privateFlags();
        this.perFlag = choices.conflictDetection() == ServerChoices.ConflictDetection.PER_FLAG;
        this.flagSets = flagSets;
        this.table = new MessageTable(perFlag);
        this.changes = new ModSeqIndex(uid -> {
            int slot = table.liveSlotOf(uid);
            return slot < 0 ? -1 : table.modSeq(slot);
        });
        this.expunges = new ExpungeLog(choices.expungeHistoryBound());
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        sink.renamed(this, newName);
        name = newName;
    }

    /** From now on every change is also reported to {@code sink} (after a replay, which reports nothing). */
    public void reportChangesTo(ChangeSink sink) {
        this.sink = sink;
    }

    /**
     * A new UIDVALIDITY for a mailbox whose continuity cannot be vouched for (a damaged data
     * directory): clients must start over (R27), so the old expunge history goes (R101); the
     * mod-sequences are kept, as nothing may go backwards, though R97 would allow it.
     */
    public void renumber(UidValidity newUidValidity) {
        uidValidity = newUidValidity;
        expunges.forgetAll(highestModSeq);
    }

    public UidValidity uidValidity() {
        return uidValidity;
    }

    /** False for a mailbox reported as NOMODSEQ (R14, R24). */
    public boolean persistentModSeqs() {
        return persistentModSeqs;
    }

    public long uidNext() {
        return uidNext;
    }

    public long highestModSeq() {
        return highestModSeq;
    }

    /**
     * The value the next change takes (R2, R3, R7, R12).
     *
     * @throws ModSeqExhaustedException after 2^63-1 (R1); commands ask {@link #hasModSeqsFor} first,
     *     so that a command refused for it changes nothing
     */
    public long nextModSeq() {
        if (highestModSeq == Long.MAX_VALUE) {
            throw new ModSeqExhaustedException();
        }
        return highestModSeq + 1;
    }

    /** Whether {@code changes} more changes can each take a new mod-sequence: R1 ends them at 2^63-1. */
    public boolean hasModSeqsFor(long changes) {
        return changes <= Long.MAX_VALUE - highestModSeq;
    }

    public MessageTable table() {
        return table;
    }

    public ExpungeLog expunges() {
        return expunges;
    }

    public int size() {
        return table.liveCount();
    }

    /** True when any session has this mailbox selected. */
    public boolean isSelected() {
        return !views.isEmpty();
    }

    void register(SessionView view) {
        views.add(view);
    }

    void unregister(SessionView view) {
        views.remove(view);
    }

    // ---- what a user sees (R8) ----

    /** The flags {@code user} sees on the message in {@code slot}: shared plus their own private ones. */
    public Set<Flag> flagsFor(int slot, String user) {
        Set<Flag> shared = table.flags(slot);
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        return own == null ? shared : flagSets.union(shared, own.flags(table.uid(slot)));
    }

    /** The message's mod-sequence as {@code user} sees it: the highest over the metadata they can see (R8, X18). */
    public long modSeqFor(int slot, String user) {
        long shared = table.modSeq(slot);
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        return own == null ? shared : Math.max(shared, own.last(table.uid(slot)));
    }

    /** When {@code flag} last changed for {@code user}; a flag never changed dates from the add (R8, R32, R51). */
    public long flagModSeq(int slot, String user, Flag flag) {
        long stamp;
        if (privateFlags.contains(flag)) {
            PrivateFlags own = privates.get(user);
            stamp = own == null ? 0 : own.stamp(table.uid(slot), flag);
        } else {
            stamp = FlagStamps.get(table.stamps(slot), flagSets.idOf(flag));
        }
        return stamp == 0 ? table.added(slot) : stamp;
    }

    long privateLast(int slot, String user) {
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        return own == null ? 0 : own.last(table.uid(slot));
    }

    /** The shared part's value as it was at {@code modSeq}, given that it changed at most once since. */
    long sharedAsOf(int slot, long modSeq) {
        long current = table.modSeq(slot);
        if (current <= modSeq) {
            return current;
        }
        long prior = changes.prior(table.uid(slot), current);
        if (prior < 0) {
            throw new IllegalStateException("no change entry for UID " + table.uid(slot) + " at " + current);
        }
        return prior;
    }

    /** The user's private part as it was at {@code modSeq}, given that it changed at most once since. */
    long privateAsOf(int slot, String user, long modSeq) {
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        if (own == null) {
            return 0;
        }
        long uid = table.uid(slot);
        long last = own.last(uid);
        return last <= modSeq ? last : own.prior(uid, last);
    }

    /**
     * Calls {@code action} with the UID of every live message whose mod-sequence for
     * {@code user} exceeds {@code modSeq} because of a change after its add; unordered, and a
     * UID may come twice (once for a shared and once for a private change).
     */
    void forEachChangedAbove(long modSeq, String user, LongConsumer action) {
        changes.forEachAbove(modSeq, action);
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        if (own != null) {
            own.forEachAbove(modSeq, action);
        }
    }

    /**
     * The UIDs of the live messages whose mod-sequence for {@code user} exceeds {@code modSeq},
     * ascending (CHANGEDSINCE R45, QRESYNC R69): the messages added after it plus those changed
     * after it, in O(log n + k log k).
     */
    public long[] changedSince(long modSeq, String user) {
        LongStream.Builder found = LongStream.builder();
        for (int slot = table.nextLive(table.firstAddedAfter(modSeq)); slot >= 0; slot = table.nextLive(slot + 1)) {
            found.add(table.uid(slot));
        }
        forEachChangedAbove(modSeq, user, found::add);
        return found.build().sorted().distinct().toArray();
    }

    /** An upper bound on the size of {@link #changedSince}'s answer, in O(log n). */
    public long changedSinceEstimate(long modSeq, String user) {
        long estimate = changes.countAbove(modSeq) + (table.slotCount() - table.firstAddedAfter(modSeq));
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        return own == null ? estimate : estimate + own.countAbove(modSeq);
    }

    /** The live UIDs in {@code [low, high]}, ascending. */
    public void forEachLiveIn(long low, long high, LongConsumer action) {
        for (int slot = table.nextLive(table.ceilingSlot(low)); slot >= 0 && table.uid(slot) <= high;
                slot = table.nextLive(slot + 1)) {
            action.accept(table.uid(slot));
        }
    }

    /** VANISHED (EARLIER) for {@code scope} since {@code modSeq} (R78, R80). */
    public NumberSet vanishedSince(long modSeq, NumberSet scope) {
        return expunges.vanishedSince(modSeq, scope, uidNext, this::forEachLiveIn);
    }

    // ---- changes ----

    /**
     * APPEND: a new message with UID {@code uidNext} and mod-sequence {@code modSeq} (R7); flags
     * kept private are {@code user}'s. The store keeps {@code content}, the message's octets, as
     * it is: the caller must not change it. Returns its UID.
     */
    public long append(Set<Flag> flags, String user, byte[] content, InternalDate internalDate, long modSeq) {
        Object body = sink.appended(this, uidNext, modSeq, flags, user, content, internalDate);
        return appendBody(flags, user, body, internalDate, modSeq);
    }

    /** An APPEND replayed from where its octets were stored: as {@link #append(Set, String, byte[], InternalDate, long)}. */
    public long append(Set<Flag> flags, String user, StoredOctets content, InternalDate internalDate, long modSeq) {
        return appendBody(flags, user, content, internalDate, modSeq);
    }

    private long appendBody(Set<Flag> flags, String user, Object content, InternalDate internalDate, long modSeq) {
        long uid = uidNext++;
        Set<Flag> shared = new HashSet<>(flags);
        shared.removeAll(privateFlags);
        Set<Flag> own = new HashSet<>(flags);
        own.retainAll(privateFlags);
        table.appendBody(uid, modSeq, flagSets.intern(shared), content, MessageTable.pack(internalDate));
        if (!own.isEmpty()) {
            privates.computeIfAbsent(user, u -> new PrivateFlags(flagSets)).put(uid, flagSets.intern(own));
        }
        highestModSeq = Math.max(highestModSeq, modSeq);
        return uid;
    }

    /**
     * COPY, MOVE: a copy of {@code source}'s message in {@code slot} under a new UID and
     * mod-sequence (R7), with every user's flags, no change stamps, the same internal date and the
     * same octets (shared, not copied). Returns its UID.
     */
    public long copy(MailboxStore source, int slot, long modSeq) {
        long from = source.table.uid(slot);
        long uid = uidNext++;
        sink.copied(this, uid, modSeq, source, from);
        table.appendBody(uid, modSeq, source.table.flags(slot), source.table.body(slot),
                source.table.packedInternalDate(slot));
        List<Map.Entry<String, Set<Flag>>> own = new ArrayList<>();
        source.privates.forEach((user, flags) -> {
            Set<Flag> f = flags.flags(from);
            if (!f.isEmpty()) {
                own.add(Map.entry(user, f));
            }
        });
        for (Map.Entry<String, Set<Flag>> e : own) {
            privates.computeIfAbsent(e.getKey(), u -> new PrivateFlags(flagSets)).put(uid, e.getValue());
        }
        highestModSeq = Math.max(highestModSeq, modSeq);
        return uid;
    }

    /**
     * Makes {@code wanted} the state of the flags in {@code scope} for {@code user}, at
     * {@code modSeq}: flags kept private are changed for that user only. Only flags whose state
     * flips are stamped (R4, R5), or every flag in scope when {@code stampUnchanged}. Returns
     * whether anything was stamped, that is whether the message's mod-sequence changed.
     */
    public boolean store(int slot, String user, Set<Flag> wanted, Set<Flag> scope, long modSeq,
            boolean stampUnchanged) {
        boolean changed = privateFlags.isEmpty()
                ? storeShared(slot, table.uid(slot), table.flags(slot), user, wanted, scope, modSeq, stampUnchanged)
                : storeSplit(slot, user, wanted, scope, modSeq, stampUnchanged);
        if (changed) {
            sink.stored(this, table.uid(slot), user, wanted, scope, modSeq, stampUnchanged);
        }
        return changed;
    }

    /** {@link #store} when some flags are kept per user (R8, R9). */
    private boolean storeSplit(int slot, String user, Set<Flag> wanted, Set<Flag> scope, long modSeq,
            boolean stampUnchanged) {
        long uid = table.uid(slot);
        Set<Flag> shared = table.flags(slot);
        PrivateFlags own = privates.isEmpty() ? null : privates.get(user);
        Set<Flag> ownFlags = own == null ? Set.of() : own.flags(uid);
        Set<Flag> sharedStamped = new HashSet<>();
        Set<Flag> ownStamped = new HashSet<>();
        Set<Flag> sharedScope = new HashSet<>();
        Set<Flag> ownScope = new HashSet<>();
        for (Flag f : scope) {
            boolean isPrivate = privateFlags.contains(f);
            Set<Flag> current = isPrivate ? ownFlags : shared;
            (isPrivate ? ownScope : sharedScope).add(f);
            if (stampUnchanged || wanted.contains(f) != current.contains(f)) {
                (isPrivate ? ownStamped : sharedStamped).add(f);
            }
        }
        if (sharedStamped.isEmpty() && ownStamped.isEmpty()) {
            return false;
        }
        for (SessionView view : views) {
            view.beforeChange(slot, uid, !sharedStamped.isEmpty(), !ownStamped.isEmpty(), user);
        }
        if (!sharedStamped.isEmpty()) {
            long prior = table.modSeq(slot);
            table.setModSeq(slot, modSeq);
            if (prior > table.added(slot)) {
                changes.retire();
            }
            changes.add(uid, modSeq, prior);
            table.setFlags(slot, flagSets.apply(shared, wanted, sharedScope));
            if (perFlag) {
                long[] stamps = table.stamps(slot);
                for (Flag f : sharedStamped) {
                    stamps = FlagStamps.put(stamps, flagSets.idOf(f), modSeq);
                }
                table.setStamps(slot, stamps);
            }
        }
        if (!ownStamped.isEmpty()) {
            privates.computeIfAbsent(user, u -> new PrivateFlags(flagSets))
                    .change(uid, flagSets.apply(ownFlags, wanted, ownScope), ownStamped, modSeq, perFlag);
        }
        highestModSeq = Math.max(highestModSeq, modSeq);
        return true;
    }

    /** {@link #store} when every flag is shared: the common case, without the per-user bookkeeping. */
    private boolean storeShared(int slot, long uid, Set<Flag> shared, String user, Set<Flag> wanted, Set<Flag> scope,
            long modSeq, boolean stampUnchanged) {
        Set<Flag> next = flagSets.apply(shared, wanted, scope);
        if (next == shared && (!stampUnchanged || scope.isEmpty())) {
            return false; // interned: the same set means no flag flipped (R5); nothing to restamp
        }
        for (SessionView view : views) {
            view.beforeChange(slot, uid, true, false, user);
        }
        long prior = table.modSeq(slot);
        table.setModSeq(slot, modSeq);
        if (prior > table.added(slot)) {
            changes.retire();
        }
        changes.add(uid, modSeq, prior);
        table.setFlags(slot, next);
        if (perFlag) {
            long[] stamps = table.stamps(slot);
            for (Flag f : scope) {
                if (stampUnchanged || wanted.contains(f) != shared.contains(f)) {
                    stamps = FlagStamps.put(stamps, flagSets.idOf(f), modSeq);
                }
            }
            table.setStamps(slot, stamps);
        }
        highestModSeq = Math.max(highestModSeq, modSeq);
        return true;
    }

    /**
     * The live messages with {@code \Deleted} for {@code user}, within {@code scope} when given
     * (R94): the UIDs EXPUNGE, UID EXPUNGE and CLOSE remove. O(d log n) for d deleted messages
     * while {@code \Deleted} is shared; a scan when the server keeps it per user (R8).
     */
    public long[] deleted(String user, NumberSet scope) {
        LongStream.Builder out = LongStream.builder();
        boolean shared = !privateFlags.contains(Flag.DELETED);
        for (int slot = shared ? table.nextDeleted(0) : table.nextLive(0); slot >= 0;
                slot = shared ? table.nextDeleted(slot + 1) : table.nextLive(slot + 1)) {
            long uid = table.uid(slot);
            if ((scope == null || scope.contains(uid)) && (shared || flagsFor(slot, user).contains(Flag.DELETED))) {
                out.add(uid);
            }
        }
        return out.build().toArray();
    }

    /**
     * Live messages without {@code \Seen} for {@code user} (STATUS UNSEEN, RFC 3501 §6.3.10): O(1)
     * while {@code \Seen} is shared, a scan when the server keeps it per user (R8).
     */
    public int unseenCount(String user) {
        if (!privateFlags.contains(Flag.SEEN)) {
            return table.unseenCount();
        }
        int count = 0;
        for (int slot = table.nextLive(0); slot >= 0; slot = table.nextLive(slot + 1)) {
            if (!flagsFor(slot, user).contains(Flag.SEEN)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The message number of the first message without {@code \Seen} for {@code user}, or 0 when
     * all are seen (SELECT's UNSEEN, RFC 3501 §6.3.1): O(log n) while {@code \Seen} is shared, a
     * scan when the server keeps it per user (R8).
     */
    public int firstUnseen(String user) {
        if (!privateFlags.contains(Flag.SEEN)) {
            int slot = table.firstUnseen();
            return slot < 0 ? 0 : table.rank(slot);
        }
        int number = 0;
        for (int slot = table.nextLive(0); slot >= 0; slot = table.nextLive(slot + 1)) {
            number++;
            if (!flagsFor(slot, user).contains(Flag.SEEN)) {
                return number;
            }
        }
        return 0;
    }

    /**
     * Expunges the given live UIDs, ascending, under one new mod-sequence remembered with each
     * (R12, R91, R93-R95). Returns that mod-sequence, or 0 when there was nothing to expunge, in
     * which case nothing changes. Slot numbers change afterwards.
     */
    public long expunge(long[] uids) {
        if (uids.length == 0) {
            return 0;
        }
        long modSeq = nextModSeq();
        for (long uid : uids) {
            if (table.liveSlotOf(uid) < 0) {
                throw new IllegalArgumentException("UID " + uid + " is not live");
            }
        }
        sink.expunged(this, uids, modSeq);
        highestModSeq = modSeq;
        for (long uid : uids) {
            int slot = table.liveSlotOf(uid);
            if (slot < 0) {
                throw new IllegalArgumentException("UID " + uid + " is not live");
            }
            for (SessionView view : views) {
                view.beforeExpunge(slot, uid, modSeq);
            }
            boolean changed = table.modSeq(slot) > table.added(slot);
            table.expunge(slot);
            if (changed) {
                changes.retire();
            }
            for (PrivateFlags own : privates.values()) {
                own.remove(uid);
            }
        }
        expunges.record(uids, uids.length, modSeq);
        table.compactIfSparse();
        return modSeq;
    }
}
