package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.set.NumberSet;

/**
 * SELECT and EXAMINE, plain, with CONDSTORE or with QRESYNC (RFC 3501 §6.3.1; RFC 7162 §3.1.2,
 * §3.1.8, §3.2.5, §3.2.11), CLOSE (§3.2.8) and UNSELECT (RFC 3691).
 */
final class SelectChecks {

    private SelectChecks() {
    }

    /** What the new mailbox's responses showed, gathered while walking them. */
    private static final class Opened {
        int exists = -1;
        int existsLine = -1;
        int uidValidityLine = -1;
        int uidNextLine = -1;
        boolean flags;
        boolean recent;
        int highestModSeqLine = -1;
        int noModSeqLine = -1;
        int resyncLine = -1;
        int firstFetchLine = -1;
        final List<Integer> vanishedLines = new ArrayList<>();
        final Map<Long, Integer> fetched = new HashMap<>();
    }

    static void select(Answer a, Command.Select command) {
        ClientView old = a.view();
        SelectParameter.Qresync qresync = command.parameter().orElse(null) instanceof SelectParameter.Qresync q ? q : null;
        if (qresync != null && !a.client.qresync && a.condition() != Condition.BAD) {
            throw a.fail(Requirement.R63, a.taggedLine(), "SELECT with QRESYNC needs a positive ENABLE QRESYNC first: BAD");
        }
        if (qresync != null && qresync.problem(true).isPresent() && a.condition() != Condition.BAD) {
            throw a.fail(Requirement.R65, a.taggedLine(), "invalid QRESYNC arguments get BAD before the mailbox is opened: "
                    + qresync.problem(true).get());
        }
        if (command.parameter().orElse(null) instanceof SelectParameter.Condstore) {
            a.refuseBadForValid(Requirement.R19, verb(command) + " with the CONDSTORE parameter");
        }
        if (qresync != null && a.client.qresync && qresync.problem(false).isEmpty()) {
            a.refuseBadForValid(Requirement.R69, verb(command) + " with valid QRESYNC arguments after ENABLE QRESYNC");
        }
        int closedLine = a.codeLine(ResponseCode.Closed.class);
        if (a.condition() == Condition.BAD) {
            // RFC 3501 §7.1.3: BAD changes nothing (R65: the named mailbox is not opened). A server
            // that closes the old mailbox anyway says so with CLOSED.
            UpdateChecks.walk(a, UpdateChecks.Shape.plain().with((line, r) -> {
                if (isClosed(r)) {
                    a.client.view = null;
                    return true;
                }
                return false;
            }));
            return;
        }
        if (old == null && closedLine >= 0) {
            throw a.fail(Requirement.R103, closedLine, "CLOSED, but no mailbox was selected");
        }
        if (old != null && closedLine < 0) {
            throw a.fail(Requirement.R103, a.taggedLine(), "SELECT and EXAMINE close the selected mailbox and must say so "
                    + "with CLOSED, even without CONDSTORE (R104)");
        }
        for (int i = 0; i < closedLine; i++) {
            Response r = a.responses.get(i);
            if (qresync != null && r instanceof Response.Vanished v && v.earlier()) {
                throw a.fail(Requirement.R74, i, "the QRESYNC resync of the new mailbox comes before CLOSED");
            }
            UpdateChecks.common(a, UpdateChecks.Shape.plain(), i, r);
        }
        a.client.view = null;
        if (a.condition() == Condition.NO) {
            return; // RFC 3501 §6.3.1: a failed SELECT leaves no mailbox selected
        }
        if (command.parameter().isPresent()) {
            a.client.awareness = Client.Awareness.AWARE; // R19
        }
        MailboxTruth mailbox = MailboxChecks.existing(a, command.mailbox());
        String key = a.k.key(a.user(), command.mailbox());
        boolean readOnly = command.readOnly() || a.taggedCode().filter(ResponseCode.ReadOnly.class::isInstance).isPresent();
        Opened opened = new Opened();
        for (int i = closedLine + 1; i < a.taggedLine(); i++) {
            Response r = a.responses.get(i);
            openingResponse(a, command, qresync, mailbox, key, readOnly, opened, i, r);
        }
        if (opened.existsLine < 0 || !opened.flags || !opened.recent || opened.uidValidityLine < 0
                || opened.uidNextLine < 0) {
            String missing = opened.existsLine < 0 ? "EXISTS" : !opened.flags ? "FLAGS" : !opened.recent ? "RECENT"
                    : opened.uidValidityLine < 0 ? "OK [UIDVALIDITY]" : "OK [UIDNEXT]";
            throw a.fail(qresync != null ? Rule.of(Requirement.R66) : Rule.rfc("RFC 3501 §6.3.1"), a.taggedLine(),
                    "a successful " + verb(command) + " sends " + missing);
        }
        boolean aware = a.client.aware();
        if (aware && opened.highestModSeqLine < 0 && opened.noModSeqLine < 0) {
            throw a.fail(Requirement.R23, a.taggedLine(), "after a CONDSTORE enabling command, a successful "
                    + verb(command) + " reports HIGHESTMODSEQ or NOMODSEQ");
        }
        if (qresync != null) {
            resync(a, qresync, mailbox, opened);
        }
    }

