package org.modseq.reference.engine;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.reference.store.SessionView;

/**
 * The messages a FETCH, STORE, COPY or MOVE names, resolved against the client's view as the
 * model's Targets does: in message-number order, including held-back expunges (slot -1), which
 * the commands then skip or count as gone (RFC 3501 §7.4.1). O(log n) per range plus the targets.
 */
final class StoreTargets {

    record Target(int number, long uid, int slot) {
        boolean isLive() {
            return slot >= 0;
        }
    }

    private StoreTargets() {
    }

    /**
     * Resolves a message-number set ({@code *} is the last message the client knows of) or a UID
     * set ({@code *} is the highest UID in the view; UIDs the view lacks are ignored, RFC 3501
     * §6.4.8). Returns null when a message number is beyond the view: a BAD (RFC 3501 §9).
     */
    static List<Target> resolve(SessionView view, boolean byUid, SequenceSet set) {
        List<Target> out = new ArrayList<>();
        if (byUid) {
            for (NumberSet.Range r : set.resolve(view.lastUid()).ranges()) {
                int[] number = {view.membersBelow(r.low()) + 1};
                view.forEachMember(r.low(), r.high(), (uid, slot) -> {
                    out.add(new Target(number[0]++, uid, slot));
                    return true;
                });
            }
            return out;
        }
        int exists = view.exists();
        NumberSet numbers = set.resolve(exists);
        if (!numbers.isEmpty() && numbers.max() > exists) {
            return null;
        }
        for (NumberSet.Range r : numbers.ranges()) {
            int[] number = {(int) r.low()};
            view.forEachMember(view.uidAt((int) r.low()), Long.MAX_VALUE, (uid, slot) -> {
                out.add(new Target(number[0], uid, slot));
                return number[0]++ < r.high();
            });
        }
        return out;
    }

    static String invalidNumbers(SessionView view) {
        int exists = view.exists();
        return exists == 0 ? "Invalid message number: the mailbox is empty"
                : "Invalid message number: the mailbox has " + exists + " messages";
    }
}
