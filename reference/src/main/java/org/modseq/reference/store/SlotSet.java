package org.modseq.reference.store;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A set of {@link MessageTable} slots. A ranked set keeps a Fenwick tree of member counts per word
 * of 64 slots, so that "how many members come before this slot" (a message number) and "which
 * slot is the k-th member" take O(log n): a walk of the tree, then a population count within one
 * word. Counting per word rather than per slot keeps the tree at half a bit per slot, small
 * enough to stay in the processor's cache for a mailbox of a million messages, where a tree per
 * slot (4 bytes each) made every message number a chain of cache misses. An unranked set keeps
 * only a summary bit per word, enough to find the next member of a sparse set by skipping empty
 * words 4,096 slots at a time, for about 1 bit per slot.
 */
final class SlotSet {

    private static final int INITIAL_CAPACITY = 16;

    private final boolean ranked;
    private long[] bits = new long[1];
    /** Unranked sets: bit w is set while word w of {@code bits} has a member. */
    private long[] summary = new long[1];
    /** Ranked sets: 1-based Fenwick tree over words; {@code tree[i]} counts members in words {@code (i - lowbit(i), i]} (1-based). */
    private int[] tree;
    private int slots;
    private int count;

    /** @param ranked whether {@link #rank} and {@link #select} are needed */
    SlotSet(boolean ranked) {
        this.ranked = ranked;
        this.tree = ranked ? new int[2] : null;
    }

    /** Members. */
    int count() {
        return count;
    }

    boolean contains(int slot) {
        return (bits[slot >>> 6] & (1L << slot)) != 0;
    }

    /** Adds slot number {@link #slots} at the end, a member or not. */
    void append(boolean member) {
        int slot = slots++;
        if ((slot >>> 6) >= bits.length) {
            bits = Arrays.copyOf(bits, bits.length * 2);
            summary = ranked ? summary : Arrays.copyOf(summary, (bits.length + 63) >>> 6);
        }
        if (member) {
            bits[slot >>> 6] |= 1L << slot;
            count++;
            if (!ranked) {
                summary[slot >>> 12] |= 1L << (slot >>> 6);
            }
        }
        if (!ranked) {
            return;
        }
        int node = (slot >>> 6) + 1;
        if ((slot & 63) == 0) {
            // A new word: its node covers (node - lowbit(node), node], itself plus the nodes below it.
            if (node >= tree.length) {
                tree = Arrays.copyOf(tree, tree.length * 2);
            }
            int sum = 0;
            for (int child = node - 1, stop = node - (node & -node); child > stop; child -= child & -child) {
                sum += tree[child];
            }
            tree[node] = sum;
        }
        if (member) {
            tree[node]++; // the last word's node: no node above it exists yet
        }
    }

    /** Nodes of the Fenwick tree: words in use. */
    private int words() {
        return (slots + 63) >>> 6;
    }

    /** Makes {@code slot} a member or not. */
    void set(int slot, boolean member) {
        if (member == contains(slot)) {
            return;
        }
        int word = slot >>> 6;
        bits[word] ^= 1L << slot;
        int delta = member ? 1 : -1;
        count += delta;
        if (!ranked) {
            if (bits[word] == 0) {
                summary[word >>> 6] &= ~(1L << word);
            } else {
                summary[word >>> 6] |= 1L << word;
            }
            return;
        }
        for (int i = word + 1, words = words(); i <= words; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Members among slots {@code [0, slot]}; ranked sets only. */
    int rank(int slot) {
        int word = slot >>> 6;
        int sum = Long.bitCount(bits[word] & (-1L >>> (63 - (slot & 63))));
        for (int i = word; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** The slot of the {@code k}-th member, 1-based; ranked sets only. */
    int select(int k) {
        if (k < 1 || k > count) {
            throw new IndexOutOfBoundsException("member " + k + " of " + count);
        }
        int words = words();
        int word = 0;
        int remaining = k;
        for (int step = Integer.highestOneBit(Math.max(1, words)); step > 0; step >>= 1) {
            int next = word + step;
            if (next <= words && tree[next] < remaining) {
                word = next;
                remaining -= tree[next];
            }
        }
        // The 1-based node word + 1 is word number word; its remaining-th member is the answer.
        long members = bits[word];
        for (int i = 1; i < remaining; i++) {
            members &= members - 1;
        }
        return (word << 6) + Long.numberOfTrailingZeros(members);
    }

    /** The first member at or after {@code from}, or -1: a scan of words, for dense sets. */
    int next(int from) {
        if (from >= slots) {
            return -1;
        }
        int word = from >>> 6;
        long current = bits[word] & (-1L << from);
        while (true) {
            if (current != 0) {
                int slot = (word << 6) + Long.numberOfTrailingZeros(current);
                return slot < slots ? slot : -1;
            }
            if (++word >= bits.length || (word << 6) >= slots) {
                return -1;
            }
            current = bits[word];
        }
    }

    /**
     * The first member at or after {@code from}, or -1, however sparse the set is: O(log n) for a
     * ranked set; for an unranked one, empty words are skipped through the summary.
     */
    int nextSparse(int from) {
        if (ranked) {
            int before = from == 0 ? 0 : rank(from - 1);
            return before < count ? select(before + 1) : -1;
        }
        if (from >= slots || count == 0) {
            return -1;
        }
        int word = from >>> 6;
        long current = bits[word] & (-1L << from);
        if (current != 0) {
            int slot = (word << 6) + Long.numberOfTrailingZeros(current);
            return slot < slots ? slot : -1;
        }
        // The next word with a member, found 64 words at a time.
        int next = word + 1;
        int group = next >>> 6;
        if (group >= summary.length) {
            return -1;
        }
        long words = summary[group] & (-1L << next); // a long shift uses the low 6 bits: members from word next on
        while (words == 0) {
            if (++group >= summary.length) {
                return -1;
            }
            words = summary[group];
        }
        int found = (group << 6) + Long.numberOfTrailingZeros(words);
        int slot = (found << 6) + Long.numberOfTrailingZeros(bits[found]);
        return slot < slots ? slot : -1;
    }

    /** Starts over with {@code slots} slots, the members those {@code member} accepts; O(n). */
    void rebuild(int slots, int capacity, IntPredicate member) {
        this.slots = slots;
        count = 0;
        bits = new long[Math.max(1, (capacity + 63) >>> 6)];
        summary = new long[Math.max(1, (bits.length + 63) >>> 6)];
        tree = ranked ? new int[bits.length + 1] : null;
        for (int slot = 0; slot < slots; slot++) {
            if (member.test(slot)) {
                bits[slot >>> 6] |= 1L << slot;
                count++;
                if (!ranked) {
                    summary[slot >>> 12] |= 1L << (slot >>> 6);
                }
            }
        }
        if (ranked) {
            // Linear-time Fenwick build: each node takes its word's count and passes its sum to its parent.
            int words = words();
            for (int node = 1; node <= words; node++) {
                tree[node] += Long.bitCount(bits[node - 1]);
                int parent = node + (node & -node);
                if (parent <= words) {
                    tree[parent] += tree[node];
                }
            }
        }
    }
}
