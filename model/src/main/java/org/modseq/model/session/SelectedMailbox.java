package org.modseq.model.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.modseq.model.mailbox.Uid;

/**
 * A session's view of its selected mailbox: the message-number to UID map as the client was
 * told it, and what the client knows of each message. The view may still hold UIDs that another
 * session expunged and that this client has not been told of yet (RFC 3501 §7.4.1; RFC 7162 R85,
 * R96): message numbers only change when the client is told.
 *
 * @param mailbox the mailbox name
 * @param readOnly selected with EXAMINE
 * @param noModSeq NOMODSEQ was sent at selection, so mod-sequence commands are BAD (R30)
 * @param view message number n is {@code view.get(n - 1)}
 * @param known what the client last learned of each message in the view
 * @param announcedUpTo the highest UID the client has been told exists (by EXISTS or SELECT)
 */
public record SelectedMailbox(String mailbox, boolean readOnly, boolean noModSeq, List<Uid> view,
        Map<Uid, KnownMessage> known, long announcedUpTo) {

    public SelectedMailbox {
        view = List.copyOf(view);
        known = Map.copyOf(known);
    }

    public int exists() {
        return view.size();
    }

    /** The message number of {@code uid} in the client's view. */
    public OptionalInt messageNumber(Uid uid) {
        int lo = 0;
        int hi = view.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = view.get(mid).compareTo(uid);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return OptionalInt.of(mid + 1);
            }
        }
        return OptionalInt.empty();
    }

    public Uid uidAt(long messageNumber) {
        return view.get((int) messageNumber - 1);
    }

    public SelectedMailbox withKnown(Uid uid, KnownMessage message) {
        Map<Uid, KnownMessage> next = new HashMap<>(known);
        next.put(uid, message);
        return new SelectedMailbox(mailbox, readOnly, noModSeq, view, next, announcedUpTo);
    }

    /** The view after the client was told that {@code uid} is gone. */
    public SelectedMailbox without(Uid uid) {
        List<Uid> next = new ArrayList<>(view);
        next.remove(uid);
        Map<Uid, KnownMessage> nextKnown = new HashMap<>(known);
        nextKnown.remove(uid);
        return new SelectedMailbox(mailbox, readOnly, noModSeq, next, nextKnown, announcedUpTo);
    }

    /** The view after the client was told of new messages up to {@code uid}. */
    public SelectedMailbox withAnnounced(List<Uid> added, Map<Uid, KnownMessage> addedKnown, long upTo) {
        List<Uid> next = new ArrayList<>(view);
        next.addAll(added);
        Map<Uid, KnownMessage> nextKnown = new HashMap<>(known);
        nextKnown.putAll(addedKnown);
        return new SelectedMailbox(mailbox, readOnly, noModSeq, next, nextKnown, Math.max(announcedUpTo, upTo));
    }

    public SelectedMailbox renamed(String newName) {
        return new SelectedMailbox(newName, readOnly, noModSeq, view, known, announcedUpTo);
    }
}
