package org.modseq.properties.durability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.mailbox.Flag;

/**
 * Everything the load's clients were told, across all crash cycles: what was acknowledged (a
 * tagged OK: an APPEND or COPY with its UID, a STORE with the MODSEQ and FLAGS it reported) and
 * every HIGHESTMODSEQ, UIDNEXT and per-message MODSEQ any response showed, acknowledged or not,
 * since a client may act on an untagged response alone. A restart must honour all of it.
 * Thread-safe: every load session reports here.
 */
final class Witnessed {

    /** A STORE's tagged OK: the message had these flags at this mod-sequence. */
    record StoreAck(long modSeq, Set<Flag> flags) {
    }

    /** What was witnessed of one mailbox. */
    static final class Mailbox {
        long highestModSeq;
        long uidNext;
        /** UID to the highest MODSEQ any response gave it. */
        final Map<Long, Long> modSeqs = new HashMap<>();
        /** UIDs an APPEND or COPY acknowledged, to the marker of the message's octets (null when unknown). */
        final Map<Long, String> added = new HashMap<>();
        /** UID to the latest STORE acknowledged on it. */
        final Map<Long, StoreAck> stores = new HashMap<>();
        /** UIDs any response reported expunged. */
        final Set<Long> expunged = new HashSet<>();
    }

    private final Map<String, Mailbox> mailboxes = new HashMap<>();
    private long acknowledged;

    synchronized Mailbox mailbox(String name) {
        return mailboxes.computeIfAbsent(name, n -> new Mailbox());
    }

    synchronized List<String> names() {
        return new ArrayList<>(mailboxes.keySet());
    }

    /** How many changes were acknowledged so far. */
    synchronized long acknowledged() {
        return acknowledged;
    }

    /** What any response of a session with {@code selected} selected showed (null when none is). */
    synchronized void saw(String selected, List<String> lines) {
        for (Answers.Status status : Answers.statuses(lines)) {
            Mailbox m = mailbox(status.mailbox());
            status.uidNext().ifPresent(v -> m.uidNext = Math.max(m.uidNext, v));
            status.highestModSeq().ifPresent(v -> m.highestModSeq = Math.max(m.highestModSeq, v));
        }
        if (selected == null) {
            return;
        }
        Mailbox m = mailbox(selected);
        for (long v : Answers.highestModSeqs(lines)) {
            m.highestModSeq = Math.max(m.highestModSeq, v);
        }
        Answers.uidNext(lines).ifPresent(v -> m.uidNext = Math.max(m.uidNext, v));
        for (Answers.Fetched f : Answers.fetches(lines)) {
            f.modSeq().ifPresent(v -> {
                m.modSeqs.merge(f.uid(), v, Math::max);
                m.highestModSeq = Math.max(m.highestModSeq, v);
            });
            m.uidNext = Math.max(m.uidNext, f.uid() + 1);
        }
        m.expunged.addAll(Answers.vanished(lines));
    }

    synchronized void added(String mailbox, long uid, String marker) {
        Mailbox m = mailbox(mailbox);
        m.added.put(uid, marker);
        m.uidNext = Math.max(m.uidNext, uid + 1);
        acknowledged++;
    }

    /** The highest MODSEQ any response gave {@code uid}, or null. */
    synchronized Long modSeqOf(String mailbox, long uid) {
        return mailbox(mailbox).modSeqs.get(uid);
    }

    synchronized String markerOf(String mailbox, long uid) {
        return mailbox(mailbox).added.get(uid);
    }

    synchronized void stored(String mailbox, long uid, long modSeq, Set<Flag> flags) {
        Mailbox m = mailbox(mailbox);
        StoreAck prior = m.stores.get(uid);
        if (prior == null || prior.modSeq() < modSeq) {
            m.stores.put(uid, new StoreAck(modSeq, flags));
        }
        acknowledged++;
    }

    synchronized void expungeAcknowledged() {
        acknowledged++;
    }
}
