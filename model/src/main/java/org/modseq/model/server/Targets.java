package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;

/**
 * The messages a FETCH, STORE, COPY or MOVE names, as (message number, UID) pairs in
 * message-number order, resolved against the client's view, which may still hold messages
 * expunged elsewhere (RFC 3501 §7.4.1). Public so that the judge resolves a command's sets as
 * the model does.
 *
 * @param targets in message-number order
 */
public record Targets(List<Target> targets) {

    /** One named message: its number in the client's view and its UID. */
    public record Target(long number, Uid uid) {
    }

    /**
     * Resolves a message-number set ({@code *} is the last message the client knows of) or a UID
     * set ({@code *} is the highest UID in the view; UIDs the view lacks are ignored, RFC 3501
     * §6.4.8). Returns null when a message number is beyond the view: a BAD (RFC 3501 §9).
     */
    public static Targets resolve(SelectedMailbox view, boolean byUid, SequenceSet set) {
        List<Target> out = new ArrayList<>();
        if (byUid) {
            long star = view.view().isEmpty() ? 0 : view.view().get(view.exists() - 1).value();
            NumberSet uids = set.resolve(star);
            for (int i = 0; i < view.exists(); i++) {
                Uid uid = view.view().get(i);
                if (uids.contains(uid.value())) {
                    out.add(new Target(i + 1, uid));
                }
            }
            return new Targets(out);
        }
        NumberSet numbers = set.resolve(view.exists());
        if (!numbers.isEmpty() && numbers.max() > view.exists()) {
            return null;
        }
        for (long n : numbers) {
            out.add(new Target(n, view.uidAt(n)));
        }
        return new Targets(out);
    }

    static String invalidNumbers(SelectedMailbox view) {
        return view.exists() == 0 ? "Invalid message number: the mailbox is empty"
                : "Invalid message number: the mailbox has " + view.exists() + " messages";
    }
}
