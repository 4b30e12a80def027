package org.modseq.reference.engine;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.NumberSet;
import org.modseq.reference.store.HeldBack;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.MessageTable;
import org.modseq.reference.store.SessionView;

/**
 * How changes reach a session's client, as the model's UpdateRules decides: what it is owed
 * (held-back expunges, new messages, changed flags), when it may be told (RFC 3501 §7.4.1; R86,
 * R87, R96) and which HIGHESTMODSEQ it may be given meanwhile. The owed updates come from the
 * {@link SessionView}: O(h + log n + k log k) rather than a comparison of every message.
 */
final class StoreUpdates {

    private StoreUpdates() {
    }

    /** Where in the protocol a command stands, which decides what it may report (RFC 3501 §7.4.1; R86, R87). */
    enum Moment {
        /** NOOP, CHECK, IDLE: made for updates. */
        UPDATE_POINT,
        /** EXPUNGE, UID EXPUNGE, MOVE: they report expunges, their own and others'. */
        EXPUNGING,
        /** UID FETCH, UID STORE, UID SEARCH without message numbers: expunges allowed (R87). */
        UID_COMMAND,
        /** FETCH, STORE, SEARCH, and UID SEARCH with message numbers: no expunge notices (R86, R87). */
        SEQUENCE_COMMAND,
        /** Any other command in the selected state. */
        OTHER
    }

    private enum Kinds {
        ALL, NO_EXPUNGES, NONE
    }

    private static Kinds kinds(ServerChoices choices, Moment moment) {
        return switch (choices.updateDelivery()) {
            case EAGER -> moment == Moment.SEQUENCE_COMMAND ? Kinds.NO_EXPUNGES : Kinds.ALL;
            case ON_NOOP -> moment == Moment.UPDATE_POINT || moment == Moment.EXPUNGING ? Kinds.ALL : Kinds.NONE;
        };
    }

    /** Reports what the session is owed and may be told at {@code moment}: expunges, EXISTS, FETCH, in that order. */
    static void deliver(StoreExchange ex, StoreSession session, Moment moment) {
        Kinds kinds = kinds(ex.choices(), moment);
        if (kinds == Kinds.NONE) {
            return;
        }
        SessionView view = session.view;
        if (kinds == Kinds.ALL) {
            reportExpunges(ex, session, view);
        }
        long[] owed = view.owed(); // the members from before EXISTS: new ones are known as they are
        if (view.announceNew()) {
            ex.send(new Response.Exists(view.exists()));
        }
        MessageTable table = view.mailbox().table();
        for (long uid : owed) {
            int slot = table.liveSlotOf(uid);
            ex.send(unsolicitedFetch(ex.choices(), session, view.numberOf(uid), slot));
        }
        view.sync();
    }

    /**
     * VANISHED after ENABLE QRESYNC for a mailbox with mod-sequences (R61, R81), otherwise one
     * EXPUNGE per message, lowest first, each number counted after the previous removal.
     */
    private static void reportExpunges(StoreExchange ex, StoreSession session, SessionView view) {
        HeldBack gone = view.heldBack();
        if (gone.isEmpty()) {
            return;
        }
        if (session.qresync && !view.noModSeq()) {
            List<Long> uids = new ArrayList<>(gone.size());
            for (int i = 0; i < gone.size(); i++) {
                uids.add(gone.uid(i));
            }
            ex.send(new Response.Vanished(false, NumberSet.of(uids)));
        } else {
            MessageTable table = view.mailbox().table();
            for (int i = 0; i < gone.size(); i++) {
                // Earlier ones are gone from the view already, later ones are above: only live ones count.
                ex.send(new Response.Expunge(table.liveBelow(gone.uid(i)) + 1));
            }
        }
        view.clearHeldBack();
    }

