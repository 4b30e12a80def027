package org.modseq.model.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modseq.model.mailbox.ExpungeHistory;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.KnownMessage;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;

/**
 * How changes reach a session's client: what it is owed, when it may be told, and which
 * HIGHESTMODSEQ it may safely be given meanwhile.
 *
 * <p>A session owes its client an update for every difference between its
 * {@link SelectedMailbox view} and the mailbox: a UID in the view that is no longer live (an
 * expunge notice), a live UID above {@code announcedUpTo} (EXISTS), and a message whose
 * mod-sequence is newer than what the client knows (an unsolicited FETCH, R16, R18, R20).
 * Nothing else is recorded, so owed updates can never drift from the state.
 */
final class UpdateRules {

    private UpdateRules() {
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

    /**
     * Reports to {@code session} what it is owed and may be told at {@code moment}, in the
     * order expunges, EXISTS, FETCH; returns the session with its view brought up to date.
     */
    static Session deliver(Exchange ex, Session session, Mailbox mailbox, Moment moment) {
        Kinds kinds = kinds(ex.choices(), moment);
        if (kinds == Kinds.NONE) {
            return session;
        }
        SelectedMailbox view = session.mailbox();
        if (kinds == Kinds.ALL) {
            view = reportExpunges(ex, session, view, mailbox);
        }
        view = reportNewMessages(ex, view, mailbox, session.userName());
        view = reportFlagChanges(ex, session, view, mailbox);
        return session.withSelected(view);
    }

    /**
     * VANISHED after ENABLE QRESYNC for a mailbox with mod-sequences (R61, R81), otherwise one
     * EXPUNGE per message, lowest first, each number counted after the previous removal.
     */
    private static SelectedMailbox reportExpunges(Exchange ex, Session session, SelectedMailbox view, Mailbox mailbox) {
        List<Uid> gone = view.view().stream().filter(uid -> !mailbox.contains(uid)).toList();
        if (gone.isEmpty()) {
            return view;
        }
        if (session.qresync() && !view.noModSeq()) {
            ex.send(new Response.Vanished(false, NumberSet.of(gone.stream().map(Uid::value).toList())));
            for (Uid uid : gone) {
                view = view.without(uid);
            }
            return view;
        }
        for (Uid uid : gone) {
            ex.send(new Response.Expunge(view.messageNumber(uid).orElseThrow()));
            view = view.without(uid);
        }
        return view;
    }

    /** EXISTS for live messages above what the client was told of; an unannounced expunge is never reported (R85). */
    private static SelectedMailbox reportNewMessages(Exchange ex, SelectedMailbox view, Mailbox mailbox, String user) {
        List<Uid> added = new ArrayList<>();
        Map<Uid, KnownMessage> known = new HashMap<>();
        long upTo = view.announcedUpTo();
        for (Message m : mailbox.messages()) {
            if (m.uid().value() > view.announcedUpTo()) {
                added.add(m.uid());
                known.put(m.uid(), new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
                upTo = Math.max(upTo, m.uid().value());
            }
        }
        if (added.isEmpty()) {
            return view;
        }
        view = view.withAnnounced(added, known, upTo);
        ex.send(new Response.Exists(view.exists()));
        return view;
    }

    /** An unsolicited FETCH for each message in the view that changed since the client last heard of it. */
    private static SelectedMailbox reportFlagChanges(Exchange ex, Session session, SelectedMailbox view, Mailbox mailbox) {
        String user = session.userName();
        for (int i = 0; i < view.view().size(); i++) {
            Uid uid = view.view().get(i);
            Message m = mailbox.message(uid).orElse(null);
            if (m == null) {
                continue;
            }
            KnownMessage known = view.known().get(uid);
            if (known == null || m.modSeqFor(user).isAfter(known.modSeq())) {
                ex.send(unsolicitedFetch(ex.choices(), session, view, i + 1, m));
                view = view.withKnown(uid, new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
            }
        }
        return view;
    }

    /**
     * R40 (RECOMMENDED): the current state of messages a conditional STORE did not change, when
     * updates are otherwise held back; {@code failed} holds UIDs or message numbers.
     */
    static Session reportFailed(Exchange ex, Session session, Mailbox mailbox, List<Long> failed, boolean byUid) {
        SelectedMailbox view = session.mailbox();
        String user = session.userName();
        for (long n : failed) {
            long number = byUid ? view.messageNumber(Uid.of(n)).orElseThrow() : n;
            Uid uid = view.uidAt(number);
            Message m = mailbox.message(uid).orElseThrow();
            if (m.modSeqFor(user).isAfter(view.known().get(uid).modSeq())) {
                ex.send(unsolicitedFetch(ex.choices(), session, view, number, m));
                view = view.withKnown(uid, new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
            }
        }
        return session.withSelected(view);
    }

    /**
     * An unsolicited FETCH of a message's flags: UID after ENABLE QRESYNC (R20), and for a
     * CONDSTORE-only client when the server follows R21; MODSEQ for any CONDSTORE-aware client
     * (R16, R18) unless the mailbox is NOMODSEQ.
     */
    static Response.Fetch unsolicitedFetch(ServerChoices choices, Session session, SelectedMailbox view, long number,
            Message m) {
        List<FetchAttribute> attributes = new ArrayList<>();
        if (includesUid(choices, session)) {
            attributes.add(new FetchAttribute.UidAttribute(m.uid()));
        }
        attributes.add(new FetchAttribute.Flags(m.flagsFor(session.userName())));
        if (session.condstore() && !view.noModSeq()) {
            attributes.add(new FetchAttribute.ModSeqAttribute(m.modSeqFor(session.userName())));
        }
        return new Response.Fetch(number, attributes);
    }

    /** R20 (QRESYNC: MUST), R21 (CONDSTORE only: SHOULD, a choice). */
    static boolean includesUid(ServerChoices choices, Session session) {
        return session.qresync() || (session.condstore() && choices.uidInCondstoreFetch());
    }

    /**
     * The highest HIGHESTMODSEQ this client may be given now without missing a change (§6, R96):
     * below every expunge it was not told of, every change it was not shown and every message it
     * was not told exists.
     */
    static ModSeq safeHighestModSeq(Session session, Mailbox mailbox) {
        SelectedMailbox view = session.mailbox();
        String user = session.userName();
        ModSeq safe = mailbox.highestModSeq();
        ExpungeHistory history = mailbox.expunged();
        for (Uid uid : view.view()) {
            KnownMessage known = view.known().get(uid);
            Message m = mailbox.message(uid).orElse(null);
            if (m == null) {
                // A held-back expunge: just below its mod-sequence if remembered; otherwise the
                // client's own knowledge of the message is older than the expunge for certain.
                ModSeq bound = history.entries().stream().filter(e -> e.uid().equals(uid)).findFirst()
                        .map(e -> e.modSeq().previous()).orElse(known.modSeq());
                safe = min(safe, bound);
            } else if (m.modSeqFor(user).isAfter(known.modSeq())) {
                safe = min(safe, known.modSeq());
            }
        }
        for (Message m : mailbox.messages()) {
            if (m.uid().value() > view.announcedUpTo()) {
                safe = min(safe, m.added().previous());
            }
        }
        return safe;
    }

    private static ModSeq min(ModSeq a, ModSeq b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * R17: the first CONDSTORE enabling command while a mailbox is selected reports its
     * HIGHESTMODSEQ (X05), or NOMODSEQ for a mailbox without mod-sequences. Returns the session, now CONDSTORE-aware for good (R16).
     */
    static Session enableCondstore(Exchange ex, Session session, Mailbox selected) {
        if (session.condstore()) {
            return session;
        }
        if (selected != null) {
            // Only a NOMODSEQ sent at selection excuses the report, so a mailbox without
            // mod-sequences that was selected before any enabling command reports NOMODSEQ now.
            ex.send(session.mailbox().noModSeq()
                    ? Response.Status.untagged(Condition.OK, new ResponseCode.NoModSeq(), "No mod-sequences in this mailbox")
                    : Response.Status.untagged(Condition.OK,
                            new ResponseCode.HighestModSeq(safeHighestModSeq(session, selected)), "Highest mod-sequence"));
        }
        return session.withCondstore();
    }

    /**
     * Ends an exchange: reports what the session is owed and may be told at {@code moment}, adds
     * the R96 guard, then the tagged response. {@code state} already holds the command's changes.
     */
    static Outcome finish(Exchange ex, ServerState state, Session session, Moment moment, Condition condition,
            ResponseCode code, String text) {
        if (session.selected().isPresent()) {
            Mailbox mailbox = state.mailbox(session.mailbox().mailbox()).orElseThrow();
            session = deliver(ex, session, mailbox, moment);
            guardHighestModSeq(ex, session, mailbox);
        }
        return ex.done(state.withSession(session), condition, code, text);
    }

    /**
     * R96, X40: when this exchange reported MODSEQ values above what the client may safely
     * cache, because something is still held back, a HIGHESTMODSEQ code below the held-back
     * changes goes out before the tagged response, and the client takes it over the MODSEQs (§6).
     */
    private static void guardHighestModSeq(Exchange ex, Session session, Mailbox mailbox) {
        if (!session.condstore() || session.selected().isEmpty() || session.mailbox().noModSeq()) {
            return;
        }
        ModSeq highestSent = ModSeq.ZERO;
        for (Response r : ex.sent()) {
            if (r instanceof Response.Fetch f) {
                ModSeq m = f.attribute(FetchAttribute.ModSeqAttribute.class).map(FetchAttribute.ModSeqAttribute::modSeq)
                        .orElse(ModSeq.ZERO);
                highestSent = ModSeq.max(highestSent, m);
            }
        }
        ModSeq safe = safeHighestModSeq(session, mailbox);
        if (highestSent.isAfter(safe)) {
            ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.HighestModSeq(safe),
                    "Some changes are not reported yet"));
        }
    }
}
