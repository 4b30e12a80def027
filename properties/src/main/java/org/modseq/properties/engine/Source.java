package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The only source of randomness for generators. Every decision is a <em>choice</em>: an unsigned
 * number in {@code [0, max]}, where {@code 0} is always the simplest option. A source either draws
 * choices from a seeded PRNG or replays a recorded choice sequence; in both modes it records the
 * choices it actually returned, so any generated value can be reproduced, and shrunk, from its
 * {@link #choices() choice sequence}.
 *
 * <p>A replayed sequence that runs out yields {@code 0}, the simplest choice, so truncating a
 * sequence is always a valid (and usually simpler) input. A recorded choice larger than the
 * requested maximum is clamped to it, so any sequence of numbers can be replayed.
 *
 * <p>Sources are not thread safe; use one per generated value.
 */
public final class Source {
    /** Guards against generators that never stop drawing (a runaway recursion or loop). */
    static final int MAX_CHOICES = 100_000;

    private final SplittableRandom random;
    private final List<Long> prefix;
    private int position;
    private final List<Long> recorded = new ArrayList<>();

    private Source(SplittableRandom random, List<Long> prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /**
     * A source drawing fresh choices from a PRNG seeded with {@code seed}.
     *
     * @param seed the PRNG seed; equal seeds give equal choices
     * @return a new random source
     */
    public static Source random(long seed) {
        return new Source(new SplittableRandom(seed), List.of());
    }

    /** A random source sharing {@code random} with other sources of the same try. */
    static Source random(SplittableRandom random) {
        return new Source(random, List.of());
    }

    /**
     * A source replaying {@code choices}, then answering {@code 0} once they run out.
     *
     * @param choices a recorded (or shrunk) choice sequence
     * @return a new replaying source
     */
    public static Source replay(List<Long> choices) {
        return new Source(null, List.copyOf(choices));
    }

    /**
     * Makes one choice.
     *
     * @param max the largest allowed choice, read as an <em>unsigned</em> number (so {@code -1}
     *     allows all 2^64 values)
     * @return a choice in {@code [0, max]} (unsigned)
     * @throws GenerationException when the generator has made too many choices
     */
    public long choose(long max) {
        long value;
        if (random == null) {
            value = position < prefix.size() ? prefix.get(position) : 0L;
            position++;
            if (Long.compareUnsigned(value, max) > 0) {
                value = max;
            }
        } else {
            value = draw(max);
        }
        return record(value);
    }

    /**
     * Makes a yes/no choice that is yes with probability {@code probability} when drawing at random.
     * "No" (choice {@code 0}) is the simpler answer.
     *
     * @param probability the chance of {@code true} when drawing at random
     * @return the choice as a boolean
     */
    public boolean chooseBoolean(double probability) {
        if (random == null) {
            return choose(1) == 1;
        }
        return record(random.nextDouble() < probability ? 1 : 0) == 1;
    }

    /**
     * The choices this source has returned so far, in order.
     *
     * @return an unmodifiable copy of the recorded choice sequence
     */
    public List<Long> choices() {
        return Collections.unmodifiableList(new ArrayList<>(recorded));
    }

    private long record(long value) {
        if (recorded.size() >= MAX_CHOICES) {
            throw new GenerationException(
                    "a generator made more than " + MAX_CHOICES + " choices; is it unbounded?");
        }
        recorded.add(value);
        return value;
    }

    private long draw(long max) {
        if (max == 0) {
            return 0;
        }
        // Bugs gather at the edges: pick the simplest and the largest choice (the bounds of an
        // integer range, the first and last alternative) more often than uniform drawing would.
        int edge = random.nextInt(32);
        if (edge == 0) {
            return 0;
        }
        if (edge == 1) {
            return max;
        }
        if (max > 0 && max < Long.MAX_VALUE) {
            return random.nextLong(max + 1);
        }
        if (max == Long.MAX_VALUE) {
            return random.nextLong() >>> 1;
        }
        // max is above 2^63 as an unsigned number: rejection sampling accepts at least half.
        while (true) {
            long candidate = random.nextLong();
            if (Long.compareUnsigned(candidate, max) <= 0) {
                return candidate;
            }
        }
    }
}
