package org.modseq.reference.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.NumberSet;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.SessionView;

/** STORE and UID STORE, with and without UNCHANGEDSINCE (RFC 7162 §3.1.3, R2-R5, R10, R11, R32-R44). */
final class StoreFlags {

    private StoreFlags() {
    }

    /** A live target the STORE does not refuse: the flags it makes {@code wanted} within {@code scope}. */
    private record Planned(StoreTargets.Target target, Set<Flag> wanted, Set<Flag> scope, boolean changes) {
    }

    /** A target the STORE did not refuse, and whether another session's change to it was owed before. */
    private record Stored(StoreTargets.Target target, boolean othersPending) {
    }

    static List<Response> store(StoreExchange ex, StoreSession session, Command.Store command) {
        SessionView view = session.view;
        if (command.flags().contains(Flag.RECENT)) {
            return ex.bad("\\Recent cannot be stored (RFC 3501 section 2.3.2)");
        }
        if (command.unchangedSince().isPresent() && view.noModSeq()) {
            return ex.bad("UNCHANGEDSINCE is not allowed after NOMODSEQ (RFC 7162 section 3.1.2.2)"); // R30
        }
        List<StoreTargets.Target> targets = StoreTargets.resolve(view, command.uid(), command.set());
        if (targets == null) {
            return ex.bad(StoreTargets.invalidNumbers(view));
        }
        if (view.readOnly()) {
            return ex.no(null, "Mailbox is read-only");
        }
        MailboxStore mailbox = view.mailbox();
        String user = session.user;
        ServerChoices choices = ex.choices();
        List<Long> failed = new ArrayList<>();
        boolean vanished = false;
        List<Planned> planned = new ArrayList<>();
        long changing = 0;
        // Decided before anything changes, so that a STORE the mod-sequences cannot cover changes
        // nothing (R1). The targets are distinct (R42: the set is a set), so storing one message
        // cannot change what is decided for another.
        for (StoreTargets.Target t : targets) {
            if (!t.isLive()) {
                vanished = true;
                continue;
            }
            int slot = t.slot();
            if (command.unchangedSince().isPresent()
                    && conflicts(choices, mailbox, slot, user, command, command.unchangedSince().get().value())) {
                failed.add(command.uid() ? t.uid() : t.number()); // R34, R35: UIDs for UID STORE
                continue;
            }
            Set<Flag> current = mailbox.flagsFor(slot, user);
            Set<Flag> scope = new HashSet<>(command.flags());
            if (command.action() == StoreAction.REPLACE) {
                scope.addAll(current);
            }
            Set<Flag> wanted = command.action() == StoreAction.REMOVE ? Set.of() : command.flags();
            boolean changes = scope.stream().anyMatch(f -> wanted.contains(f) != current.contains(f));
            planned.add(new Planned(t, wanted, scope, changes));
            if (changes || choices.noOpStoreBumpsModSeq()) {
                changing++;
            }
        }
        // R2, R3: a fresh mod-sequence per command or per message (a choice); R1 caps them.
        if (!mailbox.hasModSeqsFor(choices.modSeqGranularity() == ServerChoices.ModSeqGranularity.PER_COMMAND
                ? Math.min(changing, 1) : changing)) {
            return ex.modSeqsExhausted();
        }
        if (command.unchangedSince().isPresent()) {
            StoreUpdates.enableCondstore(ex, session); // R15, R17, R43
        }
        long commandModSeq = 0;
        List<Stored> stored = new ArrayList<>();
        for (Planned p : planned) {
            int slot = p.target().slot();
            boolean othersPending = view.isOwed(slot);
            if (p.changes() || choices.noOpStoreBumpsModSeq()) {
                // R4, R10, R11: the message takes the command's value or one of its own.
                long modSeq = choices.modSeqGranularity() == ServerChoices.ModSeqGranularity.PER_COMMAND
                        && commandModSeq != 0 ? commandModSeq : mailbox.nextModSeq();
                commandModSeq = modSeq;
                // With no flag flipping, the choice to bump anyway restamps the named flags.
                mailbox.store(slot, user, p.wanted(), p.scope(), modSeq, !p.changes());
            }
            // R5: an unchanged message keeps its mod-sequence and is still reported below.
            stored.add(new Stored(p.target(), othersPending));
        }
        for (Stored s : stored) {
            StoreTargets.Target t = s.target();
            if (!command.silent()) {
                ex.send(fetch(choices, session, t, command.uid(), true));
                view.tell(t.slot());
                continue;
            }
            if (command.unchangedSince().isPresent()) {
                // R33: even .SILENT gets a FETCH with MODSEQ after a conditional STORE (X03).
                ex.send(fetch(choices, session, t, command.uid(), false));
            }
            if (!s.othersPending()) {
                // The client knows what it stored; a change of another session stays owed.
                view.tell(t.slot());
            }
        }
        if (!failed.isEmpty() && choices.fetchForFailedStore()
                && choices.updateDelivery() == ServerChoices.UpdateDelivery.ON_NOOP) {
            StoreUpdates.reportFailed(ex, session, failed, command.uid());
        }
        StoreUpdates.Moment moment = command.uid() ? StoreUpdates.Moment.UID_COMMAND
                : StoreUpdates.Moment.SEQUENCE_COMMAND;
        ResponseCode modified = failed.isEmpty() ? null : new ResponseCode.Modified(NumberSet.of(failed));
        if (vanished && choices.storeOnExpunged() == ServerChoices.StoreOnExpunged.NO) {
            // R36, X14
            return StoreUpdates.finish(ex, session, moment, Condition.NO, modified, "Some of the messages no longer exist");
        }
        return StoreUpdates.finish(ex, session, moment, Condition.OK, modified,
                failed.isEmpty() ? "STORE completed" : "Conditional STORE failed");
    }

