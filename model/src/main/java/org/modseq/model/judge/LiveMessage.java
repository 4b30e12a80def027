package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Message;

/**
 * A message the judge knows to be in a mailbox: its state as the model's {@link Message}, whose
 * mod-sequences are the ids of {@link ModSeqVar}s rather than values (so the model's own flag
 * rules decide which flags a STORE changes and which stamps it sets), the changes made to it in
 * order, and its content.
 *
 * @param changes every definite change after its arrival, in order; a client told of the
 *     message's state up to change i has i of them behind it
 */
record LiveMessage(Message message, List<Change> changes, String content) {

    /** One definite change: its mod-sequence variable and who sees it (null: every user). */
    record Change(int var, String visibleTo) {
    }

    LiveMessage {
        changes = List.copyOf(changes);
    }

    long uid() {
        return message.uid().value();
    }

    LiveMessage changed(Message next, Change change) {
        List<Change> all = new ArrayList<>(changes);
        if (change != null) {
            all.add(change);
        }
        return new LiveMessage(next, all, content);
    }

    /** True when a change among {@code [from, to)} is one {@code user} sees: a client told up to {@code from} is owed it. */
    boolean owes(String user, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, changes.size()); i++) {
            String only = changes.get(i).visibleTo();
            if (only == null || only.equals(user)) {
                return true;
            }
        }
        return false;
    }

    /** The variables whose greatest is the message's mod-sequence for {@code user} (R8). */
    Set<Integer> modSeqVars(String user) {
        Set<Integer> ids = new LinkedHashSet<>();
        ids.add((int) message.added().value());
        message.shared().changedAt().values().forEach(m -> ids.add((int) m.value()));
        message.privateFor(user).changedAt().values().forEach(m -> ids.add((int) m.value()));
        return ids;
    }

    /** The variable of the last change of {@code flag} for {@code user}, or of the arrival. */
    int flagVar(String user, Flag flag) {
        return (int) message.flagModSeq(user, flag).value();
    }

    Set<Flag> flags(String user) {
        return message.flagsFor(user);
    }
}