    private static String verb(Command.Select command) {
        return command.readOnly() ? "EXAMINE" : "SELECT";
    }

    private static boolean isClosed(Response r) {
        return r instanceof Response.Status s && s.code().filter(ResponseCode.Closed.class::isInstance).isPresent();
    }

    /** One response after CLOSED (or of a first SELECT): the new mailbox's data, its resync, or an update. */
    private static void openingResponse(Answer a, Command.Select command, SelectParameter.Qresync qresync,
            MailboxTruth mailbox, String key, boolean readOnly, Opened opened, int line, Response r) {
        switch (r) {
            case Response.FlagsData f -> opened.flags = true;
            case Response.Recent rc -> opened.recent = true;
            case Response.Exists e when opened.existsLine < 0 -> {
                opened.existsLine = line;
                opened.exists = (int) e.count();
                open(a, mailbox, key, readOnly, line, e.count());
            }
            case Response.Status s when s.code().isPresent() && isOpeningCode(s.code().get()) ->
                    openingCode(a, command, mailbox, opened, line, s.code().get());
            case Response.Vanished v when v.earlier() -> {
                if (qresync == null) {
                    throw a.fail(Requirement.R82, line, "VANISHED (EARLIER) answers only a SELECT or EXAMINE with QRESYNC");
                }
                if (opened.existsLine < 0 || opened.uidValidityLine < 0) {
                    throw a.fail(Requirement.R66, line, "the QRESYNC resync comes after the mailbox is opened: after its "
                            + "EXISTS and UIDVALIDITY (RFC 7162 §3.2.5)");
                }
                if (opened.firstFetchLine >= 0) {
                    throw a.fail(Requirement.R79, line, "VANISHED (EARLIER) must come before every FETCH of the resync");
                }
                opened.vanishedLines.add(line);
                opened.resyncLine = opened.resyncLine < 0 ? line : opened.resyncLine;
            }
            case Response.Fetch f -> {
                if (a.view() == null) {
                    throw a.fail(qresync != null ? Rule.of(Requirement.R66) : Rule.rfc("RFC 3501 §7.4.2"), line,
                            "FETCH before the mailbox's EXISTS: its message number means nothing yet");
                }
                if (qresync != null && opened.uidValidityLine < 0) {
                    throw a.fail(Requirement.R66, line, "the QRESYNC resync comes after the mailbox's UIDVALIDITY");
                }
                opened.firstFetchLine = opened.firstFetchLine < 0 ? line : opened.firstFetchLine;
                UpdateChecks.fetch(a, UpdateChecks.Shape.plain(), line, f);
                long uid = a.view().uidAt(f.messageNumber());
                opened.fetched.put(uid, line);
            }
            default -> {
                if (a.view() == null && (r instanceof Response.Expunge || r instanceof Response.Vanished)) {
                    throw a.fail(Rule.rfc("RFC 3501 §7.4.1"), line, "an expunge notice before the new mailbox's EXISTS");
                }
                if (a.view() != null) {
                    UpdateChecks.common(a, UpdateChecks.Shape.plain(), line, r);
                }
            }
        }
    }

