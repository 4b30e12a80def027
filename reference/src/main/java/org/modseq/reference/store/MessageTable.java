package org.modseq.reference.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;

/**
 * The messages of one mailbox in append order, one slot each, in parallel primitive arrays, with
 * a {@link SlotSet} of the live slots so that message number and UID map to each other in
 * O(log n) however many messages were expunged (RFC 3501 §2.3.1.2). Two more slot sets follow
 * the shared flags that commands look for across the whole mailbox: the live messages without
 * {@code \Seen} (SELECT's UNSEEN, STATUS UNSEEN) and those with {@code \Deleted} (EXPUNGE,
 * CLOSE), so that neither needs a scan.
 *
 * <p>UIDs are handed out in ascending order (RFC 3501 §2.3.1.1), so slot order is UID order and
 * a UID finds its slot by a search that starts where the UID would be ({@link #ceilingSlot}). An expunge only clears a live bit; once dead slots
 * outnumber live ones the arrays are compacted in O(n), which the expunges since the last
 * compaction pay for. Callers must not keep slot numbers across {@link #compactIfSparse()}.
 *
 * <p>Per message this holds the UID (4 bytes), the add mod-sequence (8), the shared
 * mod-sequence (8), a reference to an interned flag set (4), a reference to the content (4), the
 * internal date (8), the live set (a bit, and its counts of 64 slots at a time) and the unseen
 * and deleted sets (a bit each), plus a reference to per-flag stamps (4) when the server keeps
 * them (R8): about 37 bytes, 41 with stamps, before array growth slack.
 *
 * <p>The content is the message's octets, once, in a byte array of their own, or, when the
 * server keeps a journal, only where they are in it ({@link StoredOctets}), read when asked for:
 * no String around them and no parsed structure. Whatever a FETCH wants of the structure is parsed from the octets
 * when it is asked for (see {@link org.modseq.model.content.ContentRenderer}).
 */
public final class MessageTable {

    private static final int INITIAL_CAPACITY = 16;
    /** Below this many dead slots compaction is not worth its O(n). */
    private static final int MIN_DEAD_TO_COMPACT = 64;
    /** Zone offsets a packed internal date has room for. */
    private static final long DATE_OFFSETS = 4096;

    private final boolean withStamps;
    private int[] uids = new int[INITIAL_CAPACITY];
    private long[] added = new long[INITIAL_CAPACITY];
    private long[] modSeqs = new long[INITIAL_CAPACITY];
    private Object[] flags = new Object[INITIAL_CAPACITY];
    /** Each message's octets: a {@code byte[]} on the heap, or {@link StoredOctets} read from a file when asked for. */
    private Object[] contents = new Object[INITIAL_CAPACITY];
    /** Internal dates, {@link #pack packed}. */
    private long[] internalDates = new long[INITIAL_CAPACITY];
    private long[][] stamps;
    private final SlotSet live = new SlotSet(true);
    private final SlotSet unseen = new SlotSet(false);
    private final SlotSet deleted = new SlotSet(false);
    private int slots;

    /**
     * @param withStamps whether each message keeps per-flag change stamps (conflict detection per
     *     flag, R8, R32)
     */
    public MessageTable(boolean withStamps) {
        this.withStamps = withStamps;
        this.stamps = withStamps ? new long[INITIAL_CAPACITY][] : null;
    }

    /** Live messages: the mailbox's EXISTS. */
    public int liveCount() {
        return live.count();
    }

    /** Live messages without a shared {@code \Seen}. */
    public int unseenCount() {
        return unseen.count();
    }

    /** The first live slot without a shared {@code \Seen}, or -1. */
    public int firstUnseen() {
        return unseen.nextSparse(0);
    }

    /** Live messages with a shared {@code \Deleted}. */
    public int deletedCount() {
        return deleted.count();
    }

    /** The first live slot at or after {@code from} with a shared {@code \Deleted}, or -1. */
    public int nextDeleted(int from) {
        return deleted.nextSparse(from);
    }

    /** Slots in use, live or dead. */
    public int slotCount() {
        return slots;
    }

    /**
     * Appends a message; its UID must exceed every UID appended before.
     *
     * @return its slot
     */
    public int append(long uid, long addedModSeq, Set<Flag> flagSet, byte[] content, long internalDate) {
        return appendBody(uid, addedModSeq, flagSet, content, internalDate);
    }

    /** As {@link #append(long, long, Set, byte[], long)}, with octets kept in a file and read lazily. */
    public int append(long uid, long addedModSeq, Set<Flag> flagSet, StoredOctets content, long internalDate) {
        return appendBody(uid, addedModSeq, flagSet, content, internalDate);
    }

