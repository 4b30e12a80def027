package org.modseq.model.set;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * A concrete, non-empty-or-empty set of positive 32-bit numbers, held as ascending, disjoint,
 * non-adjacent ranges: the value behind every UID set and message-number set the model computes
 * (VANISHED, MODIFIED, known-uids, ESEARCH ALL).
 *
 * <p>The wire rendering is canonical ({@code 1:3,5,7:9}): ascending and merged. The grammar
 * forbids an empty set and the number 0 wherever RFC 7162 sends one (§7 {@code known-uids},
 * {@code sequence-set}), so {@link #toWire()} refuses an empty set and the constructor refuses 0.
 *
 * @param ranges ascending, disjoint and non-adjacent
 */
public record NumberSet(List<Range> ranges) implements Iterable<Long> {

    public static final long MAX_NUMBER = 0xFFFF_FFFFL;
    public static final NumberSet EMPTY = new NumberSet(List.of());

    /** An inclusive range {@code low:high}. */
    public record Range(long low, long high) {
        public Range {
            if (low < 1 || high > MAX_NUMBER || low > high) {
                throw new IllegalArgumentException("bad range " + low + ":" + high);
            }
        }

        public long size() {
            return high - low + 1;
        }
    }

    public NumberSet {
        ranges = List.copyOf(ranges);
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).low() <= ranges.get(i - 1).high() + 1) {
                throw new IllegalArgumentException("ranges must be ascending, disjoint, non-adjacent: " + ranges);
            }
        }
    }

    public static NumberSet of(long... numbers) {
        List<Long> list = new ArrayList<>(numbers.length);
        for (long n : numbers) {
            list.add(n);
        }
        return of(list);
    }

    public static NumberSet range(long low, long high) {
        return low > high ? EMPTY : new NumberSet(List.of(new Range(low, high)));
    }

    /** The set of the given numbers, in any order and with duplicates. */
    public static NumberSet of(Collection<Long> numbers) {
        SortedSet<Long> sorted = new TreeSet<>(numbers);
        List<Range> ranges = new ArrayList<>();
        long low = -1;
        long high = -1;
        for (long n : sorted) {
            if (low < 0) {
                low = high = n;
            } else if (n == high + 1) {
                high = n;
            } else {
                ranges.add(new Range(low, high));
                low = high = n;
            }
        }
        if (low >= 0) {
            ranges.add(new Range(low, high));
        }
        return new NumberSet(ranges);
    }

    /** Parses a set without {@code *}, such as {@code 1:3,5}; ranges may be given either way round. */
    public static NumberSet parse(String text) {
        return SequenceSet.parse(text).toNumberSet();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public long size() {
        long size = 0;
        for (Range r : ranges) {
            size += r.size();
        }
        return size;
    }

    public boolean contains(long n) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Range r = ranges.get(mid);
            if (n < r.low()) {
                hi = mid - 1;
            } else if (n > r.high()) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public long min() {
        if (isEmpty()) {
            throw new NoSuchElementException("empty set");
        }
        return ranges.get(0).low();
    }

    public long max() {
        if (isEmpty()) {
            throw new NoSuchElementException("empty set");
        }
        return ranges.get(ranges.size() - 1).high();
    }

    /** The members for which the predicate holds. */
    public NumberSet filter(LongPredicate keep) {
        List<Long> kept = new ArrayList<>();
        for (long n : this) {
            if (keep.test(n)) {
                kept.add(n);
            }
        }
        return of(kept);
    }

    /** Set union, computed on ranges so that {@code 1:4294967295} costs no more than {@code 1}. */
    public NumberSet union(NumberSet other) {
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return ofRanges(all);
    }

    /** The set covering {@code ranges}, in any order, overlapping or not: one sort and one merge. */
    public static NumberSet ofRanges(Collection<Range> ranges) {
        List<Range> all = new ArrayList<>(ranges);
        all.sort((a, b) -> Long.compare(a.low(), b.low()));
        List<Range> merged = new ArrayList<>();
        for (Range r : all) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.low() <= last.high() + 1) {
                merged.set(merged.size() - 1, new Range(last.low(), Math.max(last.high(), r.high())));
            } else {
                merged.add(r);
            }
        }
        return new NumberSet(merged);
    }

    /** Set intersection, on ranges. */
    public NumberSet intersect(NumberSet other) {
        List<Range> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < ranges.size() && j < other.ranges.size()) {
            Range a = ranges.get(i);
            Range b = other.ranges.get(j);
            long low = Math.max(a.low(), b.low());
            long high = Math.min(a.high(), b.high());
            if (low <= high) {
                out.add(new Range(low, high));
            }
            if (a.high() < b.high()) {
                i++;
            } else {
                j++;
            }
        }
        return new NumberSet(out);
    }

    /** The members of this set that are not in {@code other}, on ranges. */
    public NumberSet minus(NumberSet other) {
        List<Range> out = new ArrayList<>();
        int j = 0;
        for (Range a : ranges) {
            long low = a.low();
            while (j < other.ranges.size() && other.ranges.get(j).high() < low) {
                j++;
            }
            int k = j;
            while (low <= a.high() && k < other.ranges.size() && other.ranges.get(k).low() <= a.high()) {
                Range b = other.ranges.get(k);
                if (b.low() > low) {
                    out.add(new Range(low, b.low() - 1));
                }
                low = Math.max(low, b.high() + 1);
                k++;
            }
            if (low <= a.high()) {
                out.add(new Range(low, a.high()));
            }
        }
        return new NumberSet(out);
    }

    public boolean containsAll(NumberSet other) {
        for (long n : other) {
            if (!contains(n)) {
                return false;
            }
        }
        return true;
    }

    public List<Long> toList() {
        List<Long> list = new ArrayList<>();
        forEach(list::add);
        return list;
    }

    @Override
    public Iterator<Long> iterator() {
        return new Iterator<>() {
            private int range = 0;
            private long next = ranges.isEmpty() ? 0 : ranges.get(0).low();

            @Override
            public boolean hasNext() {
                return range < ranges.size();
            }

            @Override
            public Long next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long value = next;
                if (next == ranges.get(range).high()) {
                    range++;
                    next = range < ranges.size() ? ranges.get(range).low() : 0;
                } else {
                    next++;
                }
                return value;
            }
        };
    }

    /** The canonical {@code sequence-set} text; the grammar has no empty set (RFC 3501 §9). */
    public String toWire() {
        if (isEmpty()) {
            throw new IllegalStateException("the IMAP grammar has no empty sequence-set");
        }
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(r.low());
            if (r.high() != r.low()) {
                sb.append(':').append(r.high());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return isEmpty() ? "(empty)" : toWire();
    }
}