    private static boolean isOpeningCode(ResponseCode code) {
        return code instanceof ResponseCode.UidValidityCode || code instanceof ResponseCode.UidNext
                || code instanceof ResponseCode.Unseen || code instanceof ResponseCode.HighestModSeq
                || code instanceof ResponseCode.NoModSeq;
    }

    /** RFC 3501 §7.3.1: EXISTS at selection counts every message; the view holds them all. */
    private static void open(Answer a, MailboxTruth mailbox, String key, boolean readOnly, int line, long count) {
        if (mailbox.complete && count != mailbox.live.size()) {
            throw a.fail(Rule.rfc("RFC 3501 §7.3.1"), line, "EXISTS " + count + ", but " + mailbox.name + " holds "
                    + mailbox.live.size() + " messages");
        }
        if (!mailbox.complete && count == 0 && mailbox.live.isEmpty()) {
            mailbox.complete = true;
        }
        List<Long> slots = new ArrayList<>();
        Map<Long, Integer> told = new HashMap<>();
        if (mailbox.complete) {
            for (LiveMessage m : mailbox.live.values()) {
                slots.add(m.uid());
                told.put(m.uid(), m.changes().size());
            }
        } else {
            for (long i = 0; i < count; i++) {
                slots.add(0L);
            }
        }
        a.client.view = new ClientView(key, readOnly, false, slots, told, mailbox.highestUid, !mailbox.complete);
    }

    private static void openingCode(Answer a, Command.Select command, MailboxTruth mailbox, Opened opened, int line,
            ResponseCode code) {
        switch (code) {
            case ResponseCode.UidValidityCode v -> {
                opened.uidValidityLine = line;
                MailboxChecks.uidValidity(a, line, mailbox, v.uidValidity().value());
            }
            case ResponseCode.UidNext n -> {
                opened.uidNextLine = line;
                MailboxChecks.uidNext(a, line, mailbox, n.uidNext());
            }
            case ResponseCode.Unseen u -> unseen(a, mailbox, line, u.messageNumber());
            case ResponseCode.HighestModSeq h -> {
                if (opened.highestModSeqLine >= 0 || opened.noModSeqLine >= 0) {
                    throw a.fail(Requirement.R23, line, verb(command) + " reports exactly one HIGHESTMODSEQ or NOMODSEQ");
                }
                opened.highestModSeqLine = line;
                if (Boolean.TRUE.equals(mailbox.noModSeq)) {
                    throw a.fail(Requirement.R24, line, "HIGHESTMODSEQ for " + mailbox.name
                            + ", which was announced without persistent mod-sequences");
                }
                mailbox.noModSeq = false;
                if (mailbox.complete) {
                    ModSeqChecks.trueHighest(a, line, mailbox, h.modSeq().value(), Rule.of(Requirement.R25));
                }
            }
            case ResponseCode.NoModSeq n -> {
                if (opened.highestModSeqLine >= 0 || opened.noModSeqLine >= 0) {
                    throw a.fail(Requirement.R23, line, verb(command) + " reports exactly one HIGHESTMODSEQ or NOMODSEQ");
                }
                opened.noModSeqLine = line;
                if (Boolean.FALSE.equals(mailbox.noModSeq)) {
                    throw a.fail(Requirement.R24, line, "NOMODSEQ for " + mailbox.name
                            + ", which keeps mod-sequences: it reported them before");
                }
                mailbox.noModSeq = true;
                if (a.view() != null) {
                    ClientView v = a.view();
                    a.client.view = new ClientView(v.mailbox(), v.readOnly(), true, v.slots(), v.told(), v.announcedUpTo(),
                            v.blind());
                }
            }
            default -> {
            }
        }
    }

    /** RFC 3501 §7.1: UNSEEN names the first message without \Seen. */
    private static void unseen(Answer a, MailboxTruth mailbox, int line, long number) {
        if (!mailbox.complete) {
            return;
        }
        long n = 0;
        for (LiveMessage m : mailbox.live.values()) {
            n++;
            if (!m.flags(a.user()).contains(Flag.SEEN)) {
                if (n != number) {
                    throw a.fail(Rule.rfc("RFC 3501 §7.1"), line, "UNSEEN " + number + ", but the first message without "
                            + "\\Seen is " + n);
                }
                return;
            }
        }
        throw a.fail(Rule.rfc("RFC 3501 §7.1"), line, "UNSEEN " + number + ", but every message is \\Seen");
    }

