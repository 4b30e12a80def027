package org.modseq.model.mailbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.modseq.model.set.NumberSet;

/**
 * One mailbox as the server stores it (RFC 3501 §2.3.1.1, RFC 7162 §3.1, §3.2, §5.3).
 *
 * <p>Invariants (checked here and again by the server's invariant check):
 * <ul>
 * <li>{@code highestModSeq} is at least 1 (R31) and at least every message's mod-sequence and
 * every remembered expunge's (R25);</li>
 * <li>messages are in ascending UID order and every UID is below {@code uidNext};</li>
 * <li>no live UID is in the expunge history (an expunged UID never returns).</li>
 * </ul>
 *
 * @param name the mailbox name; INBOX is always spelled so
 * @param uidValidity changes only when the mailbox is recreated
 * @param uidNext the UID the next message will get
 * @param highestModSeq the mailbox's mod-sequence counter: every change takes the next value
 * @param persistentModSeqs false for a mailbox the server reports as NOMODSEQ (R14, R24)
 * @param messages ascending by UID
 * @param expunged the expunge history (R12, R100)
 */
public record Mailbox(String name, UidValidity uidValidity, long uidNext, ModSeq highestModSeq, boolean persistentModSeqs,
        List<Message> messages, ExpungeHistory expunged) {

    public Mailbox {
        messages = List.copyOf(messages);
        if (!highestModSeq.isPositive()) {
            throw new IllegalArgumentException("HIGHESTMODSEQ must be at least 1 (R31)");
        }
        if (uidNext < 1 || uidNext > 0x1_0000_0000L) {
            throw new IllegalArgumentException("UIDNEXT out of range: " + uidNext);
        }
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (i > 0 && m.uid().compareTo(messages.get(i - 1).uid()) <= 0) {
                throw new IllegalArgumentException("messages out of UID order at " + m.uid());
            }
            if (m.uid().value() >= uidNext) {
                throw new IllegalArgumentException("UID " + m.uid() + " not below UIDNEXT " + uidNext);
            }
            if (m.highestModSeq().isAfter(highestModSeq)) {
                throw new IllegalArgumentException("message " + m.uid() + " has a mod-sequence above HIGHESTMODSEQ (R25)");
            }
        }
        if (expunged.lastExpunge().isAfter(highestModSeq)) {
            throw new IllegalArgumentException("an expunge has a mod-sequence above HIGHESTMODSEQ (R25)");
        }
    }

    /** A new, empty mailbox: HIGHESTMODSEQ starts at 1 because the grammar has no 0 for it (R31). */
    public static Mailbox create(String name, UidValidity uidValidity, boolean persistentModSeqs, int historyBound) {
        return new Mailbox(name, uidValidity, 1, ModSeq.ONE, persistentModSeqs, List.of(), ExpungeHistory.empty(historyBound));
    }

    public int size() {
        return messages.size();
    }

    public Optional<Message> message(Uid uid) {
        int i = indexOf(uid);
        return i >= 0 ? Optional.of(messages.get(i)) : Optional.empty();
    }

    public boolean contains(Uid uid) {
        return indexOf(uid) >= 0;
    }

    private int indexOf(Uid uid) {
        int lo = 0;
        int hi = messages.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = messages.get(mid).uid().compareTo(uid);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    public NumberSet liveUids() {
        List<Long> uids = new ArrayList<>(messages.size());
        for (Message m : messages) {
            uids.add(m.uid().value());
        }
        return NumberSet.of(uids);
    }

    /** The value the next change will take (R2, R3, R7, R12). */
    public ModSeq nextModSeq() {
        return highestModSeq.next();
    }

    public Mailbox withHighestModSeq(ModSeq modSeq) {
        return new Mailbox(name, uidValidity, uidNext, modSeq, persistentModSeqs, messages, expunged);
    }

    public Mailbox withName(String newName) {
        return new Mailbox(newName, uidValidity, uidNext, highestModSeq, persistentModSeqs, messages, expunged);
    }

    /**
     * Adds {@code message}, which must carry UID {@code uidNext} and mod-sequence
     * {@link #nextModSeq()} (R7).
     */
    public Mailbox withAdded(Message message) {
        if (message.uid().value() != uidNext) {
            throw new IllegalArgumentException("a new message must take UIDNEXT " + uidNext + ", not " + message.uid());
        }
        List<Message> next = new ArrayList<>(messages);
        next.add(message);
        return new Mailbox(name, uidValidity, uidNext + 1, ModSeq.max(highestModSeq, message.highestModSeq()),
                persistentModSeqs, next, expunged);
    }

    /** Replaces a message by its changed version; HIGHESTMODSEQ follows the change (R25). */
    public Mailbox withMessage(Message changed) {
        int i = indexOf(changed.uid());
        if (i < 0) {
            throw new IllegalArgumentException("no message " + changed.uid());
        }
        List<Message> next = new ArrayList<>(messages);
        next.set(i, changed);
        return new Mailbox(name, uidValidity, uidNext, ModSeq.max(highestModSeq, changed.highestModSeq()),
                persistentModSeqs, next, expunged);
    }

    /**
     * Removes the messages with the given UIDs. When any is removed, the mailbox mod-sequence
     * rises by one and that value is remembered with each removed UID (R12, R91, R93, R94, R95);
     * nothing changes when none is removed.
     */
    public Mailbox withExpunged(Collection<Uid> uids) {
        List<Message> kept = new ArrayList<>(messages.size());
        List<Long> removed = new ArrayList<>();
        for (Message m : messages) {
            if (uids.contains(m.uid())) {
                removed.add(m.uid().value());
            } else {
                kept.add(m);
            }
        }
        if (removed.isEmpty()) {
            return this;
        }
        ModSeq modSeq = nextModSeq();
        return new Mailbox(name, uidValidity, uidNext, modSeq, persistentModSeqs, kept,
                expunged.record(NumberSet.of(removed), modSeq));
    }
}
