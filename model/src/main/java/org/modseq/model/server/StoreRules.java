package org.modseq.model.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.KnownMessage;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;

/** STORE and UID STORE, with and without UNCHANGEDSINCE (RFC 7162 §3.1.3, R2-R5, R10, R11, R32-R44). */
final class StoreRules {

    private StoreRules() {
    }

    static Outcome store(Exchange ex, Session session, Command.Store command) {
        SelectedMailbox view = session.mailbox();
        if (command.flags().contains(Flag.RECENT)) {
            return ex.bad("\\Recent cannot be stored (RFC 3501 section 2.3.2)");
        }
        if (command.unchangedSince().isPresent() && view.noModSeq()) {
            return ex.bad("UNCHANGEDSINCE is not allowed after NOMODSEQ (RFC 7162 section 3.1.2.2)"); // R30
        }
        Targets targets = Targets.resolve(view, command.uid(), command.set());
        if (targets == null) {
            return ex.bad(Targets.invalidNumbers(view));
        }
        if (view.readOnly()) {
            return ex.no(null, "Mailbox is read-only");
        }
        ServerState state = ex.before;
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        if (command.unchangedSince().isPresent()) {
            session = UpdateRules.enableCondstore(ex, session, mailbox); // R15, R17, R43
            view = session.mailbox();
        }
        String user = session.userName();
        ServerChoices choices = ex.choices();
        List<Long> failed = new ArrayList<>();
        boolean vanished = false;
        ModSeq commandModSeq = null;
        List<Targets.Target> stored = new ArrayList<>();
        // R42: the set is a set; a message named twice is stored once and never fails its repeat.
        for (Targets.Target t : targets.targets()) {
            Message m = mailbox.message(t.uid()).orElse(null);
            if (m == null) {
                vanished = true;
                continue;
            }
            if (command.unchangedSince().isPresent() && conflicts(choices, m, user, command, command.unchangedSince().get())) {
                failed.add(command.uid() ? t.uid().value() : t.number()); // R34, R35: UIDs for UID STORE
                continue;
            }
            Set<Flag> current = m.flagsFor(user);
            Set<Flag> scope = new HashSet<>(command.flags());
            if (command.action() == StoreAction.REPLACE) {
                scope.addAll(current);
            }
            Set<Flag> wanted = command.action() == StoreAction.REMOVE ? Set.of() : command.flags();
            boolean changes = scope.stream().anyMatch(f -> wanted.contains(f) != current.contains(f));
            if (changes || choices.noOpStoreBumpsModSeq()) {
                // R2, R3: a fresh mod-sequence, per command or per message (a choice); R4, R10, R11.
                ModSeq modSeq = choices.modSeqForChange(commandModSeq, mailbox);
                commandModSeq = modSeq;
                // With no flag flipping, the choice to bump anyway restamps the named flags.
                mailbox = mailbox.withMessage(m.withFlags(user, wanted, scope, choices.privateFlags(), modSeq, !changes));
            }
            // R5: an unchanged message keeps its mod-sequence and is still reported below.
            stored.add(t);
        }
        for (Targets.Target t : stored) {
            Message m = mailbox.message(t.uid()).orElseThrow();
            KnownMessage known = view.known().get(t.uid());
            boolean othersPending = ex.before.mailbox(view.mailbox()).orElseThrow().message(t.uid()).orElseThrow()
                    .modSeqFor(user).isAfter(known.modSeq());
            if (!command.silent()) {
                ex.send(fetch(choices, session, view, t, m, command.uid(), true));
                view = view.withKnown(t.uid(), new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
                continue;
            }
            if (command.unchangedSince().isPresent()) {
                // R33: even .SILENT gets a FETCH with MODSEQ after a conditional STORE (X03).
                ex.send(fetch(choices, session, view, t, m, command.uid(), false));
            }
            if (!othersPending) {
                // The client knows what it stored; a change of another session stays owed.
                view = view.withKnown(t.uid(), new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
            }
        }
        session = session.withSelected(view);
        if (!failed.isEmpty() && choices.fetchForFailedStore()
                && choices.updateDelivery() == ServerChoices.UpdateDelivery.ON_NOOP) {
            session = UpdateRules.reportFailed(ex, session, mailbox, failed, command.uid());
        }
        UpdateRules.Moment moment = command.uid() ? UpdateRules.Moment.UID_COMMAND : UpdateRules.Moment.SEQUENCE_COMMAND;
        ServerState after = state.withMailbox(mailbox);
        ResponseCode modified = failed.isEmpty() ? null : new ResponseCode.Modified(NumberSet.of(failed));
        if (vanished && choices.storeOnExpunged() == ServerChoices.StoreOnExpunged.NO) {
            // R36, X14
            return UpdateRules.finish(ex, after, session, moment, Condition.NO, modified,
                    "Some of the messages no longer exist");
        }
        return UpdateRules.finish(ex, after, session, moment, Condition.OK, modified,
                failed.isEmpty() ? "STORE completed" : "Conditional STORE failed");
    }

    /**
     * R32, R34, R37: whether the STORE must not touch {@code m} because an affected metadata item
     * changed after {@code since}.
     */
    static boolean conflicts(ServerChoices choices, Message m, String user, Command.Store command, ModSeq since) {
        boolean replace = command.action() == StoreAction.REPLACE;
        if (!since.isPositive()) {
            if (choices.unchangedSinceZero() == ServerChoices.UnchangedSinceZero.ALWAYS_FAILS || replace) {
                return true;
            }
            // R37: a system flag always exists; a keyword exists while it is set.
            Set<Flag> current = m.flagsFor(user);
            return command.flags().stream().anyMatch(f -> f.isSystem() || current.contains(f));
        }
        if (replace || choices.conflictDetection() == ServerChoices.ConflictDetection.PER_MESSAGE) {
            // FLAGS affects every item (R39 notes §3.1.12 cannot help there); PER_MESSAGE: R8, R38.
            return m.modSeqFor(user).isAfter(since);
        }
        return command.flags().stream().anyMatch(f -> m.flagModSeq(user, f).isAfter(since));
    }

    /** The FETCH reporting a stored message: UID for UID STORE (RFC 3501 §6.4.8) or per R20/R21; MODSEQ per R16, R33. */
    private static Response.Fetch fetch(ServerChoices choices, Session session, SelectedMailbox view, Targets.Target t,
            Message m, boolean byUid, boolean withFlags) {
        List<FetchAttribute> attributes = new ArrayList<>();
        if (byUid || UpdateRules.includesUid(choices, session)) {
            attributes.add(new FetchAttribute.UidAttribute(t.uid()));
        }
        if (withFlags) {
            attributes.add(new FetchAttribute.Flags(m.flagsFor(session.userName())));
        }
        if (session.condstore() && !view.noModSeq()) {
            attributes.add(new FetchAttribute.ModSeqAttribute(m.modSeqFor(session.userName())));
        }
        return new Response.Fetch(t.number(), attributes);
    }
}
