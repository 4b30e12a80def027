package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.server.Targets;
import org.modseq.model.set.NumberSet;

/**
 * STORE and UID STORE, with and without UNCHANGEDSINCE and .SILENT (RFC 3501 §6.4.6; RFC 7162
 * §3.1.3: R4, R5, R10, R11, R30, R32-R37, R43).
 */
final class StoreChecks {

    private StoreChecks() {
    }

    /** What the walk saw of one stored message's FETCH responses. */
    private static final class Seen {
        boolean postFlags;
        boolean modSeq;
    }

    static void store(Answer a, Command.Store command) {
        ClientView view = a.view();
        MailboxTruth mailbox = a.selected();
        boolean noModSeq = view.noModSeqGiven() || mailbox != null && Boolean.TRUE.equals(mailbox.noModSeq);
        if (command.unchangedSince().isPresent() && noModSeq && a.condition() != Condition.BAD) {
            throw a.fail(Requirement.R30, a.taggedLine(), "UNCHANGEDSINCE in a mailbox without mod-sequences (NOMODSEQ) "
                    + "gets BAD");
        }
        if (view.blind() || mailbox == null || !mailbox.complete) {
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        Targets targets = view.targets(command.uid(), command.set());
        if (targets != null && command.unchangedSince().isPresent() && Boolean.FALSE.equals(mailbox.noModSeq)
                && !view.noModSeqGiven() && !command.flags().contains(Flag.RECENT)) {
            a.refuseBadForValid(Requirement.R32, "STORE with UNCHANGEDSINCE");
        }
        if (a.condition() == Condition.BAD) {
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        if (targets == null) {
            if (a.ok()) {
                throw a.fail(Rule.rfc("RFC 3501 §9"), a.taggedLine(), "STORE names a message number beyond the "
                        + view.exists() + " messages the client knows of, yet succeeded");
            }
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        boolean expungedTarget = targets.targets().stream().anyMatch(t -> !mailbox.live.containsKey(t.uid().value()));
        if (view.readOnly() || a.condition() == Condition.NO && !expungedTarget) {
            // Read-only, nothing changes (RFC 3501 §6.3.2), yet the STORE may succeed: a flag not in
            // PERMANENTFLAGS (none are, read-only) is one "the server will either ignore ... or
            // store ... for the remainder of the current session only" (§7.1). Ignored, it is
            // judged as unchanged; flags shown changed would contradict the truth.
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        NumberSet modified = a.taggedCode().orElse(null) instanceof ResponseCode.Modified m ? m.set() : NumberSet.EMPTY;
        if (!modified.isEmpty() && command.unchangedSince().isEmpty()) {
            throw a.fail(Requirement.R35, a.taggedLine(), "MODIFIED lists the messages a conditional STORE did not change; "
                    + "this STORE has no UNCHANGEDSINCE");
        }
        Set<Long> named = new HashSet<>();
        targets.targets().forEach(t -> named.add(command.uid() ? t.uid().value() : t.number()));
        for (long n : modified) {
            if (!named.contains(n)) {
                throw a.fail(Requirement.R35, a.taggedLine(), "MODIFIED names " + (command.uid() ? "UID " : "message ") + n
                        + ", which the STORE did not name");
            }
            if (named.size() < modified.size()) {
                break;
            }
        }
        Map<Long, UpdateChecks.Before> before = new HashMap<>();
        List<Long> stored = new ArrayList<>();
        for (Targets.Target t : targets.targets()) {
            long uid = t.uid().value();
            LiveMessage m = mailbox.live.get(uid);
            if (m == null) {
                continue; // expunged elsewhere, not yet reported: skipped (R36, X14)
            }
            boolean failed = modified.contains(command.uid() ? uid : t.number());
            if (command.unchangedSince().isPresent()) {
                judgeCondition(a, command, mailbox, m, failed);
            }
            if (failed) {
                continue;
            }
            before.put(uid, new UpdateChecks.Before(m, m.changes().size()));
            apply(a, command, mailbox, m);
            stored.add(uid);
        }
        for (long uid : stored) {
            // The client knows what it stored; a change of another session stays owed.
            UpdateChecks.Before b = before.get(uid);
            if (!b.message().owes(a.user(), a.view().told().getOrDefault(uid, b.changes()), b.changes())) {
                a.client.view = a.view().withTold(uid, mailbox.live.get(uid).changes().size());
            }
        }
        Map<Long, Seen> seen = new HashMap<>();
        Set<Long> uidRequired = command.uid() ? new HashSet<>(stored) : Set.of();
        UpdateChecks.Shape shape = new UpdateChecks.Shape(before, Set.of(), uidRequired, (line, r) -> {
            if (r instanceof Response.Fetch f) {
                long uid = f.messageNumber() <= a.view().exists() ? a.view().uidAt(f.messageNumber()) : 0;
                UpdateChecks.fetch(a, new UpdateChecks.Shape(before, Set.of(), uidRequired, (l, x) -> false), line, f);
                LiveMessage now = mailbox.live.get(uid);
                if (now != null) {
                    Seen s = seen.computeIfAbsent(uid, x -> new Seen());
                    var flags = f.attribute(FetchAttribute.Flags.class);
                    s.postFlags |= flags.isPresent() && UpdateChecks.withoutRecent(flags.get().flags())
                            .equals(UpdateChecks.withoutRecent(now.flags(a.user())));
                    s.modSeq |= f.attribute(FetchAttribute.ModSeqAttribute.class).isPresent();
                }
                return true;
            }
            return false;
        });
        UpdateChecks.walk(a, shape);
        for (long uid : stored) {
            if (!mailbox.live.containsKey(uid)) {
                continue;
            }
            // A STORE that flipped no flag has no updated value to return: RFC 3501 §6.4.6 says a
            // STORE "normally" returns it (no RFC 2119 keyword), and R33's FETCH exists "to update
            // the client's cache with the correct mod-sequence values", which a no-op leaves as
            // they were (R5, RFC 7162 §3.1.11). The FETCH is owed for a change only.
            if (mailbox.live.get(uid).changes().size() == before.get(uid).changes()) {
                continue;
            }
            Seen s = seen.getOrDefault(uid, new Seen());
            if (!command.silent() && !s.postFlags) {
                throw a.fail(Rule.rfc("RFC 3501 §6.4.6"), a.taggedLine(), "STORE without .SILENT returns the new flags of UID "
                        + uid + " in a FETCH");
            }
            if (command.unchangedSince().isPresent() && !s.modSeq && !noModSeq) {
                throw a.fail(Requirement.R33, a.taggedLine(), "UID " + uid + " passed UNCHANGEDSINCE: it gets a FETCH with "
                        + "its new MODSEQ, even with .SILENT");
            }
        }
    }

    /**
     * R32, R34, R37: a message whose touched items are all at most the UNCHANGEDSINCE value must
     * be stored; one with a touched item above it must fail (and MODIFIED names it, R35); between
     * the two, either, and the judge learns which. {@code UNCHANGEDSINCE 0} fails for a system
     * flag, a replace and a set keyword, and may fail for any other keyword (R37).
     */
    private static void judgeCondition(Answer a, Command.Store command, MailboxTruth mailbox, LiveMessage m,
            boolean failed) {
        String user = a.user();
        long since = command.unchangedSince().get().value();
        boolean replace = command.action() == StoreAction.REPLACE;
        String which = "UID " + m.uid();
        if (since == 0) {
            boolean exists = replace || command.flags().stream().anyMatch(f -> f.isSystem() || m.flags(user).contains(f));
            if (exists && !failed) {
                throw a.fail(Requirement.R37, a.taggedLine(), "UNCHANGEDSINCE 0 fails for every existing item (a system "
                        + "flag always exists), yet " + which + " was stored and MODIFIED does not name it");
            }
            return;
        }
        long upper = ModSeqChecks.upper(mailbox, m, user);
        long touched = 0;
        for (Flag f : command.flags()) {
            touched = Math.max(touched, mailbox.modSeqs.get(m.flagVar(user, f)).min());
        }
        if (replace) {
            touched = ModSeqChecks.lower(mailbox, m, user);
        }
        if (failed && upper <= since) {
            throw a.fail(Requirement.R32, a.taggedLine(), which + " has mod-sequence at most " + upper + ", not above "
                    + since + ": UNCHANGEDSINCE lets the STORE through, yet MODIFIED names it");
        }
        if (!failed && touched > since) {
            throw a.fail(Requirement.R34, a.taggedLine(), which + " changed after " + since + " (the items the STORE "
                    + "touches are at least " + touched + "): it must not be stored, and MODIFIED must name it (R35)");
        }
        if (failed) {
            ModSeqChecks.atLeast(a, a.taggedLine(), mailbox, m, since + 1, Reason.law(Rule.of(Requirement.R34), a.event,
                    "UNCHANGEDSINCE " + since + " failed for " + which));
        } else if (replace) {
            ModSeqChecks.atMost(a, a.taggedLine(), mailbox, m, since, Reason.law(Rule.of(Requirement.R32), a.event,
                    "UNCHANGEDSINCE " + since + " let the STORE through for " + which));
        } else {
            for (Flag f : command.flags()) {
                a.settle(mailbox.modSeqs.atMost(m.flagVar(user, f), since, Reason.law(Rule.of(Requirement.R32), a.event,
                        "UNCHANGEDSINCE " + since + " let the STORE of " + f + " through for " + which)), a.taggedLine());
            }
        }
    }

    /**
     * The store itself, by the model's own flag rules ({@link Message#withFlags}): flags that flip
     * take a new mod-sequence (R4, R10, R11); a STORE that flips nothing may or may not restamp
     * what it names (R5 is a SHOULD NOT), which the judge keeps open.
     */
    private static void apply(Answer a, Command.Store command, MailboxTruth mailbox, LiveMessage m) {
        String user = a.user();
        Set<Flag> named = new HashSet<>(command.flags());
        named.remove(Flag.RECENT);
        Set<Flag> current = m.flags(user);
        Set<Flag> scope = new HashSet<>(named);
        if (command.action() == StoreAction.REPLACE) {
            scope.addAll(current);
        }
        Set<Flag> wanted = command.action() == StoreAction.REMOVE ? Set.of() : named;
        Set<Flag> flipped = new HashSet<>();
        for (Flag f : scope) {
            if (wanted.contains(f) != current.contains(f)) {
                flipped.add(f);
            }
        }
        Set<Flag> privateScope = a.k.setup.sharedMailboxes() ? a.k.setup.privateFlags() : Set.of();
        String uidText = "UID " + m.uid();
        if (!flipped.isEmpty()) {
            String visibleTo = privateScope.containsAll(flipped) ? user : null;
            int var = a.change(mailbox, visibleTo, "the flag change of " + uidText + " at event " + a.event,
                    Rule.of(Requirement.R4));
            Message next = m.message().withFlags(user, wanted, scope, privateScope, ModSeq.of(var), false);
            mailbox.live.put(m.uid(), m.changed(next, new LiveMessage.Change(var, visibleTo)));
        } else if (!scope.isEmpty()) {
            // One maybe-change per flag: a stamped flag takes the new value, an unstamped one keeps its own.
            Message next = m.message();
            for (Flag f : scope) {
                ModSeqVar old = mailbox.modSeqs.get(m.flagVar(user, f));
                int var = a.k.newVar();
                mailbox.modSeqs.maybeChange(var, a.event, privateScope.contains(f) ? user : null, "the no-op STORE of " + f
                        + " on " + uidText + " at event " + a.event, Rule.of(Requirement.R5), old.min(), old.minReason());
                next = next.withFlags(user, wanted, Set.of(f), privateScope, ModSeq.of(var), true);
            }
            mailbox.live.put(m.uid(), m.changed(next, null));
        }
    }
}
