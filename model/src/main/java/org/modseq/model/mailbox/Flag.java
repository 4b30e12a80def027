package org.modseq.model.mailbox;

import java.util.Locale;

/**
 * A message flag: a system flag such as {@code \Seen} or a keyword such as {@code $MDNSent}
 * (RFC 3501 §2.3.2). Flags compare case-insensitively (R108); the spelling is kept for display,
 * and system flags are always spelled canonically.
 *
 * <p>In RFC 7162 terms each flag of a message is a "metadata item" (§2, R9) whose state changes
 * are what mod-sequences count.
 */
public final class Flag implements Comparable<Flag> {

    public static final Flag SEEN = new Flag("\\Seen");
    public static final Flag ANSWERED = new Flag("\\Answered");
    public static final Flag FLAGGED = new Flag("\\Flagged");
    public static final Flag DELETED = new Flag("\\Deleted");
    public static final Flag DRAFT = new Flag("\\Draft");
    /** Session-bound and not storable (RFC 3501 §2.3.2); the model reports no message as recent. */
    public static final Flag RECENT = new Flag("\\Recent");

    private static final Flag[] SYSTEM = {SEEN, ANSWERED, FLAGGED, DELETED, DRAFT, RECENT};

    private final String name;
    private final String key;

    private Flag(String name) {
        this.name = name;
        this.key = name.toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the flag of that name, rejecting what the {@code flag} grammar forbids: empty
     * names, atom-specials, and unknown {@code \}-flags, which servers must not generate (R109).
     */
    public static Flag of(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty flag name");
        }
        for (Flag system : SYSTEM) {
            if (system.name.equalsIgnoreCase(name)) {
                return system;
            }
        }
        if (name.startsWith("\\")) {
            throw new IllegalArgumentException("unknown system flag " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid character in flag " + name);
            }
        }
        return new Flag(name);
    }

    public String name() {
        return name;
    }

    public boolean isSystem() {
        return name.startsWith("\\");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Flag flag && flag.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /** System flags first in RFC 3501 order, then keywords alphabetically: one canonical order. */
    @Override
    public int compareTo(Flag other) {
        int rank = Integer.compare(rank(), other.rank());
        return rank != 0 ? rank : key.compareTo(other.key);
    }

    private int rank() {
        for (int i = 0; i < SYSTEM.length; i++) {
            if (SYSTEM[i] == this || SYSTEM[i].key.equals(key)) {
                return i;
            }
        }
        return SYSTEM.length;
    }

    @Override
    public String toString() {
        return name;
    }
}