    /** {@code content} is a {@code byte[]} or a {@link StoredOctets}. */
    int appendBody(long uid, long addedModSeq, Set<Flag> flagSet, Object content, long internalDate) {
        if (slots > 0 && uid <= uid(slots - 1)) {
            throw new IllegalArgumentException("UIDs must ascend: " + uid + " after " + uid(slots - 1));
        }
        if (slots == uids.length) {
            grow();
        }
        int slot = slots++;
        uids[slot] = (int) uid;
        added[slot] = addedModSeq;
        modSeqs[slot] = addedModSeq;
        flags[slot] = flagSet;
        contents[slot] = content;
        internalDates[slot] = internalDate;
        if (withStamps) {
            stamps[slot] = null;
        }
        live.append(true);
        unseen.append(!flagSet.contains(Flag.SEEN));
        deleted.append(flagSet.contains(Flag.DELETED));
        return slot;
    }

    private void grow() {
        int capacity = uids.length + (uids.length >> 1) + 1;
        uids = Arrays.copyOf(uids, capacity);
        added = Arrays.copyOf(added, capacity);
        modSeqs = Arrays.copyOf(modSeqs, capacity);
        flags = Arrays.copyOf(flags, capacity);
        contents = Arrays.copyOf(contents, capacity);
        internalDates = Arrays.copyOf(internalDates, capacity);
        if (withStamps) {
            stamps = Arrays.copyOf(stamps, capacity);
        }
    }

    public long uid(int slot) {
        return Integer.toUnsignedLong(uids[slot]);
    }

    /** The mod-sequence the message was added with (R7). */
    public long added(int slot) {
        return added[slot];
    }

    /** The highest mod-sequence of the message's shared metadata: its add or its last shared change. */
    public long modSeq(int slot) {
        return modSeqs[slot];
    }

    void setModSeq(int slot, long modSeq) {
        modSeqs[slot] = modSeq;
    }

    /** The shared flags, an interned immutable set. */
    @SuppressWarnings("unchecked")
    public Set<Flag> flags(int slot) {
        return (Set<Flag>) flags[slot];
    }

    void setFlags(int slot, Set<Flag> flagSet) {
        flags[slot] = flagSet;
        unseen.set(slot, !flagSet.contains(Flag.SEEN));
        deleted.set(slot, flagSet.contains(Flag.DELETED));
    }

    /** The message's octets, one char per octet, as the model holds wire text. */
    public String content(int slot) {
        Object body = contents[slot];
        byte[] octets = body instanceof StoredOctets stored ? stored.read() : (byte[]) body;
        return new String(octets, StandardCharsets.ISO_8859_1);
    }

    /** The message's octets as kept, a {@code byte[]} or {@link StoredOctets}, for a copy that shares them. */
    Object body(int slot) {
        return contents[slot];
    }

    /** The message's size in octets (RFC822.SIZE), without reading stored octets. */
    public int size(int slot) {
        Object body = contents[slot];
        return body instanceof StoredOctets stored ? stored.size() : ((byte[]) body).length;
    }

    /** The message's internal date (RFC 3501 §2.3.3). */
    public InternalDate internalDate(int slot) {
        long packed = internalDates[slot];
        return new InternalDate(Math.floorDiv(packed, DATE_OFFSETS), (int) Math.floorMod(packed, DATE_OFFSETS) - 2048);
    }

    long packedInternalDate(int slot) {
        return internalDates[slot];
    }

    /**
     * An internal date in one long: the epoch second times 4096 plus the zone offset in minutes
     * biased by 2048. Years 0000-9999 (RFC 3501 date-year) need 39 bits of seconds, the offsets
     * (at most 18 hours either way) fewer than 12.
     */
    static long pack(InternalDate date) {
        return date.epochSecond() * DATE_OFFSETS + date.offsetMinutes() + 2048;
    }

    /** Per-flag stamps of the shared flags ({@link FlagStamps}), or null when none changed (or none are kept). */
    public long[] stamps(int slot) {
        return withStamps ? stamps[slot] : null;
    }

    void setStamps(int slot, long[] value) {
        stamps[slot] = value;
    }

    public boolean isLive(int slot) {
        return live.contains(slot);
    }

    /** The slot holding {@code uid}, live or dead, or -1 if no such UID was appended since the last compaction. */
    public int slotOf(long uid) {
        int slot = ceilingSlot(uid);
        return slot < slots && uid(slot) == uid ? slot : -1;
    }

