package org.modseq.model.mailbox;

/**
 * A message's unique identifier (RFC 3501 §2.3.1.1): a 32-bit value, 1 to 2^32-1, strictly
 * ascending in the order messages were added, and never reused while the UIDVALIDITY stays the
 * same. The model keeps that second promise as an invariant: an expunged UID never returns.
 */
public record Uid(long value) implements Comparable<Uid> {

    public static final Uid MIN = new Uid(1);
    public static final Uid MAX = new Uid(0xFFFF_FFFFL);

    public Uid {
        if (value < 1 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("UID must be 1 to 2^32-1, was " + value);
        }
    }

    public static Uid of(long value) {
        return new Uid(value);
    }

    public Uid next() {
        return new Uid(value + 1);
    }

    @Override
    public int compareTo(Uid other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
