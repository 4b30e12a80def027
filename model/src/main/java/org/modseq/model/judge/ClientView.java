package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.server.Targets;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.set.SequenceSet;

/**
 * A client's view of its selected mailbox, as the model's {@code SelectedMailbox} is a session's:
 * the message-number to UID map as the client was told it (0 for a message whose UID the judge
 * does not know), how much of each message's change history it was told, and the highest UID
 * announced by SELECT or EXISTS.
 *
 * @param mailbox the key of the mailbox in the judge's knowledge
 * @param readOnly selected with EXAMINE (or answered READ-ONLY)
 * @param noModSeqGiven NOMODSEQ was sent at selection (R17, R30)
 * @param slots message number n is {@code slots.get(n - 1)}
 * @param told per UID, how many of its changes the client has been told of
 * @param announcedUpTo the highest UID the client was told exists
 * @param blind the judge does not know the mailbox's content, so it judges this view's content no further
 */
record ClientView(String mailbox, boolean readOnly, boolean noModSeqGiven, List<Long> slots, Map<Long, Integer> told,
        long announcedUpTo, boolean blind) {

    ClientView {
        slots = List.copyOf(slots);
        told = Map.copyOf(told);
    }

    int exists() {
        return slots.size();
    }

    /** The 1-based message number of {@code uid}, or 0. */
    int numberOf(long uid) {
        int i = slots.indexOf(uid);
        return i + 1;
    }

    long uidAt(long number) {
        return slots.get((int) number - 1);
    }

    /**
     * The messages a command's set names, resolved as the model resolves them against a
     * session's view ({@link Targets}); null when a message number is beyond the view. Only for
     * a view that is not blind.
     */
    Targets targets(boolean byUid, SequenceSet set) {
        List<Uid> uids = slots.stream().map(Uid::of).toList();
        return Targets.resolve(new SelectedMailbox(mailbox, readOnly, noModSeqGiven, uids, Map.of(), announcedUpTo),
                byUid, set);
    }

    ClientView withTold(long uid, int changes) {
        Map<Long, Integer> next = new HashMap<>(told);
        next.put(uid, changes);
        return new ClientView(mailbox, readOnly, noModSeqGiven, slots, next, announcedUpTo, blind);
    }

    ClientView withoutSlot(int index) {
        List<Long> next = new ArrayList<>(slots);
        long uid = next.remove(index);
        Map<Long, Integer> nextTold = new HashMap<>(told);
        nextTold.remove(uid);
        return new ClientView(mailbox, readOnly, noModSeqGiven, next, nextTold, announcedUpTo, blind);
    }

    ClientView withAnnounced(List<Long> uids, Map<Long, Integer> knownChanges, long upTo) {
        List<Long> next = new ArrayList<>(slots);
        next.addAll(uids);
        Map<Long, Integer> nextTold = new HashMap<>(told);
        nextTold.putAll(knownChanges);
        return new ClientView(mailbox, readOnly, noModSeqGiven, next, nextTold, Math.max(announcedUpTo, upTo), blind);
    }

    ClientView withSlotUid(int index, long uid) {
        List<Long> next = new ArrayList<>(slots);
        next.set(index, uid);
        return new ClientView(mailbox, readOnly, noModSeqGiven, next, told, announcedUpTo, blind);
    }
}
