package org.modseq.reference.engine;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.MessageTable;
import org.modseq.reference.store.SessionView;

/** SELECT and EXAMINE, plain or with CONDSTORE or QRESYNC (RFC 7162 §3.1.2, §3.1.8, §3.2.5), CLOSE and UNSELECT. */
final class StoreSelect {

    /** The flags listed in FLAGS and, with {@code \*}, in PERMANENTFLAGS. */
    static final List<Flag> SYSTEM_FLAGS = List.of(Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.SEEN, Flag.DRAFT);

    private StoreSelect() {
    }

    /** A QRESYNC parameter after its syntax was checked (R64, R65). */
    private record Resync(long uidValidity, long since, Optional<NumberSet> knownUids,
            Optional<NumberSet> matchNumbers, Optional<NumberSet> matchUids) {
    }

    static List<Response> select(StoreExchange ex, StoreSession session, Command.Select command) {
        String verb = command.readOnly() ? "EXAMINE" : "SELECT";
        Resync resync = null;
        if (command.parameter().orElse(null) instanceof SelectParameter.Qresync q) {
            // R65: every argument is checked before the mailbox is opened; a BAD leaves all as it was.
            if (!session.qresync) {
                return ex.bad("QRESYNC parameter needs ENABLE QRESYNC first (RFC 7162 section 3.2.3)");
            }
            String problem = problem(ex.choices(), q);
            if (problem != null) {
                return ex.bad(problem);
            }
            resync = new Resync(q.uidValidity(), q.modSeq().value(), q.knownUids().map(SequenceSet::toNumberSet),
                    q.seqMatch().map(m -> m.messageNumbers().toNumberSet()), q.seqMatch().map(m -> m.uids().toNumberSet()));
        }
        if (session.view != null) {
            session.unselect();
            // R103, R104: CLOSED separates the old mailbox's responses from the new one's.
            ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.Closed(), "Previous mailbox closed"));
        }
        MailboxStore mailbox = ex.engine.mailbox(command.mailbox());
        if (mailbox == null) {
            return ex.no(ResponseCode.Atom.NONEXISTENT, "No such mailbox");
        }
        if (command.parameter().isPresent()) {
            session.condstore = true; // R19: both parameters enable CONDSTORE.
        }
        String user = session.user;
        boolean noModSeq = !mailbox.persistentModSeqs();
        standardResponses(ex, mailbox, user, command.readOnly());
        if (session.condstore || ex.choices().modSeqOnEverySelect()) {
            // R23-R25, R29: exactly one of HIGHESTMODSEQ and NOMODSEQ; §3.1.2 asks for it on every
            // open, §3.1.2.1 lets servers wait for an enabling command (a choice).
            ex.send(noModSeq
                    ? Response.Status.untagged(Condition.OK, new ResponseCode.NoModSeq(), "No mod-sequences in this mailbox")
                    : Response.Status.untagged(Condition.OK,
                            new ResponseCode.HighestModSeq(ModSeq.of(mailbox.highestModSeq())), "Highest mod-sequence"));
        }
        if (resync != null && !noModSeq && resync.uidValidity() == mailbox.uidValidity().value()) {
            // R67: on a UIDVALIDITY mismatch nothing more; R68: nothing more under NOMODSEQ either.
            resyncResponses(ex, mailbox, user, resync);
        }
        session.view = SessionView.open(mailbox, user, command.readOnly(), noModSeq);
        ResponseCode mode = command.readOnly() ? new ResponseCode.ReadOnly() : new ResponseCode.ReadWrite();
        return ex.done(Condition.OK, mode, verb + " completed");
    }

    /** RFC 3501 §6.3.1: FLAGS, EXISTS, RECENT, UNSEEN, UIDVALIDITY, UIDNEXT, PERMANENTFLAGS (R66). */
    private static void standardResponses(StoreExchange ex, MailboxStore mailbox, String user, boolean readOnly) {
        ex.send(new Response.FlagsData(SYSTEM_FLAGS));
        ex.send(new Response.Exists(mailbox.size()));
        ex.send(new Response.Recent(0));
        MessageTable table = mailbox.table();
        int number = 0;
        for (int slot = table.nextLive(0); slot >= 0; slot = table.nextLive(slot + 1)) {
            number++;
            if (!mailbox.flagsFor(slot, user).contains(Flag.SEEN)) {
                ex.send(Response.Status.untagged(Condition.OK, new ResponseCode.Unseen(number), "First unseen"));
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
     * R69-R73: VANISHED (EARLIER) first (R79), then a FETCH with UID, FLAGS and MODSEQ for each
     * known message changed after the client's mod-sequence (R69), found through the mod-sequence
     * index: O(log n + k log n).
     */
    private static void resyncResponses(StoreExchange ex, MailboxStore mailbox, String user, Resync resync) {
        NumberSet known = resync.knownUids().orElse(NumberSet.range(1, mailbox.uidNext() - 1));
        NumberSet expungeScope = known;
        if (resync.matchNumbers().isPresent()) {
            long lowest = lowestReportable(mailbox, resync.matchNumbers().get(), resync.matchUids().get());
            expungeScope = known.intersect(NumberSet.range(lowest, NumberSet.MAX_NUMBER));
        }
        NumberSet vanished = mailbox.vanishedSince(resync.since(), expungeScope);
        if (!vanished.isEmpty()) {
            ex.send(new Response.Vanished(true, vanished));
        }
        MessageTable table = mailbox.table();
        for (long uid : mailbox.changedSince(resync.since(), user)) {
            if (known.contains(uid)) {
                int slot = table.liveSlotOf(uid);
                ex.send(new Response.Fetch(table.rank(slot), List.of(new FetchAttribute.UidAttribute(Uid.of(uid)),
                        new FetchAttribute.Flags(mailbox.flagsFor(slot, user)),
                        new FetchAttribute.ModSeqAttribute(ModSeq.of(mailbox.modSeqFor(slot, user))))));
            }
        }
    }

    /** R73: each pair still true raises the lowest reportable UID above it; the walk stops at the first that is not. */
    private static long lowestReportable(MailboxStore mailbox, NumberSet numbers, NumberSet uids) {
        long lowest = 1;
        Iterator<Long> uid = uids.iterator();
        MessageTable table = mailbox.table();
        for (long number : numbers) {
            long expected = uid.next();
            if (number > mailbox.size() || table.uid(table.select((int) number)) != expected) {
                break;
            }
            lowest = expected + 1;
        }
        return lowest;
    }

    /** R64, R72, and the choice for 0: what is wrong with the QRESYNC arguments, or null. */
    private static String problem(ServerChoices choices, SelectParameter.Qresync q) {
        if (q.uidValidity() < 1 || q.uidValidity() > NumberSet.MAX_NUMBER) {
            return "QRESYNC uidvalidity must be 1 to 2^32-1 (RFC 7162 section 7)";
        }
        if (!q.modSeq().isPositive() && choices.zeroModSeqArgument() == ServerChoices.ZeroModSeqArgument.REJECT) {
            return "QRESYNC mod-sequence must be at least 1 (RFC 7162 section 7 mod-sequence-value)";
        }
        if (q.knownUids().isPresent() && q.knownUids().get().hasStar()) {
            return "\"*\" is not allowed in QRESYNC known-uids (RFC 7162 section 3.2.5)";
        }
        if (q.seqMatch().isPresent()) {
            SelectParameter.SeqMatch match = q.seqMatch().get();
            if (match.messageNumbers().hasStar() || match.uids().hasStar()) {
                return "\"*\" is not allowed in QRESYNC sequence match data (RFC 7162 section 3.2.5)";
            }
            if (!ascending(match.messageNumbers()) || !ascending(match.uids())) {
                return "QRESYNC sequence match sets must be in ascending order (RFC 7162 section 3.2.5.2)";
            }
            if (match.messageNumbers().toNumberSet().size() != match.uids().toNumberSet().size()) {
                return "QRESYNC sequence match sets must have as many message numbers as UIDs (RFC 7162 section 3.2.5.2)";
            }
        }
        return null;
    }

    /** R72: each item ascending and above the one before it, so no number repeats. */
    private static boolean ascending(SequenceSet set) {
        long previous = 0;
        for (SequenceSet.Item item : set.items()) {
            long low = item.first().resolve(0);
            long high = item.last().resolve(0);
            if (low > high || low <= previous) {
                return false;
            }
            previous = high;
        }
        return true;
    }

    /** CLOSE: expunges silently, still with a new mod-sequence remembered for the UIDs (R93, X34). */
    static List<Response> close(StoreExchange ex, StoreSession session) {
        SessionView view = session.view;
        MailboxStore mailbox = view.mailbox();
        long[] deleted = view.readOnly() ? new long[0] : mailbox.deleted(session.user, null);
        if (deleted.length > 0 && !mailbox.hasModSeqsFor(1)) {
            return ex.modSeqsExhausted(); // R1: refused whole, so the mailbox stays selected
        }
        session.unselect();
        mailbox.expunge(deleted);
        // R93: no HIGHESTMODSEQ in CLOSE's tagged OK (erratum 1808 against RFC 5162).
        return ex.ok("CLOSE completed");
    }

    /** UNSELECT (RFC 3691): close without expunging; no CLOSED code needed (R105). */
    static List<Response> unselect(StoreExchange ex, StoreSession session) {
        session.unselect();
        return ex.ok("UNSELECT completed");
    }
}