    /**
     * R32, R34, R37: whether the STORE must not touch the message because an affected metadata
     * item changed after {@code since}.
     */
    private static boolean conflicts(ServerChoices choices, MailboxStore mailbox, int slot, String user,
            Command.Store command, long since) {
        boolean replace = command.action() == StoreAction.REPLACE;
        if (since == 0) {
            if (choices.unchangedSinceZero() == ServerChoices.UnchangedSinceZero.ALWAYS_FAILS || replace) {
                return true;
            }
            // R37: a system flag always exists; a keyword exists while it is set.
            Set<Flag> current = mailbox.flagsFor(slot, user);
            return command.flags().stream().anyMatch(f -> f.isSystem() || current.contains(f));
        }
        if (replace || choices.conflictDetection() == ServerChoices.ConflictDetection.PER_MESSAGE) {
            // FLAGS affects every item (R39 notes §3.1.12 cannot help there); PER_MESSAGE: R8, R38.
            return mailbox.modSeqFor(slot, user) > since;
        }
        return command.flags().stream().anyMatch(f -> mailbox.flagModSeq(slot, user, f) > since);
    }

    /** The FETCH reporting a stored message: UID for UID STORE (RFC 3501 §6.4.8) or per R20/R21; MODSEQ per R16, R33. */
    private static Response.Fetch fetch(ServerChoices choices, StoreSession session, StoreTargets.Target t,
            boolean byUid, boolean withFlags) {
        MailboxStore mailbox = session.view.mailbox();
        List<FetchAttribute> attributes = new ArrayList<>(3);
        if (byUid || StoreUpdates.includesUid(choices, session)) {
            attributes.add(new FetchAttribute.UidAttribute(Uid.of(t.uid())));
        }
        if (withFlags) {
            attributes.add(new FetchAttribute.Flags(mailbox.flagsFor(t.slot(), session.user)));
        }
        if (session.condstore && !session.view.noModSeq()) {
            attributes.add(new FetchAttribute.ModSeqAttribute(ModSeq.of(mailbox.modSeqFor(t.slot(), session.user))));
        }
        return new Response.Fetch(t.number(), attributes);
    }
}
