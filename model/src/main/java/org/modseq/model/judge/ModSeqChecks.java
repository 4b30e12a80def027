package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.rfc.Requirement;

/**
 * Reasoning about the mod-sequences a server chose: checking a reported value against what the
 * judge knows, and learning from it. A message's mod-sequence is the greatest of the variables
 * of its arrival and its flags' last changes that the user sees (R8, as the model's
 * {@code Message.modSeqFor}).
 */
final class ModSeqChecks {

    private ModSeqChecks() {
    }

    static long lower(MailboxTruth mailbox, LiveMessage m, String user) {
        long lower = 0;
        for (int id : m.modSeqVars(user)) {
            lower = Math.max(lower, mailbox.modSeqs.get(id).min());
        }
        return lower;
    }

    static long upper(MailboxTruth mailbox, LiveMessage m, String user) {
        long upper = 0;
        for (int id : m.modSeqVars(user)) {
            upper = Math.max(upper, mailbox.modSeqs.get(id).max());
        }
        return upper;
    }

    /** The variables that can be the greatest: the latest definite change and any maybe-change. */
    private static List<ModSeqVar> candidates(MailboxTruth mailbox, LiveMessage m, String user) {
        ModSeqVar latest = null;
        List<ModSeqVar> out = new ArrayList<>();
        for (int id : m.modSeqVars(user)) {
            ModSeqVar v = mailbox.modSeqs.get(id);
            if (v.loose()) {
                out.add(v);
            } else if (latest == null || v.group() > latest.group()) {
                latest = v;
            }
        }
        out.add(latest);
        return out;
    }

    /**
     * The server reported {@code value} as the mod-sequence of {@code m} (FETCH MODSEQ): it must
     * fit what is known, and from now on it is known.
     */
    static void observe(Answer a, int line, MailboxTruth mailbox, LiveMessage m, long value) {
        String user = a.user();
        for (int id : m.modSeqVars(user)) {
            ModSeqVar v = mailbox.modSeqs.get(id);
            if (v.min() > value) {
                throw a.fail(v.minReason().isFact() ? Rule.rfc("RFC 7162 §3.1") : v.minReason().rule(), line,
                        "MODSEQ (" + value + ") of UID " + m.uid() + " is below " + v.min() + ", the least "
                                + v.what() + " can have: " + v.minReason());
            }
        }
        List<ModSeqVar> reach = new ArrayList<>();
        for (ModSeqVar v : candidates(mailbox, m, user)) {
            if (v.max() >= value) {
                reach.add(v);
            }
        }
        if (reach.isEmpty()) {
            ModSeqVar top = candidates(mailbox, m, user).get(candidates(mailbox, m, user).size() - 1);
            throw a.fail(top.maxReason().isFact() ? Rule.rfc("RFC 7162 §3.1") : top.maxReason().rule(), line,
                    "MODSEQ (" + value + ") of UID " + m.uid() + " is above " + top.max() + ", the most " + top.what()
                            + " can have: " + top.maxReason());
        }
        Reason fact = Reason.fact(a.event, "MODSEQ (" + value + ") of UID " + m.uid() + " was reported");
        for (int id : m.modSeqVars(user)) {
            a.settle(mailbox.modSeqs.atMost(id, value, fact), line);
        }
        if (reach.size() == 1) {
            a.settle(mailbox.modSeqs.atLeast(reach.get(0).id(), value, fact), line);
        }
        mailbox.modSeqs.raiseFloor(value, fact);
    }

    /** Learns that the mod-sequence of {@code m} is at most {@code value}, for {@code reason}. */
    static void atMost(Answer a, int line, MailboxTruth mailbox, LiveMessage m, long value, Reason reason) {
        for (int id : m.modSeqVars(a.user())) {
            a.settle(mailbox.modSeqs.atMost(id, value, reason), line);
        }
    }

    /** Learns that the mod-sequence of {@code m} is at least {@code value}, when one variable can carry it. */
    static void atLeast(Answer a, int line, MailboxTruth mailbox, LiveMessage m, long value, Reason reason) {
        List<ModSeqVar> reach = new ArrayList<>();
        for (ModSeqVar v : candidates(mailbox, m, a.user())) {
            if (v.max() >= value) {
                reach.add(v);
            }
        }
        if (reach.size() == 1) {
            a.settle(mailbox.modSeqs.atLeast(reach.get(0).id(), value, reason), line);
        }
    }