    /** The live slot holding {@code uid}, or -1. */
    public int liveSlotOf(long uid) {
        int slot = slotOf(uid);
        return slot >= 0 && isLive(slot) ? slot : -1;
    }

    /**
     * The first slot whose UID is at least {@code uid}, or {@link #slotCount()}. UIDs rise by one
     * per append (RFC 3501 §2.3.1.1), and gaps come only from compacted expunges, so a probe
     * where the UID would be if the slots were evenly spread usually lands on it: a few probes
     * instead of log n cache misses in a large mailbox. Probes alternate with halvings, so an
     * uneven spread still costs O(log n).
     */
    public int ceilingSlot(long uid) {
        int lo = 0;
        int hi = slots;
        boolean interpolate = true;
        // Slots below lo hold UIDs below uid; slots from hi on hold UIDs at least uid.
        while (lo < hi) {
            long low = uid(lo);
            long high = uid(hi - 1);
            if (low >= uid) {
                return lo;
            }
            if (high < uid) {
                return hi;
            }
            // low < uid <= high < 2^32 and hi - 1 - lo < 2^31: the product fits in a long.
            int mid = interpolate ? lo + (int) ((uid - low) * (hi - 1 - lo) / (high - low)) : (lo + hi) >>> 1;
            interpolate = !interpolate;
            if (uid(mid) < uid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first slot whose add mod-sequence exceeds {@code modSeq}; add mod-sequences never fall in slot order (R7). */
    public int firstAddedAfter(long modSeq) {
        int lo = 0;
        int hi = slots;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (added[mid] <= modSeq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first live slot at or after {@code from}, or -1. */
    public int nextLive(int from) {
        return live.next(from);
    }

    /** Live slots in {@code [0, slot]}: the message number of a live slot. O(log n). */
    public int rank(int slot) {
        return live.rank(slot);
    }

    /** Live messages whose UID is below {@code uid}. */
    public int liveBelow(long uid) {
        int slot = ceilingSlot(uid);
        return slot == 0 ? 0 : rank(slot - 1);
    }

    /** Live messages whose UID is at most {@code uid}. */
    public int liveUpTo(long uid) {
        return uid >= 0xFFFF_FFFFL ? live.count() : liveBelow(uid + 1);
    }

    /** The slot of message number {@code number} (1-based) among live messages. O(log n). */
    public int select(int number) {
        if (number < 1 || number > live.count()) {
            throw new IndexOutOfBoundsException("message number " + number + " of " + live.count());
        }
        return live.select(number);
    }

    /** Marks the slot expunged. */
    void expunge(int slot) {
        if (!isLive(slot)) {
            throw new IllegalStateException("slot " + slot + " is already expunged");
        }
        live.set(slot, false);
        unseen.set(slot, false);
        deleted.set(slot, false);
        contents[slot] = null;
        flags[slot] = null;
        if (withStamps) {
            stamps[slot] = null;
        }
    }

    /**
     * Drops dead slots once they outnumber live ones, in O(n). Slot numbers change: call it only
     * where no caller holds one.
     */
    public void compactIfSparse() {
        int dead = slots - live.count();
        if (dead < MIN_DEAD_TO_COMPACT || dead <= live.count()) {
            return;
        }
        int to = 0;
        for (int from = nextLive(0); from >= 0; from = nextLive(from + 1)) {
            uids[to] = uids[from];
            added[to] = added[from];
            modSeqs[to] = modSeqs[from];
            flags[to] = flags[from];
            contents[to] = contents[from];
            internalDates[to] = internalDates[from];
            if (withStamps) {
                stamps[to] = stamps[from];
            }
            to++;
        }
        int capacity = Math.max(INITIAL_CAPACITY, to + (to >> 1));
        uids = Arrays.copyOf(uids, capacity);
        added = Arrays.copyOf(added, capacity);
        modSeqs = Arrays.copyOf(modSeqs, capacity);
        flags = Arrays.copyOf(flags, capacity);
        contents = Arrays.copyOf(contents, capacity);
        internalDates = Arrays.copyOf(internalDates, capacity);
        if (withStamps) {
            stamps = Arrays.copyOf(stamps, capacity);
        }
        slots = to;
        live.rebuild(to, capacity, slot -> true);
        unseen.rebuild(to, capacity, slot -> !flags(slot).contains(Flag.SEEN));
        deleted.rebuild(to, capacity, slot -> flags(slot).contains(Flag.DELETED));
    }
}
