package org.modseq.model.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.mailbox.Flag;
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

/** SELECT and EXAMINE, plain or with CONDSTORE or QRESYNC (RFC 7162 §3.1.2, §3.1.8, §3.2.5), CLOSE and UNSELECT. */
final class SelectRules {

    private SelectRules() {
    }

    /** The flags the model lists in FLAGS and, with {@code \*}, in PERMANENTFLAGS. */
    static final List<Flag> SYSTEM_FLAGS = List.of(Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.SEEN, Flag.DRAFT);

    /** Sequence match data as concrete sets: message number i pairs with UID i (R73). */
    private record MatchData(NumberSet messageNumbers, NumberSet uids) {
    }

    /** A QRESYNC parameter after its syntax was checked (R64, R65). */
    private record Resync(long uidValidity, ModSeq since, Optional<NumberSet> knownUids,
            Optional<MatchData> seqMatch) {
    }

    static Outcome select(Exchange ex, Session session, Command.Select command) {
        String verb = command.readOnly() ? "EXAMINE" : "SELECT";
        Optional<Resync> resync = Optional.empty();
        if (command.parameter().orElse(null) instanceof SelectParameter.Qresync q) {
            // R65: every argument is checked before the mailbox is opened; a BAD leaves all as it was.
            if (!session.qresync()) {
                return ex.bad("QRESYNC parameter needs ENABLE QRESYNC first (RFC 7162 section 3.2.3)");
            }
            Optional<String> problem = q.problem(
                    ex.choices().zeroModSeqArgument() == ServerChoices.ZeroModSeqArgument.ACCEPT_AS_EVERYTHING);
            if (problem.isPresent()) {
                return ex.bad(problem.get());
            }
            resync = Optional.of(resyncOf(q));
        }
        ServerState state = ex.before;
        boolean wasSelected = session.selected().isPresent();
        Session closed = session.unselected();
        Optional<Mailbox> found = state.mailbox(command.mailbox());
        if (wasSelected) {
            // R103, R104: CLOSED separates the old mailbox's responses from the new one's.
            ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.Closed(), "Previous mailbox closed"));
        }
        if (found.isEmpty()) {
            return ex.done(state.withSession(closed), Condition.NO, ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        Mailbox mailbox = found.get();
        if (command.parameter().isPresent()) {
            closed = closed.withCondstore(); // R19: both parameters enable CONDSTORE.
        }
        String user = session.userName();
        boolean noModSeq = !mailbox.persistentModSeqs();
        standardResponses(ex, mailbox, user, command.readOnly());
        if (closed.condstore() || ex.choices().modSeqOnEverySelect()) {
            // R23-R25, R29: exactly one of HIGHESTMODSEQ and NOMODSEQ; §3.1.2 asks for it on every
            // open, §3.1.2.1 lets servers wait for an enabling command (a choice).
            ex.send(noModSeq
                    ? Response.Status.untagged(Condition.OK, new ResponseCode.NoModSeq(), "No mod-sequences in this mailbox")
                    : Response.Status.untagged(Condition.OK, new ResponseCode.HighestModSeq(mailbox.highestModSeq()),
                            "Highest mod-sequence"));
        }
        Map<Uid, KnownMessage> known = new HashMap<>();
        List<Uid> view = new ArrayList<>();
        for (Message m : mailbox.messages()) {
            view.add(m.uid());
            known.put(m.uid(), new KnownMessage(m.flagsFor(user), m.modSeqFor(user)));
        }
        if (resync.isPresent() && !noModSeq && resync.get().uidValidity() == mailbox.uidValidity().value()) {
            // R67: on a UIDVALIDITY mismatch nothing more; R68: nothing more under NOMODSEQ either.
            resyncResponses(ex, mailbox, user, resync.get());
        }
        SelectedMailbox selected = new SelectedMailbox(mailbox.name(), command.readOnly(), noModSeq, view, known,
                mailbox.uidNext() - 1);
        ResponseCode mode = command.readOnly() ? new ResponseCode.ReadOnly() : new ResponseCode.ReadWrite();
        return ex.done(state.withSession(closed.withSelected(selected)), Condition.OK, mode, verb + " completed");
    }

    /** RFC 3501 §6.3.1: FLAGS, EXISTS, RECENT, UNSEEN, UIDVALIDITY, UIDNEXT, PERMANENTFLAGS (R66). */
    private static void standardResponses(Exchange ex, Mailbox mailbox, String user, boolean readOnly) {
        ex.send(new Response.FlagsData(SYSTEM_FLAGS));
        ex.send(new Response.Exists(mailbox.size()));
        // The model makes no message \Recent: the flag is session-bound and outside RFC 7162.
        ex.send(new Response.Recent(0));
        for (int i = 0; i < mailbox.size(); i++) {
            if (!mailbox.messages().get(i).flagsFor(user).contains(Flag.SEEN)) {
                ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.Unseen(i + 1), "First unseen"));
                break;
            }
        }
        ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.UidValidityCode(mailbox.uidValidity()),
                "UIDs valid"));
        ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.UidNext(mailbox.uidNext()), "Predicted next UID"));
        ex.send(readOnly
                ? Response.Status.untagged(Condition.OK, new ResponseCode.PermanentFlags(List.of(), false),
                        "No permanent flags permitted")
                : Response.Status.untagged(Condition.OK, new ResponseCode.PermanentFlags(SYSTEM_FLAGS, true),
                        "Flags permitted"));
    }

    /**
     * R69-R73: what changed since the client's mod-sequence, limited to its known UIDs; the same
     * answer as {@code UID FETCH known-uids (FLAGS) (CHANGEDSINCE m VANISHED)} (R71): VANISHED
     * (EARLIER) first (R79), then a FETCH with UID for each changed message (R69).
     */
    private static void resyncResponses(Exchange ex, Mailbox mailbox, String user, Resync resync) {
        NumberSet known = resync.knownUids().orElse(NumberSet.range(1, mailbox.uidNext() - 1));
        NumberSet expungeScope = known;
        if (resync.seqMatch().isPresent()) {
            long lowest = lowestReportable(mailbox, resync.seqMatch().get());
            expungeScope = known.intersect(NumberSet.range(lowest, NumberSet.MAX_NUMBER));
        }
        NumberSet vanished = mailbox.expunged().vanishedSince(resync.since(), expungeScope, mailbox.liveUids(),
                mailbox.uidNext());
        if (!vanished.isEmpty()) {
            ex.send(new Response.Vanished(true, vanished));
        }
        for (int i = 0; i < mailbox.size(); i++) {
            Message m = mailbox.messages().get(i);
            if (known.contains(m.uid().value()) && m.modSeqFor(user).isAfter(resync.since())) {
                ex.send(new Response.Fetch(i + 1, List.of(new FetchAttribute.UidAttribute(m.uid()),
                        new FetchAttribute.Flags(m.flagsFor(user)), new FetchAttribute.ModSeqAttribute(m.modSeqFor(user)))));
            }
        }
    }

    /**
     * R73: walking the pairs in order, each pair whose message number still has that UID proves
     * the client knows every expunge up to it; the walk stops at the first pair that does not match.
     */
    private static long lowestReportable(Mailbox mailbox, MatchData match) {
        long lowest = 1;
        java.util.Iterator<Long> uids = match.uids().iterator();
        for (long number : match.messageNumbers()) {
            long uid = uids.next();
            if (number > mailbox.size() || mailbox.messages().get((int) number - 1).uid().value() != uid) {
                break;
            }
            lowest = uid + 1;
        }
        return lowest;
    }

    private static Resync resyncOf(SelectParameter.Qresync q) {
        Optional<MatchData> pairs = q.seqMatch()
                .map(m -> new MatchData(m.messageNumbers().toNumberSet(), m.uids().toNumberSet()));
        return new Resync(q.uidValidity(), q.modSeq(), q.knownUids().map(k -> k.toNumberSet()), pairs);
    }

    /** CLOSE: expunges silently, still with a new mod-sequence remembered for the UIDs (R93, X34). */
    static Outcome close(Exchange ex, Session session) {
        ServerState state = ex.before;
        SelectedMailbox view = session.mailbox();
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        if (!view.readOnly()) {
            mailbox = mailbox.withExpunged(ExpungeRules.deleted(mailbox, session.userName(), null));
        }
        // R93: no HIGHESTMODSEQ in CLOSE's tagged OK (erratum 1808 against RFC 5162).
        return ex.ok(state.withMailbox(mailbox).withSession(session.unselected()), "CLOSE completed");
    }

    /** UNSELECT (RFC 3691): close without expunging; no CLOSED code needed (R105). */
    static Outcome unselect(Exchange ex, Session session) {
        return ex.ok(ex.before.withSession(session.unselected()), "UNSELECT completed");
    }
}