    /**
     * R40 (RECOMMENDED): the current state of messages a conditional STORE did not change, when
     * updates are otherwise held back; {@code failed} holds UIDs or message numbers.
     */
    static void reportFailed(StoreExchange ex, StoreSession session, List<Long> failed, boolean byUid) {
        SessionView view = session.view;
        MessageTable table = view.mailbox().table();
        for (long n : failed) {
            int number = byUid ? view.numberOf(n) : (int) n;
            int slot = table.liveSlotOf(view.uidAt(number));
            if (view.isOwed(slot)) {
                ex.send(unsolicitedFetch(ex.choices(), session, number, slot));
                view.tell(slot);
            }
        }
    }

    /**
     * An unsolicited FETCH of a message's flags: UID after ENABLE QRESYNC (R20), and for a
     * CONDSTORE-only client when the server follows R21; MODSEQ for any CONDSTORE-aware client
     * (R16, R18) unless the mailbox is NOMODSEQ.
     */
    static Response.Fetch unsolicitedFetch(ServerChoices choices, StoreSession session, int number, int slot) {
        SessionView view = session.view;
        MailboxStore mailbox = view.mailbox();
        List<FetchAttribute> attributes = new ArrayList<>(3);
        if (includesUid(choices, session)) {
            attributes.add(new FetchAttribute.UidAttribute(Uid.of(mailbox.table().uid(slot))));
        }
        attributes.add(new FetchAttribute.Flags(mailbox.flagsFor(slot, session.user)));
        if (session.condstore && !view.noModSeq()) {
            attributes.add(new FetchAttribute.ModSeqAttribute(ModSeq.of(mailbox.modSeqFor(slot, session.user))));
        }
        return new Response.Fetch(number, attributes);
    }

    /** R20 (QRESYNC: MUST), R21 (CONDSTORE only: SHOULD, a choice). */
    static boolean includesUid(ServerChoices choices, StoreSession session) {
        return session.qresync || (session.condstore && choices.uidInCondstoreFetch());
    }

    /**
     * R17: the first CONDSTORE enabling command while a mailbox is selected reports its
     * HIGHESTMODSEQ (X05), or NOMODSEQ for a mailbox without mod-sequences; the session is CONDSTORE-aware for good (R16).
     */
    static void enableCondstore(StoreExchange ex, StoreSession session) {
        if (session.condstore) {
            return;
        }
        if (session.view != null) {
            // Only a NOMODSEQ sent at selection excuses the report (R17, R24).
            ex.send(session.view.noModSeq()
                    ? Response.Status.untagged(Condition.OK, new ResponseCode.NoModSeq(), "No mod-sequences in this mailbox")
                    : Response.Status.untagged(Condition.OK,
                            new ResponseCode.HighestModSeq(ModSeq.of(session.view.safeHighestModSeq())),
                            "Highest mod-sequence"));
        }
        session.condstore = true;
    }

    /** Ends an exchange: reports what the session is owed and may be told now, adds the R96 guard, then the tagged response. */
    static List<Response> finish(StoreExchange ex, StoreSession session, Moment moment, Condition condition,
            ResponseCode code, String text) {
        if (session.view != null) {
            deliver(ex, session, moment);
            guardHighestModSeq(ex, session);
        }
        return ex.done(condition, code, text);
    }

    /**
     * R96, X40: when this exchange reported MODSEQ values above what the client may safely
     * cache, because something is still held back, a HIGHESTMODSEQ code below the held-back
     * changes goes out before the tagged response (§6).
     */
    private static void guardHighestModSeq(StoreExchange ex, StoreSession session) {
        if (!session.condstore || session.view == null || session.view.noModSeq()) {
            return;
        }
        long highestSent = 0;
        for (Response r : ex.sent()) {
            if (r instanceof Response.Fetch f) {
                long m = f.attribute(FetchAttribute.ModSeqAttribute.class).map(a -> a.modSeq().value()).orElse(0L);
                highestSent = Math.max(highestSent, m);
            }
        }
        if (highestSent == 0) {
            return;
        }
        long safe = session.view.safeHighestModSeq();
        if (highestSent > safe) {
            ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.HighestModSeq(ModSeq.of(safe)),
                    "Some changes are not reported yet"));
        }
    }
}