    /**
     * A HIGHESTMODSEQ the server gave as the mailbox's highest (SELECT, EXAMINE: R25; STATUS:
     * R57): at least every change the user sees; equal to the last such report when nothing
     * changed since; and from now on an upper bound of those changes and a floor for new ones.
     */
    static void trueHighest(Answer a, int line, MailboxTruth mailbox, long value, Rule rule) {
        String user = a.user();
        for (ModSeqVar v : mailbox.modSeqs.all()) {
            if (v.visibleTo(user) && v.min() > value) {
                throw a.fail(v.minReason().isFact() ? rule : Answer.suspect(rule, v.minReason().rule()), line,
                        "HIGHESTMODSEQ " + value + " is below the mod-sequence of " + v.what()
                        + ", which is at least " + v.min() + ": " + v.minReason());
            }
        }
        MailboxTruth.Highest last = mailbox.lastHighest;
        if (last != null && last.changes() == mailbox.modSeqs.size() && last.value() != value) {
            Rule r57 = Rule.of(Requirement.R57);
            Rule which = rule.equals(r57) || last.rule().equals(r57) ? r57 : rule;
            throw a.fail(which, line, "HIGHESTMODSEQ " + value + " differs from " + last.value() + ", reported at event "
                    + last.event() + ", though nothing changed in " + mailbox.name + " since");
        }
        Reason reason = Reason.law(rule, a.event, "HIGHESTMODSEQ " + value + " was reported as the highest");
        a.settle(mailbox.modSeqs.atMostAll(v -> v.visibleTo(user), value, reason), line);
        mailbox.modSeqs.raiseFloor(value, Reason.fact(a.event, "HIGHESTMODSEQ " + value + " was reported"));
        mailbox.lastHighest = new MailboxTruth.Highest(value, mailbox.modSeqs.size(), a.event, rule);
    }

    /**
     * R96 (§3.2, X40): a HIGHESTMODSEQ given to a client with its mailbox selected must stay below
     * every change the client was not told of: an expunge not yet reported, a flag change not yet
     * shown. Where the judge does not know the order for sure, it learns it: those changes are
     * above the value. A message not yet announced may be below it: a resyncing client discovers
     * new messages by UID, whatever their mod-sequences (§6 step 2), so it loses none.
     */
    static void guard(Answer a, int line, long value) {
        ClientView view = a.view();
        MailboxTruth mailbox = a.selected();
        if (view == null || mailbox == null || view.blind() || !mailbox.hasModSeqs()) {
            return;
        }
        String user = a.user();
        String given = "HIGHESTMODSEQ " + value + " was given at event " + a.event + " while ";
        for (long uid : view.slots()) {
            if (uid == 0) {
                continue;
            }
            Integer expunge = mailbox.expunged.get(uid);
            if (expunge != null) {
                if (expunge != 0) {
                    above(a, line, mailbox, expunge, value, given + "the expunge of UID " + uid + " was not reported");
                }
                continue;
            }
            LiveMessage m = mailbox.live.get(uid);
            if (m == null) {
                continue;
            }
            int told = view.told().getOrDefault(uid, m.changes().size());
            for (int j = told; j < m.changes().size(); j++) {
                LiveMessage.Change change = m.changes().get(j);
                if (change.visibleTo() == null || change.visibleTo().equals(user)) {
                    above(a, line, mailbox, change.var(), value, given + mailbox.modSeqs.get(change.var()).what()
                            + " was not shown");
                }
            }
        }
        mailbox.modSeqs.raiseFloor(value, Reason.fact(a.event, "HIGHESTMODSEQ " + value + " was given"));
    }

    private static void above(Answer a, int line, MailboxTruth mailbox, int id, long value, String why) {
        ModSeqVar v = mailbox.modSeqs.get(id);
        if (v.max() <= value) {
            throw a.fail(Requirement.R96, line, why + ", whose mod-sequence is at most " + v.max() + ": "
                    + v.maxReason());
        }
        a.settle(mailbox.modSeqs.atLeast(id, value + 1, Reason.law(Rule.of(Requirement.R96), a.event, why)), line);
    }
}
