package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;

/** EXPUNGE and UID EXPUNGE (RFC 7162 §3.2.7, §3.2.9; R12, R90-R94). CLOSE is in {@link SelectRules}. */
final class ExpungeRules {

    private ExpungeRules() {
    }

    /** The UIDs with {@code \Deleted} for {@code user}, within {@code scope} when one is given (R94). */
    static List<Uid> deleted(Mailbox mailbox, String user, NumberSet scope) {
        List<Uid> out = new ArrayList<>();
        for (Message m : mailbox.messages()) {
            if (m.flagsFor(user).contains(Flag.DELETED) && (scope == null || scope.contains(m.uid().value()))) {
                out.add(m.uid());
            }
        }
        return out;
    }

    /**
     * R92 (EXPUNGE, UID EXPUNGE) and RFC 6851 §4.4 (MOVE): after removing at least one message,
     * the new HIGHESTMODSEQ goes in the tagged OK; required after ENABLE QRESYNC, a choice for a
     * CONDSTORE-only client, never for NOMODSEQ. Such a command reports everything owed first
     * (R90), so nothing is held back below the value.
     */
    static ResponseCode highestModSeqAfterRemoval(Exchange ex, Session session, Mailbox mailbox) {
        boolean wanted = session.qresync() || session.condstore() && ex.choices().highestModSeqAfterExpunge();
        return wanted && mailbox.persistentModSeqs() && !session.mailbox().noModSeq()
                ? new ResponseCode.HighestModSeq(mailbox.highestModSeq()) : null;
    }

    static Outcome expunge(Exchange ex, Session session, Command command) {
        SelectedMailbox view = session.mailbox();
        NumberSet scope = null;
        if (command instanceof Command.UidExpunge uidExpunge) {
            long lastUid = view.view().isEmpty() ? 0 : view.view().get(view.exists() - 1).value();
            scope = uidExpunge.set().resolve(lastUid);
        }
        if (view.readOnly()) {
            return ex.no(null, "Mailbox is read-only");
        }
        ServerState state = ex.before;
        Mailbox before = state.mailbox(view.mailbox()).orElseThrow();
        // R12, R91, R94: one new mailbox mod-sequence, remembered with every expunged UID.
        Mailbox mailbox = before.withExpunged(deleted(before, session.userName(), scope));
        boolean removed = mailbox != before;
        ResponseCode code = removed ? highestModSeqAfterRemoval(ex, session, mailbox) : null;
        String verb = scope == null ? "EXPUNGE" : "UID EXPUNGE";
        return UpdateRules.finish(ex, state.withMailbox(mailbox), session, UpdateRules.Moment.EXPUNGING, Condition.OK,
                code, verb + " completed");
    }
}
