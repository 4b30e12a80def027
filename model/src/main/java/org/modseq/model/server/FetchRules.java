package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/**
 * FETCH and UID FETCH with MODSEQ, CHANGEDSINCE and VANISHED (RFC 7162 §3.1.4, §3.2.6; R45-R48,
 * R75-R80), and the message data of RFC 3501 §6.4.5 read through the environment's renderer
 * ({@link FetchedContent}). The response items come as UID, FLAGS, MODSEQ, then the message data in
 * the order asked.
 */
final class FetchRules {

    private FetchRules() {
    }

    static Outcome fetch(Exchange ex, Session session, Command.Fetch command) {
        SelectedMailbox view = session.mailbox();
        ServerChoices choices = ex.choices();
        String problem = Refusals.fetchArguments(choices, session.qresync(), view.noModSeq(), command);
        if (problem != null) {
            return ex.bad(problem);
        }
        Targets targets = Targets.resolve(view, command.uid(), command.set());
        if (targets == null) {
            return ex.bad(Targets.invalidNumbers(view));
        }
        // Content the renderer cannot give is refused before anything changes: no implicit \Seen.
        Optional<String> refusal = FetchedContent.refusal(ex.environment.renderer(), command.items());
        if (refusal.isPresent()) {
            return ex.no(null, refusal.get());
        }
        List<FetchItem> contentItems = FetchedContent.items(command.items());
        // RFC 3501 §6.4.5: BODY[...] without PEEK, RFC822 and RFC822.TEXT set \Seen in a read-write mailbox.
        boolean marksSeen = !view.readOnly() && command.items().stream().anyMatch(FetchItem::setsSeen);
        ServerState state = ex.before;
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        if (command.usesModSeq()) {
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
            boolean setsSeen = marksSeen && !m.flagsFor(user).contains(Flag.SEEN);
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
            if (!view.noModSeq() && (command.usesModSeq() || flags && session.condstore())) {
                attributes.add(new FetchAttribute.ModSeqAttribute(m.modSeqFor(user)));
            }
            for (FetchItem item : contentItems) {
                attributes.add(FetchedContent.attribute(ex.environment.renderer(), item, m.content(), m.internalDate()));
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
