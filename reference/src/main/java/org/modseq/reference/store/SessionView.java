package org.modseq.reference.store;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A session's view of its selected mailbox: the message numbers its client was told and what it
 * knows of each message, kept without a per-message map (the model's
 * {@link org.modseq.model.session.SelectedMailbox} keeps one).
 *
 * <p>The view's members are the mailbox's live messages up to {@code announcedUpTo} (EXISTS, RFC
 * 3501 §7.3.1) plus the {@link HeldBack held-back} expunges, which keep their message numbers until
 * the client is told (RFC 3501 §7.4.1, R85). Message numbers come from the mailbox's
 * {@link MessageTable} and the held-back list: O(log n).
 *
 * <p>What the client knows: a sync point {@code syncedTo}, the mailbox's HIGHESTMODSEQ when the
 * client was last told of every change (SELECT, or an update point that reported everything),
 * and a map of exceptions {@code told}. A member without an exception is known as it was at the
 * sync point; that is its current value when it has not changed since, and otherwise the value
 * before its first change since, which the mailbox's {@link ModSeqIndex} keeps as the entry's
 * prior. The only case that breaks this, a second change after the sync point, is caught before
 * it happens ({@link #beforeChange}) and the old value copied into {@code told}. Exceptions are
 * also made when the client is told a value newer than the sync point (FETCH, STORE). So the view
 * costs O(1) per change whose message changes twice before the client is told, and the updates
 * it is owed (R16, R18) are found through the mailbox's mod-sequence index, O(log n + k), rather
 * than by comparing every message.
 */
public final class SessionView {

    private final MailboxStore mailbox;
    private final MessageTable table;
    private final String user;
    private final boolean readOnly;
    private final boolean noModSeq;
    private final Map<Long, Long> told = new HashMap<>();
    private final HeldBack heldBack = new HeldBack();
    private long announcedUpTo;
    private long syncedTo;

    private SessionView(MailboxStore mailbox, String user, boolean readOnly, boolean noModSeq) {
        this.mailbox = mailbox;
        this.table = mailbox.table();
        this.user = user;
        this.readOnly = readOnly;
        this.noModSeq = noModSeq;
        this.announcedUpTo = mailbox.uidNext() - 1;
        this.syncedTo = mailbox.highestModSeq();
    }

    /** SELECT or EXAMINE: the client is told every message as it is now. */
    public static SessionView open(MailboxStore mailbox, String user, boolean readOnly, boolean noModSeq) {
        SessionView view = new SessionView(mailbox, user, readOnly, noModSeq);
        mailbox.register(view);
        return view;
    }

    /** CLOSE, UNSELECT, another SELECT or the end of the connection. */
    public void close() {
        mailbox.unregister(this);
    }

    public MailboxStore mailbox() {
        return mailbox;
    }

    public String user() {
        return user;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** NOMODSEQ was sent at selection, so mod-sequence commands are BAD (R30). */
    public boolean noModSeq() {
        return noModSeq;
    }

    public HeldBack heldBack() {
        return heldBack;
    }

    // ---- message numbers ----

    /** The number of messages the client believes exist. */
    public int exists() {
        return table.liveUpTo(announcedUpTo) + heldBack.size();
    }

    /** View members with a UID below {@code uid}. */
    public int membersBelow(long uid) {
        return table.liveBelow(Math.min(uid, announcedUpTo + 1)) + heldBack.countBelow(uid);
    }

    /** The message number of a member of the view. */
    public int numberOf(long uid) {
        return membersBelow(uid) + 1;
    }

    /** The highest UID in the view, or 0 when it is empty: {@code *} in a UID set. */
    public long lastUid() {
        int live = table.liveUpTo(announcedUpTo);
        long last = live == 0 ? 0 : table.uid(table.select(live));
        return heldBack.isEmpty() ? last : Math.max(last, heldBack.uid(heldBack.size() - 1));
    }

    /** The UID of message number {@code number}, 1 to {@link #exists()}. O(log h log n). */
    public long uidAt(int number) {
        // Held-back member i has number liveBelow(uid) + i + 1, rising with i: binary search.
        int lo = 0;
        int hi = heldBack.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (table.liveBelow(heldBack.uid(mid)) + mid + 1 < number) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < heldBack.size() && table.liveBelow(heldBack.uid(lo)) + lo + 1 == number) {
            return heldBack.uid(lo);
        }
        return table.uid(table.select(number - lo));
    }

    /** Receives view members in ascending order: the live slot, or -1 for a held-back expunge. */
    @FunctionalInterface
    public interface Member {
        /** @return false to stop */
        boolean accept(long uid, int slot);
    }

    /** Walks the view's members with UIDs in {@code [low, high]}, ascending. */
    public void forEachMember(long low, long high, Member action) {
        long limit = Math.min(high, announcedUpTo);
        int slot = table.nextLive(table.ceilingSlot(low));
        int held = heldBack.countBelow(low);
        while (true) {
            long liveUid = slot >= 0 ? table.uid(slot) : Long.MAX_VALUE;
            long heldUid = held < heldBack.size() ? heldBack.uid(held) : Long.MAX_VALUE;
            if (liveUid < heldUid) {
                if (liveUid > limit || !action.accept(liveUid, slot)) {
                    return;
                }
                slot = table.nextLive(slot + 1);
            } else {
                if (heldUid > limit || !action.accept(heldUid, -1)) {
                    return;
                }
                held++;
            }
        }
    }

    // ---- what the client knows ----

    /** The mod-sequence the client last learned for the live member in {@code slot}. */
    public long known(int slot) {
        Long value = told.get(table.uid(slot));
        if (value != null) {
            return value;
        }
        return Math.max(mailbox.sharedAsOf(slot, syncedTo), mailbox.privateAsOf(slot, user, syncedTo));
    }

    /** True when the live member in {@code slot} changed since the client last learned of it (R16, R18). */
    public boolean isOwed(int slot) {
        long current = mailbox.modSeqFor(slot, user);
        Long value = told.get(table.uid(slot));
        return current > (value != null ? value : syncedTo);
    }

    /** The client was just shown the member's current flags and mod-sequence. */
    public void tell(int slot) {
        long uid = table.uid(slot);
        long current = mailbox.modSeqFor(slot, user);
        if (current <= syncedTo) {
            told.remove(uid);
        } else {
            told.put(uid, current);
        }
    }

    /** The UIDs of the live members the client is owed a FETCH for, ascending: O(log n + k log k). */
    public long[] owed() {
        LongStream.Builder candidates = LongStream.builder();
        mailbox.forEachChangedAbove(syncedTo, user, uid -> {
            if (uid <= announcedUpTo) {
                candidates.add(uid);
            }
        });
        // Every member added up to the sync point, so only changes can make one owed.
        return candidates.build().sorted().distinct().filter(uid -> isOwed(table.liveSlotOf(uid))).toArray();
    }

    /** New live messages above what the client was told of, announced now with EXISTS. */
    public boolean announceNew() {
        int live = table.liveCount();
        long last = live == 0 ? 0 : table.uid(table.select(live));
        if (last <= announcedUpTo) {
            return false;
        }
        announcedUpTo = last;
        return true;
    }

    /** The client was just told every change and new message: a new sync point. */
    public void sync() {
        syncedTo = mailbox.highestModSeq();
        told.clear();
    }

    /** The client was just told of every held-back expunge. */
    public void clearHeldBack() {
        heldBack.clear();
    }

    /**
     * The highest HIGHESTMODSEQ the client may be given now without missing a change (§6, R96):
     * below every expunge it was not told of (just below a remembered one's mod-sequence, else
     * its own knowledge of the message), every change it was not shown and every message it was
     * not told exists. O(h + k log k + log n).
     */
    public long safeHighestModSeq() {
        long safe = mailbox.highestModSeq();
        long floor = mailbox.expunges().floor();
        for (int i = 0; i < heldBack.size(); i++) {
            long expunged = heldBack.expungedAt(i);
            safe = Math.min(safe, expunged > floor ? expunged - 1 : heldBack.known(i));
        }
        for (long uid : owed()) {
            safe = Math.min(safe, known(table.liveSlotOf(uid)));
        }
        int unannounced = table.nextLive(table.ceilingSlot(announcedUpTo + 1));
        if (unannounced >= 0) {
            safe = Math.min(safe, table.added(unannounced) - 1);
        }
        return safe;
    }

    // ---- told by the mailbox before it changes ----

    /**
     * The message in {@code slot} is about to change: its shared part, and/or the private part of
     * {@code changer}. If the changing part already changed since the sync point, its prior will
     * be overwritten, so what the client knows is copied into an exception now.
     */
    void beforeChange(int slot, long uid, boolean shared, boolean own, String changer) {
        if (uid > announcedUpTo || told.containsKey(uid)) {
            return;
        }
        boolean ownVisible = own && user.equals(changer);
        if (shared && table.modSeq(slot) > syncedTo || ownVisible && mailbox.privateLast(slot, user) > syncedTo) {
            told.put(uid, known(slot));
        }
    }

    /** The member in {@code slot} is about to be expunged at {@code modSeq}: it is held back until told. */
    void beforeExpunge(int slot, long uid, long modSeq) {
        if (uid > announcedUpTo) {
            return;
        }
        heldBack.add(uid, known(slot), modSeq);
        told.remove(uid);
    }
}
