package org.modseq.properties.sync;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;

/**
 * What a disconnected client keeps of one mailbox between connections (RFC 4549 §3, RFC 7162 §6):
 * the UIDVALIDITY it was synchronised under, the HIGHESTMODSEQ it may resynchronise from, and the
 * UID and flags of every message it knows. The cache outlives connections; message numbers do not
 * belong to it.
 *
 * @param uidValidity the UIDVALIDITY the cache holds under; empty before the first sync
 * @param highestModSeq the mod-sequence below which the cache has every change: set when a
 *     synchronisation completes and then only by the rules of §6 (R102); empty before the first
 *     sync, after NOMODSEQ and after a UIDVALIDITY change (R27)
 * @param knownBelow every message with a UID below this one is in {@link #messages} unless the
 *     client was told it is gone; UIDs at or above it are discovered by UID range at the next
 *     sync ({@code UID FETCH knownBelow:*}), whatever their mod-sequences
 * @param messages flags by UID, without {@code \Recent}, which belongs to a session, not to the
 *     mailbox (RFC 3501 §2.3.2)
 */
public record ClientCache(Optional<UidValidity> uidValidity, Optional<ModSeq> highestModSeq, long knownBelow,
        SortedMap<Uid, Set<Flag>> messages) {

    /** The cache of a client that never synchronised. */
    public static final ClientCache EMPTY = new ClientCache(Optional.empty(), Optional.empty(), 1, new TreeMap<>());

    public ClientCache {
        Objects.requireNonNull(uidValidity, "uidValidity");
        Objects.requireNonNull(highestModSeq, "highestModSeq");
        if (knownBelow < 1) {
            throw new IllegalArgumentException("knownBelow must be a UID, at least 1: " + knownBelow);
        }
        TreeMap<Uid, Set<Flag>> copy = new TreeMap<>();
        messages.forEach((uid, flags) -> copy.put(uid, withoutRecent(flags)));
        messages = Collections.unmodifiableSortedMap(copy);
    }

    /** The flags a server reported, as the cache keeps them: {@code \Recent} is session state. */
    public static Set<Flag> withoutRecent(Set<Flag> flags) {
        return flags.contains(Flag.RECENT)
                ? flags.stream().filter(f -> !f.equals(Flag.RECENT)).collect(Collectors.toUnmodifiableSet())
                : Set.copyOf(flags);
    }

    public ClientCache withMessage(Uid uid, Set<Flag> flags) {
        TreeMap<Uid, Set<Flag>> next = new TreeMap<>(messages);
        next.put(uid, flags);
        return new ClientCache(uidValidity, highestModSeq, knownBelow, next);
    }

    public ClientCache withoutMessage(Uid uid) {
        if (!messages.containsKey(uid)) {
            return this;
        }
        TreeMap<Uid, Set<Flag>> next = new TreeMap<>(messages);
        next.remove(uid);
        return new ClientCache(uidValidity, highestModSeq, knownBelow, next);
    }

    public ClientCache withHighestModSeq(Optional<ModSeq> value) {
        return new ClientCache(uidValidity, value, knownBelow, messages);
    }

    public ClientCache withKnownBelow(long value) {
        return new ClientCache(uidValidity, highestModSeq, value, messages);
    }

    /**
     * The cache of a mailbox whose UIDVALIDITY is new to the client: RFC 7162 §6 step 1a, R27 and
     * R102 say to empty it and forget its HIGHESTMODSEQ.
     */
    public ClientCache startedOver(UidValidity newUidValidity) {
        return new ClientCache(Optional.of(newUidValidity), Optional.empty(), 1, new TreeMap<>());
    }

    /** The UIDs below {@link #knownBelow}, ascending: the ones the client knows every neighbour of. */
    public SortedMap<Uid, Set<Flag>> completePart() {
        return knownBelow > Uid.MAX.value() ? messages : messages.headMap(Uid.of(knownBelow));
    }

    /** One line for reports: {@code UIDVALIDITY 3, HIGHESTMODSEQ 17, 3 messages: 1 (\Seen) 4 () 7 ($Label)}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("UIDVALIDITY ").append(uidValidity.map(UidValidity::toString).orElse("none"))
                .append(", HIGHESTMODSEQ ").append(highestModSeq.map(ModSeq::toString).orElse("none"))
                .append(", UIDs below ").append(knownBelow).append(" complete, ").append(messages.size())
                .append(messages.size() == 1 ? " message:" : " messages:");
        for (Map.Entry<Uid, Set<Flag>> e : messages.entrySet()) {
            out.append(' ').append(e.getKey()).append(' ').append(flagList(e.getValue()));
        }
        return out.toString();
    }

    static String flagList(Set<Flag> flags) {
        return "(" + flags.stream().sorted().map(Flag::name).collect(Collectors.joining(" ")) + ")";
    }
}