    /**
     * R67-R73, R78-R80: a QRESYNC select reports what {@code UID FETCH known-uids (FLAGS)
     * (CHANGEDSINCE m VANISHED)} would (R71): VANISHED (EARLIER) for UIDs of the known set
     * expunged after m (a superset of expunged UIDs is allowed, never a live one, R78, R80), and a
     * FETCH with UID, FLAGS and MODSEQ for each known message changed after m (R69). Sequence
     * match data lets the server leave out expunges up to a matching pair (R73).
     */
    private static void resync(Answer a, SelectParameter.Qresync q, MailboxTruth mailbox, Opened opened) {
        boolean mismatch = mailbox.uidValidity != 0 && mailbox.uidValidity != q.uidValidity();
        boolean reported = !opened.vanishedLines.isEmpty() || !opened.fetched.isEmpty();
        if (mismatch && reported) {
            int line = opened.vanishedLines.isEmpty() ? opened.firstFetchLine : opened.vanishedLines.get(0);
            throw a.fail(Requirement.R67, line, "the QRESYNC uidvalidity " + q.uidValidity() + " does not match "
                    + mailbox.uidValidity + ": no changes are reported");
        }
        if (opened.noModSeqLine >= 0 && reported) {
            int line = opened.vanishedLines.isEmpty() ? opened.firstFetchLine : opened.vanishedLines.get(0);
            throw a.fail(Requirement.R68, line, "a mailbox without mod-sequences ignores the QRESYNC arguments");
        }
        if (mismatch || mailbox.uidValidity == 0 || opened.noModSeqLine >= 0 || !mailbox.complete || a.view() == null
                || a.view().blind()) {
            return;
        }
        long since = q.modSeq().value();
        long top = mailbox.uidNextAtLeast() - 1;
        NumberSet known = q.knownUids().map(k -> k.toNumberSet()).orElse(NumberSet.range(1, top));
        long lowest = 1;
        if (q.seqMatch().isPresent()) {
            lowest = highestMatchingPair(mailbox, q.seqMatch().get()) + 1;
        }
        Set<Long> vanished = new HashSet<>();
        for (int line : opened.vanishedLines) {
            Response.Vanished v = (Response.Vanished) a.responses.get(line);
            long checked = 0;
            for (long uid : v.uids()) {
                if (!known.contains(uid)) {
                    throw a.fail(Requirement.R70, line, "VANISHED (EARLIER) names UID " + uid + ", which is not among the "
                            + (q.knownUids().isPresent() ? "known UIDs the client gave" : "UIDs below UIDNEXT"));
                }
                if (mailbox.live.containsKey(uid)) {
                    throw a.fail(Requirement.R78, line, "VANISHED (EARLIER) names UID " + uid + ", which still exists");
                }
                vanished.add(uid);
                if (++checked > mailbox.expunged.size() + top + 1) {
                    break;
                }
            }
        }
        Requirement missing = q.seqMatch().isPresent() ? Requirement.R73 : Requirement.R69;
        for (Map.Entry<Long, Integer> e : mailbox.expunged.entrySet()) {
            long uid = e.getKey();
            if (!known.contains(uid) || uid < lowest || vanished.contains(uid) || e.getValue() == 0) {
                continue;
            }
            ModSeqVar v = mailbox.modSeqs.get(e.getValue());
            if (v.min() > since) {
                throw a.fail(missing, opened.vanishedLines.isEmpty() ? a.taggedLine() : opened.vanishedLines.get(0),
                        "UID " + uid + " was expunged at mod-sequence " + bound(v) + ", after the client's " + since
                                + (lowest > 1 ? " and above the last matching sequence pair (UID " + (lowest - 1) + ")" : "")
                                + ", but VANISHED (EARLIER) does not report it");
            }
            a.settle(mailbox.modSeqs.atMost(v.id(), since, Reason.law(Rule.of(Requirement.R69), a.event,
                    "QRESYNC " + since + " did not report the expunge of UID " + uid)), a.taggedLine());
        }
        for (LiveMessage m : mailbox.live.values()) {
            Integer line = opened.fetched.get(m.uid());
            if (line != null) {
                Response.Fetch f = (Response.Fetch) a.responses.get(line);
                resyncFetch(a, q, known, m, f, line);
                continue;
            }
            if (!known.contains(m.uid())) {
                continue;
            }
            long lower = ModSeqChecks.lower(mailbox, m, a.user());
            if (lower > since) {
                throw a.fail(Requirement.R69, a.taggedLine(), "UID " + m.uid() + " changed after the client's " + since
                        + " (its mod-sequence is at least " + lower + "), but no FETCH reports it");
            }
            ModSeqChecks.atMost(a, a.taggedLine(), mailbox, m, since, Reason.law(Rule.of(Requirement.R69), a.event,
                    "QRESYNC " + since + " did not report UID " + m.uid()));
        }
    }

