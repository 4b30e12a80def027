package org.modseq.reference.store;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A set of {@link MessageTable} slots with counting in O(log n): a bit per slot and a Fenwick
 * tree of counts over them, so that "how many members come before this slot" (a message
 * number) and "which slot is the k-th member" both take O(log n). About 4 bytes per slot.
 */
final class SlotSet {

    private static final int INITIAL_CAPACITY = 16;

    private long[] bits = new long[1];
    /** 1-based Fenwick tree; {@code tree[i]} counts members among slots {@code (i - lowbit(i), i]} (1-based). */
    private int[] tree = new int[INITIAL_CAPACITY + 1];
    private int slots;
    private int count;

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
        if (slot + 1 >= tree.length) {
            tree = Arrays.copyOf(tree, tree.length + (tree.length >> 1) + 1);
        }
        if ((slot >>> 6) >= bits.length) {
            bits = Arrays.copyOf(bits, bits.length * 2);
        }
        // A new node covers (node - lowbit(node), node]: itself plus the nodes below it.
        int node = slot + 1;
        int sum = 0;
        if (member) {
            bits[slot >>> 6] |= 1L << slot;
            count++;
            sum = 1;
        }
        for (int child = node - 1, stop = node - (node & -node); child > stop; child -= child & -child) {
            sum += tree[child];
        }
        tree[node] = sum;
    }

    /** Makes {@code slot} a member or not. */
    void set(int slot, boolean member) {
        if (member == contains(slot)) {
            return;
        }
        bits[slot >>> 6] ^= 1L << slot;
        int delta = member ? 1 : -1;
        count += delta;
        for (int i = slot + 1; i <= slots; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** Members among slots {@code [0, slot]}. */
    int rank(int slot) {
        int sum = 0;
        for (int i = slot + 1; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    /** The slot of the {@code k}-th member, 1-based. */
    int select(int k) {
        if (k < 1 || k > count) {
            throw new IndexOutOfBoundsException("member " + k + " of " + count);
        }
        int pos = 0;
        int remaining = k;
        for (int step = Integer.highestOneBit(Math.max(1, slots)); step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= slots && tree[next] < remaining) {
                pos = next;
                remaining -= tree[next];
            }
        }
        return pos; // the 1-based node pos + 1 is slot pos
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

    /** The first member at or after {@code from}, or -1, in O(log n) however sparse the set is. */
    int nextSparse(int from) {
        int before = from == 0 ? 0 : rank(from - 1);
        return before < count ? select(before + 1) : -1;
    }

    /** Starts over with {@code slots} slots, the members those {@code member} accepts; O(n). */
    void rebuild(int slots, int capacity, IntPredicate member) {
        this.slots = slots;
        count = 0;
        bits = new long[Math.max(1, (capacity + 63) >>> 6)];
        tree = new int[capacity + 1];
        for (int slot = 0; slot < slots; slot++) {
            if (member.test(slot)) {
                bits[slot >>> 6] |= 1L << slot;
                count++;
                tree[slot + 1] += 1;
            }
            // Linear-time Fenwick build: each node passes its sum to its parent.
            int node = slot + 1;
            int parent = node + (node & -node);
            if (parent <= slots) {
                tree[parent] += tree[node];
            }
        }
    }
}
