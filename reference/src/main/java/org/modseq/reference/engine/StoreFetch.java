package org.modseq.reference.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.NumberSet;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.MessageTable;
import org.modseq.reference.store.SessionView;

/** FETCH and UID FETCH with MODSEQ, CHANGEDSINCE and VANISHED (RFC 7162 §3.1.4, §3.2.6; R45-R48, R75-R80). */
final class StoreFetch {

    private StoreFetch() {
    }

    static List<Response> fetch(StoreExchange ex, StoreSession session, Command.Fetch command) {
        SessionView view = session.view;
        ServerChoices choices = ex.choices();
        if (command.vanished()) {
            if (!command.uid()) {
                return ex.bad("VANISHED is only allowed with UID FETCH (RFC 7162 section 3.2.6)"); // R75
            }
            if (!session.qresync) {
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
        MailboxStore mailbox = view.mailbox();
        String user = session.user;
        long since = command.changedSince().map(ModSeq::value).orElse(-1L);
        List<StoreTargets.Target> targets = since >= 0 ? changedTargets(view, command, since) : null;
        if (targets == null) {
            targets = StoreTargets.resolve(view, command.uid(), command.set());
            if (targets == null) {
                return ex.bad(StoreTargets.invalidNumbers(view));
            }
        }
        if (!mailbox.hasModSeqsFor(seenChanges(choices, view, command, targets, since, user))) {
            return ex.modSeqsExhausted(); // R1: decided before anything changes
        }
        if (wantsModSeq) {
            StoreUpdates.enableCondstore(ex, session); // R15, R17, R48
        }
        if (command.vanished()) {
            // R78-R80: UIDs of the set expunged after CHANGEDSINCE, before any FETCH (R79). "*" reaches
            // UIDNEXT-1 so that expunges above the last live UID are reported too.
            NumberSet gone = mailbox.vanishedSince(since, command.set().resolve(mailbox.uidNext() - 1));
            if (!gone.isEmpty()) {
                ex.send(new Response.Vanished(true, gone));
            }
        }
        long commandModSeq = 0;
        for (StoreTargets.Target t : targets) {
            if (!t.isLive()) {
                continue; // expunged elsewhere and not yet reported: nothing left to return
            }
            int slot = t.slot();
            if (since >= 0 && mailbox.modSeqFor(slot, user) <= since) {
                continue; // R45: strictly greater only
            }
            boolean setsSeen = setsSeen(view, command, slot, user);
            if (setsSeen) {
                // R5, R20: an implicit \Seen is a change like any other and takes a new mod-sequence.
                long modSeq = choices.modSeqGranularity() == ServerChoices.ModSeqGranularity.PER_COMMAND
                        && commandModSeq != 0 ? commandModSeq : mailbox.nextModSeq();
                commandModSeq = modSeq;
                mailbox.store(slot, user, Set.of(Flag.SEEN), Set.of(Flag.SEEN), modSeq, false);
            }
            boolean flags = command.items().contains(FetchItem.FLAGS) || setsSeen;
            List<FetchAttribute> attributes = new ArrayList<>();
            if (command.uid() || command.items().contains(FetchItem.UID)
                    || setsSeen && StoreUpdates.includesUid(choices, session)) {
                attributes.add(new FetchAttribute.UidAttribute(Uid.of(t.uid())));
            }
            if (flags) {
                attributes.add(new FetchAttribute.Flags(mailbox.flagsFor(slot, user)));
            }
            // R16, R20, R45, R47: MODSEQ when asked for, with CHANGEDSINCE, and with any flags a
            // CONDSTORE-aware client is shown, so that it never learns flags without their mod-sequence.
            if (!view.noModSeq() && (wantsModSeq || flags && session.condstore)) {
                attributes.add(new FetchAttribute.ModSeqAttribute(ModSeq.of(mailbox.modSeqFor(slot, user))));
            }
            if (command.items().contains(FetchItem.RFC822_SIZE)) {
                attributes.add(new FetchAttribute.Size(mailbox.table().content(slot).length()));
            }
            if (command.items().contains(FetchItem.BODY) || command.items().contains(FetchItem.BODY_PEEK)) {
                attributes.add(new FetchAttribute.Body(mailbox.table().content(slot)));
            }
            ex.send(new Response.Fetch(t.number(), attributes));
            if (flags) {
                view.tell(slot);
            }
        }
        return StoreUpdates.finish(ex, session,
                command.uid() ? StoreUpdates.Moment.UID_COMMAND : StoreUpdates.Moment.SEQUENCE_COMMAND, Condition.OK, null,
                (command.uid() ? "UID FETCH" : "FETCH") + " completed");
    }

    /**
     * With CHANGEDSINCE, the targets changed after {@code since}, found through the mod-sequence
     * index (O(log n + k log n)) when that promises fewer messages than the set names; null to
     * resolve the whole set instead. Either way the live targets above {@code since} are the same,
     * in the same order, so the answer is too.
     */
    private static List<StoreTargets.Target> changedTargets(SessionView view, Command.Fetch command, long since) {
        MailboxStore mailbox = view.mailbox();
        String user = view.user();
        int exists = view.exists();
        NumberSet set = command.set().resolve(command.uid() ? view.lastUid() : exists);
        if (!command.uid() && !set.isEmpty() && set.max() > exists) {
            return null; // the BAD comes from the full resolution
        }
        if (mailbox.changedSinceEstimate(since, user) >= Math.min(set.size(), exists)) {
            return null;
        }
        MessageTable table = mailbox.table();
        List<StoreTargets.Target> out = new ArrayList<>();
        long lastMember = view.lastUid(); // a live UID is in the view exactly when it is at most this
        for (long uid : mailbox.changedSince(since, user)) {
            if (uid > lastMember) {
                break;
            }
            int number = view.numberOf(uid);
            if (set.contains(command.uid() ? uid : number)) {
                out.add(new StoreTargets.Target(number, uid, table.liveSlotOf(uid)));
            }
        }
        return out;
    }

    /** Whether fetching the message in {@code slot} sets {@code \Seen} implicitly (RFC 3501 §6.4.5, R5, R20). */
    private static boolean setsSeen(SessionView view, Command.Fetch command, int slot, String user) {
        return command.items().contains(FetchItem.BODY) && !view.readOnly()
                && !view.mailbox().flagsFor(slot, user).contains(Flag.SEEN);
    }

    /** How many new mod-sequences the FETCH's implicit {@code \Seen} takes: one per message, or one (R2, R3). */
    private static long seenChanges(ServerChoices choices, SessionView view, Command.Fetch command,
            List<StoreTargets.Target> targets, long since, String user) {
        long count = 0;
        for (StoreTargets.Target t : targets) {
            // The targets are distinct, so one message's \Seen cannot change another's count.
            if (t.isLive() && (since < 0 || view.mailbox().modSeqFor(t.slot(), user) > since)
                    && setsSeen(view, command, t.slot(), user)) {
                count++;
            }
        }
        return choices.modSeqGranularity() == ServerChoices.ModSeqGranularity.PER_COMMAND ? Math.min(count, 1) : count;
    }
}