    /** R69, R70, R71: a resync FETCH names a known UID, carries UID, FLAGS and MODSEQ, and MODSEQ is above the client's. */
    private static void resyncFetch(Answer a, SelectParameter.Qresync q, NumberSet known, LiveMessage m, Response.Fetch f,
            int line) {
        if (!known.contains(m.uid())) {
            throw a.fail(Requirement.R70, line, "the resync reports UID " + m.uid() + ", which is not among the known UIDs");
        }
        if (f.attribute(FetchAttribute.UidAttribute.class).isEmpty() || f.attribute(FetchAttribute.Flags.class).isEmpty()
                || f.attribute(FetchAttribute.ModSeqAttribute.class).isEmpty()) {
            throw a.fail(Requirement.R69, line, "a QRESYNC resync FETCH carries UID, FLAGS and MODSEQ");
        }
        long modSeq = f.attribute(FetchAttribute.ModSeqAttribute.class).get().modSeq().value();
        if (modSeq <= q.modSeq().value()) {
            throw a.fail(Requirement.R71, line, "the resync reports UID " + m.uid() + " with MODSEQ " + modSeq
                    + ", not after the client's " + q.modSeq().value());
        }
    }

    /**
     * R73 (§3.2.5.2): a pair of message number and UID that matches the mailbox shows the client
     * knows every expunge up to that UID, so the server may leave those out. The highest matching
     * pair is the most a server may leave out.
     */
    private static long highestMatchingPair(MailboxTruth mailbox, SelectParameter.SeqMatch match) {
        List<Long> uids = new ArrayList<>(mailbox.live.keySet());
        long highest = 0;
        Iterator<Long> pairUids = match.uids().toNumberSet().iterator();
        for (long number : match.messageNumbers().toNumberSet()) {
            long uid = pairUids.next();
            if (number <= uids.size() && uids.get((int) number - 1) == uid) {
                highest = Math.max(highest, uid);
            }
        }
        return highest;
    }

    private static String bound(ModSeqVar v) {
        return v.isExact() ? String.valueOf(v.min()) : "at least " + v.min();
    }

    /** CLOSE: expunges \Deleted messages silently (R93): no EXPUNGE or VANISHED, no HIGHESTMODSEQ in its OK. */
    static void close(Answer a) {
        ClientView view = a.view();
        MailboxTruth mailbox = a.selected();
        UpdateChecks.walk(a, UpdateChecks.Shape.plain().with((line, r) -> {
            if (r instanceof Response.Expunge || r instanceof Response.Vanished) {
                throw a.fail(Requirement.R93, line, "CLOSE sends no EXPUNGE or VANISHED");
            }
            return false;
        }));
        if (!a.ok()) {
            return;
        }
        if (a.taggedCode().filter(ResponseCode.HighestModSeq.class::isInstance).isPresent()) {
            throw a.fail(Requirement.R93, a.taggedLine(), "CLOSE must not send HIGHESTMODSEQ in its tagged OK: the client "
                    + "could lose changes");
        }
        if (mailbox != null && !view.readOnly() && !view.blind()) {
            ExpungeChecks.removeDeleted(a, mailbox, null, Rule.of(Requirement.R93), "CLOSE");
        }
        a.client.view = null;
    }

    /** UNSELECT (RFC 3691): closes without expunging; no CLOSED needed (R105). */
    static void unselect(Answer a) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (a.ok()) {
            a.client.view = null;
        }
    }
}
