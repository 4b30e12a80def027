package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.SearchKey;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.set.NumberSet;

/**
 * SEARCH, UID SEARCH and SEARCH RETURN with the MODSEQ key (RFC 3501 §6.4.4; RFC 4731; RFC 7162
 * §3.1.5, §3.1.6, §3.1.10: R30, R49-R53, R55). Where a mod-sequence is not known exactly, a
 * MODSEQ criterion may match or not: the key is evaluated in three values, and what the result
 * shows is learnt.
 */
final class SearchChecks {

    private SearchChecks() {
    }

    /** A three-valued truth: the key matches, does not, or the judge cannot tell yet. */
    private enum Truth {
        YES, NO, MAYBE;

        static Truth of(boolean b) {
            return b ? YES : NO;
        }

        Truth not() {
            return this == YES ? NO : this == NO ? YES : MAYBE;
        }

        Truth and(Truth other) {
            return this == NO || other == NO ? NO : this == YES && other == YES ? YES : MAYBE;
        }

        Truth or(Truth other) {
            return this == YES || other == YES ? YES : this == NO && other == NO ? NO : MAYBE;
        }
    }

    /** One message of the view, with its number and what the key says of it. */
    private record Candidate(long number, long uid, LiveMessage message, Truth truth) {
    }

    static void search(Answer a, Command.Search command) {
        ClientView view = a.view();
        MailboxTruth mailbox = a.selected();
        boolean modSeqKey = command.key().usesModSeq();
        boolean noModSeq = view.noModSeqGiven() || mailbox != null && Boolean.TRUE.equals(mailbox.noModSeq);
        if (modSeqKey && noModSeq && a.condition() != Condition.BAD) {
            throw a.fail(Requirement.R30, a.taggedLine(), "SEARCH MODSEQ in a mailbox without mod-sequences (NOMODSEQ) gets BAD");
        }
        if (modSeqKey && mailbox != null && Boolean.FALSE.equals(mailbox.noModSeq) && !view.noModSeqGiven()) {
            a.refuseBadForValid(Requirement.R49, "SEARCH with MODSEQ");
        }
        List<Integer> results = new ArrayList<>();
        ClientView[] atResult = {view};
        UpdateChecks.walk(a, UpdateChecks.Shape.plain().with((line, r) -> {
            if (r instanceof Response.Search || r instanceof Response.ESearch) {
                results.add(line);
                atResult[0] = a.view();
                return true;
            }
            return false;
        }));
        if (!a.ok()) {
            return;
        }
        boolean extended = command.returnOptions().isPresent();
        if (results.size() != 1) {
            throw a.fail(extended ? Rule.rfc("RFC 4731 §3.1") : Rule.rfc("RFC 3501 §6.4.4"), a.taggedLine(),
                    (extended ? "SEARCH RETURN answers with one ESEARCH" : "SEARCH answers with one SEARCH response")
                            + ", not " + results.size());
        }
        int line = results.get(0);
        if (view.blind() || mailbox == null || !mailbox.complete) {
            return;
        }
        // The view as the result came: new messages announced before it may or may not be searched.
        List<Candidate> candidates = candidates(a, command, mailbox, atResult[0], Set.copyOf(view.slots()));
        if (extended) {
            if (!(a.responses.get(line) instanceof Response.ESearch e)) {
                throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, "SEARCH RETURN answers with ESEARCH");
            }
            esearch(a, command, mailbox, candidates, line, e);
        } else {
            if (!(a.responses.get(line) instanceof Response.Search s)) {
                throw a.fail(Rule.rfc("RFC 3501 §6.4.4"), line, "SEARCH without RETURN answers with SEARCH");
            }
            plain(a, command, mailbox, candidates, line, s);
        }
    }

    private static List<Candidate> candidates(Answer a, Command.Search command, MailboxTruth mailbox, ClientView view,
            Set<Long> known) {
        List<Candidate> out = new ArrayList<>();
        long lastUid = view.slots().isEmpty() ? 0 : view.slots().get(view.exists() - 1);
        for (int i = 0; i < view.exists(); i++) {
            long uid = view.slots().get(i);
            LiveMessage m = mailbox.live.get(uid);
            // A message expunged elsewhere and not yet reported may be found or not (RFC 2180 §4.1),
            // and so may one announced while the command ran.
            Truth truth = m == null || !known.contains(uid) ? Truth.MAYBE
                    : evaluate(a, mailbox, command.key(), m, i + 1, view.exists(), lastUid);
            out.add(new Candidate(i + 1, uid, m, truth));
        }
        return out;
    }

    /**
     * The key for one message, as the model's search evaluates it, in three values: MODSEQ m
     * matches a mod-sequence of at least m (R49); with an entry name, a server with per-flag
     * mod-sequences compares the flag's, one without the message's (R51).
     */
    private static Truth evaluate(Answer a, MailboxTruth mailbox, SearchKey key, LiveMessage m, long number, long exists,
            long lastUid) {
        String user = a.user();
        return switch (key) {
            case SearchKey.All all -> Truth.YES;
            case SearchKey.MessageNumbers s -> Truth.of(s.set().resolve(exists).contains(number));
            case SearchKey.Uids s -> Truth.of(s.set().resolve(lastUid).contains(m.uid()));
            case SearchKey.FlagKey f -> f.flag().equals(Flag.RECENT) ? Truth.MAYBE
                    : Truth.of(m.flags(user).contains(f.flag()) == f.set());
            case SearchKey.Larger l -> Truth.of(m.content().length() > l.size());
            case SearchKey.Smaller s -> Truth.of(m.content().length() < s.size());
            case SearchKey.Not n -> evaluate(a, mailbox, n.key(), m, number, exists, lastUid).not();
            case SearchKey.Or o -> evaluate(a, mailbox, o.left(), m, number, exists, lastUid)
                    .or(evaluate(a, mailbox, o.right(), m, number, exists, lastUid));
            case SearchKey.And and -> {
                Truth t = Truth.YES;
                for (SearchKey k : and.keys()) {
                    t = t.and(evaluate(a, mailbox, k, m, number, exists, lastUid));
                }
                yield t;
            }
            case SearchKey.ModSeqKey k -> {
                long value = k.modSeq().value();
                long lower = ModSeqChecks.lower(mailbox, m, user);
                long upper = ModSeqChecks.upper(mailbox, m, user);
                if (k.entry().isPresent()) {
                    ModSeqVar flag = mailbox.modSeqs.get(m.flagVar(user, k.entry().get().flag()));
                    yield flag.min() >= value ? Truth.YES : upper < value ? Truth.NO : Truth.MAYBE;
                }
                yield lower >= value ? Truth.YES : upper < value ? Truth.NO : Truth.MAYBE;
            }
        };
    }

    /** RFC 3501 §6.4.4 with R49 and R53: exactly the matching messages, then (MODSEQ n) for a MODSEQ search. */
    private static void plain(Answer a, Command.Search command, MailboxTruth mailbox, List<Candidate> candidates, int line,
            Response.Search s) {
        List<Candidate> found = matched(a, command, candidates, line, s.numbers());
        boolean modSeqKey = command.key().usesModSeq();
        if (s.modSeq().isPresent() && !modSeqKey) {
            throw a.fail(Requirement.R53, line, "(MODSEQ n) ends the result of a search with the MODSEQ criterion only");
        }
        if (modSeqKey && !found.isEmpty() && s.modSeq().isEmpty()) {
            throw a.fail(Requirement.R53, line, "a non-empty result of a MODSEQ search ends with (MODSEQ n)");
        }
        s.modSeq().ifPresent(h -> highest(a, mailbox, found, line, h.value(), Requirement.R53));
    }

    /** The candidates the result names, checked against what the key must and must not match; learns the rest. */
    private static List<Candidate> matched(Answer a, Command.Search command, List<Candidate> candidates, int line,
            List<Long> numbers) {
        Set<Long> named = Set.copyOf(numbers);
        List<Candidate> found = new ArrayList<>();
        Rule rule = command.key().usesModSeq() ? Rule.of(Requirement.R49) : Rule.rfc("RFC 3501 §6.4.4");
        for (Candidate c : candidates) {
            boolean in = named.contains(command.uid() ? c.uid() : c.number());
            String which = command.uid() ? "UID " + c.uid() : "message " + c.number();
            if (c.truth() == Truth.YES && !in) {
                throw a.fail(rule, line, "the result leaves out " + which + ", which matches " + command.key().toWire());
            }
            if (c.truth() == Truth.NO && in) {
                throw a.fail(rule, line, "the result names " + which + ", which does not match " + command.key().toWire());
            }
            if (c.truth() == Truth.MAYBE && c.message() != null) {
                learn(a, command.key(), c, in, line);
            }
            if (in) {
                found.add(c);
            }
        }
        long known = found.size();
        if (known != named.size()) {
            throw a.fail(Rule.rfc("RFC 3501 §6.4.4"), line, "the result names " + (command.uid() ? "UIDs" : "message numbers")
                    + " that are not in the mailbox as the client sees it");
        }
        return found;
    }

    /** What a result shows of a plain MODSEQ criterion (R49): a match is at least the value, a miss below it. */
    private static void learn(Answer a, SearchKey key, Candidate c, boolean in, int line) {
        if (!(key instanceof SearchKey.ModSeqKey k) || k.entry().isPresent()) {
            return;
        }
        MailboxTruth mailbox = a.selected();
        long value = k.modSeq().value();
        String why = "SEARCH MODSEQ " + value + (in ? " found" : " did not find") + " UID " + c.uid();
        if (in) {
            ModSeqChecks.atLeast(a, line, mailbox, c.message(), value, Reason.law(Rule.of(Requirement.R49), a.event, why));
        } else {
            ModSeqChecks.atMost(a, line, mailbox, c.message(), value - 1, Reason.law(Rule.of(Requirement.R49), a.event, why));
        }
    }

    /** R53, R55: the value is the highest mod-sequence among the messages it covers. */
    private static void highest(Answer a, MailboxTruth mailbox, List<Candidate> covered, int line, long value,
            Requirement requirement) {
        long lower = 0;
        long upper = 0;
        for (Candidate c : covered) {
            if (c.message() == null) {
                return;
            }
            lower = Math.max(lower, ModSeqChecks.lower(mailbox, c.message(), a.user()));
            upper = Math.max(upper, ModSeqChecks.upper(mailbox, c.message(), a.user()));
        }
        if (value < lower || value > upper) {
            throw a.fail(requirement, line, "MODSEQ " + value + " is not the highest mod-sequence of the messages found, "
                    + "which lies in " + lower + ".." + upper);
        }
        Reason reason = Reason.law(Rule.of(requirement), a.event, "the search reported MODSEQ " + value
                + " as the highest of its result");
        for (Candidate c : covered) {
            ModSeqChecks.atMost(a, line, mailbox, c.message(), value, reason);
        }
        if (covered.size() == 1) {
            ModSeqChecks.observe(a, line, mailbox, covered.get(0).message(), value);
        }
    }

    /**
     * RFC 4731 and R55: ESEARCH with the command's tag, UID for UID SEARCH, MIN, MAX, COUNT and
     * ALL true of the result, and MODSEQ the highest of the messages returned (all of them for
     * ALL or COUNT, the extremes for MIN and MAX alone).
     */
    private static void esearch(Answer a, Command.Search command, MailboxTruth mailbox, List<Candidate> candidates, int line,
            Response.ESearch e) {
        if (!e.tag().equals(a.exchange.tag())) {
            throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, "ESEARCH correlator " + e.tag() + " is not the command's tag "
                    + a.exchange.tag());
        }
        if (e.uid() != command.uid()) {
            throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, command.uid() ? "UID SEARCH answers with ESEARCH ... UID"
                    : "SEARCH answers without UID in ESEARCH");
        }
        List<Command.ReturnOption> options = command.returnOptions().orElseThrow();
        boolean all = options.isEmpty() || options.contains(Command.ReturnOption.ALL);
        List<Candidate> sure = candidates.stream().filter(c -> c.truth() == Truth.YES).toList();
        List<Candidate> possible = candidates.stream().filter(c -> c.truth() != Truth.NO).toList();
        List<Candidate> found = null;
        if (all) {
            List<Long> numbers = e.all().map(NumberSet::toList).orElse(List.of());
            found = matched(a, command, candidates, line, numbers);
        }
        if (options.contains(Command.ReturnOption.COUNT)) {
            long count = e.count().orElseThrow(() -> a.fail(Rule.rfc("RFC 4731 §3.1"), line, "ESEARCH leaves out COUNT"));
            if (count < sure.size() || count > possible.size() || found != null && count != found.size()) {
                throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, "COUNT " + count + " is not the number of messages found");
            }
        }
        extreme(a, command, e.min(), options.contains(Command.ReturnOption.MIN), candidates, line, "MIN", true);
        extreme(a, command, e.max(), options.contains(Command.ReturnOption.MAX), candidates, line, "MAX", false);
        boolean empty = possible.isEmpty() || found != null && found.isEmpty()
                || e.min().isEmpty() && e.max().isEmpty() && e.all().isEmpty() && e.count().orElse(1) == 0;
        if (e.modSeq().isPresent() && !command.key().usesModSeq()) {
            throw a.fail(Requirement.R55, line, "MODSEQ belongs in ESEARCH only for a search with the MODSEQ criterion");
        }
        if (e.modSeq().isPresent() && empty) {
            throw a.fail(Requirement.R55, line, "an empty result carries no MODSEQ");
        }
        if (command.key().usesModSeq() && !empty && e.modSeq().isEmpty() && (found != null || !sure.isEmpty())) {
            throw a.fail(Requirement.R55, line, "a non-empty result of a MODSEQ search carries MODSEQ in ESEARCH");
        }
        if (e.modSeq().isPresent() && found != null) {
            highest(a, mailbox, found, line, e.modSeq().get().value(), Requirement.R55);
        }
    }

    /** MIN or MAX: the lowest or highest message of the result. */
    private static void extreme(Answer a, Command.Search command, OptionalLong given, boolean asked,
            List<Candidate> candidates, int line, String name, boolean lowest) {
        if (!asked) {
            return;
        }
        List<Candidate> order = new ArrayList<>(candidates);
        if (!lowest) {
            Collections.reverse(order);
        }
        Optional<Candidate> firstSure = order.stream().filter(c -> c.truth() == Truth.YES).findFirst();
        if (given.isEmpty()) {
            if (firstSure.isPresent()) {
                throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, "ESEARCH leaves out " + name + ", though messages match");
            }
            return;
        }
        long value = given.getAsLong();
        for (Candidate c : order) {
            long id = command.uid() ? c.uid() : c.number();
            if (id == value) {
                if (c.truth() == Truth.NO) {
                    throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, name + " " + value + " does not match the criteria");
                }
                return;
            }
            if (c.truth() == Truth.YES) {
                throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, name + " " + value + " is not the " + (lowest ? "lowest" : "highest")
                        + " match: " + id + " matches");
            }
        }
        throw a.fail(Rule.rfc("RFC 4731 §3.1"), line, name + " " + value + " is not a message of the mailbox");
    }
}
