package org.modseq.model.mailbox;

/**
 * A mod-sequence value (RFC 7162 §3.1, R1): a positive, unsigned 63-bit number that a server
 * attaches to every change of a message's metadata and to every expunge (R12).
 *
 * <p>Zero is representable because the grammar allows it in three places (the
 * {@code mod-sequence-valzer} production, §7): {@code UNCHANGEDSINCE 0} (R37, R44), {@code SEARCH
 * MODSEQ 0} (R49) and {@code STATUS (HIGHESTMODSEQ)} of a mailbox without persistent
 * mod-sequences (R57). Everywhere else a value must be {@link #isPositive() positive}; the model
 * checks that at the place the rule applies, so the rule is cited where it is enforced.
 *
 * @param value 0 to 2^63-1 inclusive
 */
public record ModSeq(long value) implements Comparable<ModSeq> {

    /** Only valid where the grammar says {@code mod-sequence-valzer}. */
    public static final ModSeq ZERO = new ModSeq(0);
    /** The lowest value a server may assign (R1). */
    public static final ModSeq ONE = new ModSeq(1);
    /** The highest value the 63-bit range allows (R1, §7 {@code mod-sequence-value}). */
    public static final ModSeq MAX = new ModSeq(Long.MAX_VALUE);

    public ModSeq {
        if (value < 0) {
            throw new IllegalArgumentException("mod-sequence must be 0 to 2^63-1, was " + value);
        }
    }

    public static ModSeq of(long value) {
        return new ModSeq(value);
    }

    /** Parses a decimal mod-sequence; rejects signs, blanks and values beyond 2^63-1. */
    public static ModSeq parse(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a mod-sequence value: " + text);
        }
        try {
            return new ModSeq(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mod-sequence beyond 2^63-1: " + text, e);
        }
    }

    public boolean isPositive() {
        return value > 0;
    }

    /**
     * The next value.
     *
     * @throws ModSeqExhaustedException after {@link #MAX}: no more values exist (R1)
     */
    public ModSeq next() {
        if (value == Long.MAX_VALUE) {
            throw new ModSeqExhaustedException();
        }
        return new ModSeq(value + 1);
    }

    public ModSeq previous() {
        return new ModSeq(value - 1);
    }

    public boolean isAfter(ModSeq other) {
        return value > other.value;
    }

    public static ModSeq max(ModSeq a, ModSeq b) {
        return a.value >= b.value ? a : b;
    }

    @Override
    public int compareTo(ModSeq other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
