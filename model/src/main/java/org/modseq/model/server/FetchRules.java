package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.session.KnownMessage;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;

/** FETCH and UID FETCH with MODSEQ, CHANGEDSINCE and VANISHED (RFC 7162 §3.1.4, §3.2.6; R45-R48, R75-R80). */
final class FetchRules {

    private FetchRules() {
    }

    static Outcome fetch(Exchange ex, Session session, Command.Fetch command) {
        SelectedMailbox view = session.mailbox();
        ServerChoices choices = ex.choices();
        if (command.vanished()) {
            if (!command.uid()) {
                return ex.bad("VANISHED is only allowed with UID FETCH (RFC 7162 section 3.2.6)"); // R75
            }
            if (!session.qresync()) {
                return ex.bad("VANISHED needs ENABLE QRESYNC first (RFC 7162 section 3.2.6)"); // R76
            }
            if (command.changedSince().isEmpty()) {
                return ex.bad("VANISHED needs CHANGEDSINCE (RFC 7162 section 3.2.6)"); // R77
            }
        }
        if (command.changedSince().isPresent() && !command.changedSince().get().isPositive()
                && choices.zeroModSeqArgument() == ServerChoices.ZeroModSeqArgument.REJECT) {
            return ex.bad("CHANGEDSINCE must be at least 1 (RFC 7162 section 7 mod-sequence-value)"); // R46
        }
        boolean wantsModSeq = command.items().contains(FetchItem.MODSEQ) || command.changedSince().isPresent();
        if (wantsModSeq && view.noModSeq()) {
            return ex.bad("MODSEQ and CHANGEDSINCE are not allowed after NOMODSEQ (RFC 7162 section 3.1.2.2)"); // R30, R48
        }
        Targets targets = Targets.resolve(view, command.uid(), command.set());
        if (targets == null) {
            return ex.bad(Targets.invalidNumbers(view));
        }
        ServerState state = ex.before;
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        if (wantsModSeq) {
            session = UpdateRules.enableCondstore(ex, session, mailbox); // R15, R17, R48
            view = session.mailbox();
        }
        String user = session.userName();
        ModSeq since = command.changedSince().orElse(null);
        if (command.vanished()) {
            // R78-R80: UIDs of the set expunged after CHANGEDSINCE, before any FETCH (R79). "*" reaches
            // UIDNEXT-1 so that expunges above the last live UID are reported too.
            NumberSet scope = command.set().resolve(mailbox.uidNext() - 1);
            NumberSet gone = mailbox.expunged().vanishedSince(since, scope, mailbox.liveUids(), mailbox.uidNext());
            if (!gone.isEmpty()) {
                ex.send(new Response.Vanished(true, gone));
            }
        }
        ModSeq commandModSeq = null;
        for (Targets.Target t : targets.targets()) {
            Message m = mailbox.message(t.uid()).orElse(null);
            if (m == null) {
                continue; // expunged elsewhere and not yet reported: nothing left to return
            }
            if (since != null && !m.modSeqFor(user).isAfter(since)) {
                continue; // R45: strictly greater only
            }
            boolean setsSeen = command.items().contains(FetchItem.BODY) && !view.readOnly()
                    && !m.flagsFor(user).contains(Flag.SEEN);
            if (setsSeen) {
                // R5, R20: an implicit \Seen is a change like any other and takes a new mod-sequence.
                ModSeq modSeq = choices.modSeqForChange(commandModSeq, mailbox);
                commandModSeq = modSeq;
                m = m.withFlags(user, Set.of(Flag.SEEN), Set.of(Flag.SEEN), choices.privateFlags(), modSeq, false);
                mailbox = mailbox.withMessage(m);
            }
            boolean flags = command.items().contains(FetchItem.FLAGS) || setsSeen;
            List<FetchAttribute> attributes = new ArrayList<>();
            if (command.uid() || command.items().contains(FetchItem.UID)
                    || setsSeen && UpdateRules.includesUid(choices, session)) {
                attributes.add(new FetchAttribute.UidAttribute(m.uid()));
            }
            if (flags) {
                attributes.add(new FetchAttribute.Flags(m.flagsFor(user)));
            }
            // R16, R20, R45, R47: MODSEQ when asked for, with CHANGEDSINCE, and with any flags a
            // CONDSTORE-aware client is shown, so that it never learns flags without their mod-sequence.
            if (!view.noModSeq() && (wantsModSeq || flags && session.condstore())) {
                attributes.add(new FetchAttribute.ModSeqAttribute(m.modSeqFor(user)));
            }
            if (command.items().contains(FetchItem.RFC822_SIZE)) {
                attributes.add(new FetchAttribute.Size(m.size()));
            }
            if (command.items().contains(FetchItem.BODY) || command.items().contains(FetchItem.BODY_PEEK)) {
                attributes.add(new FetchAttribute.Body(m.content()));
            }
            ex.send(new Response.Fetch(t.number(), attributes));
            if (flags) {
                view = view.withKnown(t.uid(), new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
            }
        }
        return UpdateRules.finish(ex, state.withMailbox(mailbox), session.withSelected(view),
                command.uid() ? UpdateRules.Moment.UID_COMMAND : UpdateRules.Moment.SEQUENCE_COMMAND, Condition.OK, null,
                (command.uid() ? "UID FETCH" : "FETCH") + " completed");
    }
}
