package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;

/** EXPUNGE and UID EXPUNGE (RFC 7162 §3.2.7, §3.2.9; R12, R90-R94). CLOSE is in {@link SelectChecks}. */
final class ExpungeChecks {

    private ExpungeChecks() {
    }

    /**
     * Removes the messages with \Deleted for the user, within {@code scope} when given (R94):
     * each expunge gets a mod-sequence above all before (R12, R91) and is remembered with its UID.
     */
    static List<Long> removeDeleted(Answer a, MailboxTruth mailbox, NumberSet scope, Rule rule, String verb) {
        List<Long> removed = new ArrayList<>();
        for (LiveMessage m : new ArrayList<>(mailbox.live.values())) {
            if (m.flags(a.user()).contains(Flag.DELETED) && (scope == null || scope.contains(m.uid()))) {
                removed.add(m.uid());
            }
        }
        for (long uid : removed) {
            int var = a.change(mailbox, null, "the expunge of UID " + uid + " by " + verb, rule);
            mailbox.expunge(uid, var);
        }
        return removed;
    }

    /**
     * R90, R94: every message the command removes that the client sees is reported before the
     * tagged OK; R92: with QRESYNC the OK carries HIGHESTMODSEQ when something was removed, and it
     * is safe like any other (R96).
     */
    static void expunge(Answer a, SequenceSet uidSet) {
        ClientView view = a.view();
        MailboxTruth mailbox = a.selected();
        String verb = uidSet == null ? "EXPUNGE" : "UID EXPUNGE";
        List<Long> removed = List.of();
        if (a.ok() && !view.readOnly() && !view.blind() && mailbox != null && mailbox.complete) {
            NumberSet scope = null;
            if (uidSet != null) {
                long lastUid = view.slots().isEmpty() ? 0 : view.slots().get(view.exists() - 1);
                scope = uidSet.resolve(lastUid);
            }
            removed = removeDeleted(a, mailbox, scope, Rule.of(uidSet == null ? Requirement.R91 : Requirement.R94), verb);
        }
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (!a.ok() || a.view() == null) {
            return;
        }
        for (long uid : removed) {
            if (a.view().numberOf(uid) > 0) {
                throw a.fail(uidSet == null ? Requirement.R90 : Requirement.R94, a.taggedLine(), verb + " removed UID " + uid
                        + " but did not report it (" + (a.client.qresync ? "VANISHED" : "EXPUNGE") + ") before its tagged OK");
            }
        }
        ResponseCode code = a.taggedCode().orElse(null);
        boolean modSeqs = mailbox != null && mailbox.hasModSeqs() && !view.noModSeqGiven();
        if (code instanceof ResponseCode.HighestModSeq) {
            if (!modSeqs && mailbox != null && Boolean.TRUE.equals(mailbox.noModSeq)) {
                throw a.fail(Requirement.R92, a.taggedLine(), "no HIGHESTMODSEQ for a mailbox without mod-sequences");
            }
        } else if (!removed.isEmpty() && a.client.qresync && modSeqs) {
            throw a.fail(Requirement.R92, a.taggedLine(), verb + " removed messages: after ENABLE QRESYNC its tagged OK "
                    + "carries the new HIGHESTMODSEQ");
        }
    }
}
