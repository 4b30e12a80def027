package org.modseq.model.mailbox;

/**
 * A mailbox's UIDVALIDITY (RFC 3501 §2.3.1.1), 1 to 2^32-1. When it changes, every cached UID
 * and mod-sequence of the mailbox is void (RFC 7162 R26, R27, R101).
 */
public record UidValidity(long value) {

    public UidValidity {
        if (value < 1 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("UIDVALIDITY must be 1 to 2^32-1, was " + value);
        }
    }

    public static UidValidity of(long value) {
        return new UidValidity(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
