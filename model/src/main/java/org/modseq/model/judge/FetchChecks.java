package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.Section;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.server.Targets;
import org.modseq.model.set.NumberSet;

/**
 * FETCH and UID FETCH with MODSEQ, CHANGEDSINCE and VANISHED (RFC 3501 §6.4.5, §6.4.8; RFC 7162
 * §3.1.4, §3.2.6: R30, R45-R48, R75-R80).
 */
final class FetchChecks {

    private FetchChecks() {
    }

    /** Everything the FETCH responses of one exchange said of one message. */
    private static final class Returned {
        final List<FetchAttribute> attributes = new ArrayList<>();
        int line = -1;
    }

    static void fetch(Answer a, Command.Fetch command) {
        ClientView view = a.view();
        MailboxTruth mailbox = a.selected();
        boolean wantsModSeq = command.items().contains(FetchItem.MODSEQ) || command.changedSince().isPresent();
        if (command.vanished() && a.condition() != Condition.BAD) {
            if (!command.uid()) {
                throw a.fail(Requirement.R75, a.taggedLine(), "the VANISHED modifier is only for UID FETCH: BAD");
            }
            if (!a.client.qresync) {
                throw a.fail(Requirement.R76, a.taggedLine(), "the VANISHED modifier needs ENABLE QRESYNC first: BAD");
            }
            if (command.changedSince().isEmpty()) {
                throw a.fail(Requirement.R77, a.taggedLine(), "the VANISHED modifier needs CHANGEDSINCE: BAD");
            }
        }
        boolean noModSeq = view.noModSeqGiven() || mailbox != null && Boolean.TRUE.equals(mailbox.noModSeq);
        if (wantsModSeq && noModSeq && a.condition() != Condition.BAD) {
            throw a.fail(Requirement.R30, a.taggedLine(), "MODSEQ and CHANGEDSINCE in a mailbox without mod-sequences "
                    + "(NOMODSEQ) get BAD (R48)");
        }
        if (view.blind() || mailbox == null || !mailbox.complete) {
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        Targets targets = view.targets(command.uid(), command.set());
        boolean valid = targets != null && Boolean.FALSE.equals(mailbox.noModSeq) && !view.noModSeqGiven()
                && command.changedSince().map(m -> m.isPositive()).orElse(true)
                && (!command.vanished() || command.uid() && a.client.qresync && command.changedSince().isPresent());
        if (valid && command.vanished()) {
            a.refuseBadForValid(Requirement.R78, "UID FETCH with CHANGEDSINCE and VANISHED after ENABLE QRESYNC");
        } else if (valid && command.changedSince().isPresent()) {
            a.refuseBadForValid(Requirement.R45, "FETCH with CHANGEDSINCE");
        } else if (valid && wantsModSeq) {
            a.refuseBadForValid(Requirement.R47, "FETCH of MODSEQ");
        }
        if (a.condition() == Condition.BAD) {
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        if (targets == null) {
            if (a.ok()) {
                throw a.fail(Rule.rfc("RFC 3501 §9"), a.taggedLine(), "FETCH names a message number beyond the "
                        + view.exists() + " messages the client knows of, yet succeeded");
            }
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        if (!a.ok()) {
            UpdateChecks.walk(a, UpdateChecks.Shape.plain());
            return;
        }
        Set<Long> asked = new HashSet<>();
        targets.targets().forEach(t -> asked.add(t.uid().value()));
        Map<Long, UpdateChecks.Before> before = implicitSeen(a, command, mailbox, targets);
        Set<Long> uidRequired = new HashSet<>();
        if (command.uid()) {
            uidRequired.addAll(asked);
        }
        if (a.client.qresync) {
            uidRequired.addAll(before.keySet()); // R20: an implicit \Seen is reported with UID
        }
        Set<Long> direct = new HashSet<>(asked);
        direct.removeAll(before.keySet());
        Map<Long, Returned> returned = new HashMap<>();
        List<Integer> vanishedLines = new ArrayList<>();
        int[] firstFetch = {-1};
        UpdateChecks.Shape inner = new UpdateChecks.Shape(before, direct, uidRequired, (l, x) -> false);
        UpdateChecks.walk(a, inner.with((line, r) -> {
            if (r instanceof Response.Vanished v && v.earlier() && command.vanished()) {
                if (firstFetch[0] >= 0) {
                    throw a.fail(Requirement.R79, line, "VANISHED (EARLIER) must come before every FETCH of the command");
                }
                vanishedLines.add(line);
                return true;
            }
            if (r instanceof Response.Fetch f) {
                firstFetch[0] = firstFetch[0] < 0 ? line : firstFetch[0];
                long uid = f.messageNumber() <= a.view().exists() ? a.view().uidAt(f.messageNumber()) : 0;
                UpdateChecks.fetch(a, inner, line, f);
                Returned seen = returned.computeIfAbsent(uid, u -> new Returned());
                seen.attributes.addAll(f.attributes());
                seen.line = seen.line < 0 ? line : seen.line;
                return true;
            }
            return false;
        }));
        if (command.vanished()) {
            vanished(a, command, mailbox, vanishedLines);
        }
        for (Targets.Target t : targets.targets()) {
            LiveMessage m = mailbox.live.get(t.uid().value());
            if (m != null) {
                boolean owed = m.owes(a.user(), view.told().getOrDefault(m.uid(), 0),
                        m.changes().size() - (before.containsKey(m.uid()) ? 1 : 0));
                replied(a, command, mailbox, m, returned.get(m.uid()), owed);
            }
        }
    }

    /**
     * RFC 3501 §6.4.5: BODY[] sets \Seen unless the mailbox is read-only; that is a change like
     * any other, with a new mod-sequence (R5, R20). Only messages the command returns are fetched.
     */
    private static Map<Long, UpdateChecks.Before> implicitSeen(Answer a, Command.Fetch command, MailboxTruth mailbox,
            Targets targets) {
        Map<Long, UpdateChecks.Before> before = new HashMap<>();
        if (command.items().stream().noneMatch(FetchItem::setsSeen) || a.view().readOnly()) {
            return before;
        }
        Set<Long> fetched = new HashSet<>();
        for (int i : a.untagged()) {
            if (a.responses.get(i) instanceof Response.Fetch f
                    && f.attributes().stream().anyMatch(FetchChecks::isContent)) {
                var uid = f.attribute(FetchAttribute.UidAttribute.class);
                if (uid.isPresent()) {
                    fetched.add(uid.get().uid().value());
                } else if (!command.uid() && f.messageNumber() <= a.view().exists()) {
                    fetched.add(a.view().uidAt(f.messageNumber()));
                }
            }
        }
        Set<Flag> privateScope = a.k.setup.sharedMailboxes() ? a.k.setup.privateFlags() : Set.of();
        for (Targets.Target t : targets.targets()) {
            LiveMessage m = mailbox.live.get(t.uid().value());
            if (m == null || !fetched.contains(m.uid()) || m.flags(a.user()).contains(Flag.SEEN)) {
                continue;
            }
            before.put(m.uid(), new UpdateChecks.Before(m, m.changes().size()));
            String visibleTo = privateScope.contains(Flag.SEEN) ? a.user() : null;
            int var = a.change(mailbox, visibleTo, "the implicit \\Seen of UID " + m.uid() + " at event " + a.event,
                    Rule.of(Requirement.R4));
            Message next = m.message().withFlags(a.user(), Set.of(Flag.SEEN), Set.of(Flag.SEEN), privateScope,
                    ModSeq.of(var), false);
            mailbox.live.put(m.uid(), m.changed(next, new LiveMessage.Change(var, visibleTo)));
        }
        return before;
    }

    /**
     * R45 (CHANGEDSINCE is strict and implies MODSEQ), RFC 3501 §6.4.5 (every message of the set
     * is returned with the items asked for), R47 (MODSEQ as asked for). A FETCH of a message the
     * client was owed an update for may be that update rather than a reply.
     */
    private static void replied(Answer a, Command.Fetch command, MailboxTruth mailbox, LiveMessage m, Returned seen,
            boolean owed) {
        String user = a.user();
        String which = "UID " + m.uid();
        if (command.changedSince().isPresent()) {
            long since = command.changedSince().get().value();
            long lower = ModSeqChecks.lower(mailbox, m, user);
            if (seen == null) {
                if (lower > since) {
                    throw a.fail(Requirement.R45, a.taggedLine(), which + " changed after " + since + " (its mod-sequence is "
                            + "at least " + lower + "), but CHANGEDSINCE " + since + " does not return it");
                }
                ModSeqChecks.atMost(a, a.taggedLine(), mailbox, m, since, Reason.law(Rule.of(Requirement.R45), a.event,
                        "CHANGEDSINCE " + since + " did not return " + which));
                return;
            }
            var modSeq = seen.attributes.stream().filter(FetchAttribute.ModSeqAttribute.class::isInstance)
                    .map(x -> ((FetchAttribute.ModSeqAttribute) x).modSeq().value()).findFirst();
            if (modSeq.isEmpty()) {
                throw a.fail(Requirement.R45, seen.line, "CHANGEDSINCE implies MODSEQ, but " + which + " comes without it");
            }
            if (modSeq.get() <= since) {
                if (owed) {
                    return; // not a reply: the update of a change the client was owed (RFC 3501 §7.4.2)
                }
                throw a.fail(Requirement.R45, seen.line, "CHANGEDSINCE " + since + " returns only messages changed after it, "
                        + "but " + which + " has MODSEQ " + modSeq.get());
            }
        } else if (seen == null) {
            throw a.fail(Rule.rfc("RFC 3501 §6.4.5"), a.taggedLine(), "FETCH does not return " + which
                    + ", which the set names");
        }
        for (FetchItem item : command.items()) {
            // Content items are RFC 3501's concern: the judge checks that one comes back, not its text.
            boolean present = switch (item) {
                case FetchItem.Named n when n == FetchItem.Named.UID -> has(seen, FetchAttribute.UidAttribute.class);
                case FetchItem.Named n when n == FetchItem.Named.FLAGS -> has(seen, FetchAttribute.Flags.class);
                case FetchItem.Named n when n == FetchItem.Named.MODSEQ -> has(seen, FetchAttribute.ModSeqAttribute.class);
                case FetchItem.Named n when n == FetchItem.Named.RFC822_SIZE -> has(seen, FetchAttribute.Size.class);
                case FetchItem.Named n -> true;
                case FetchItem.BodySection b -> seen.attributes.stream().anyMatch(FetchChecks::isContent);
            };
            if (!present) {
                throw a.fail(item == FetchItem.MODSEQ ? Rule.of(Requirement.R47) : Rule.rfc("RFC 3501 §7.4.2"), seen.line,
                        "FETCH returns " + which + " without " + item.toWire() + ", which was asked for");
            }
        }
        for (FetchAttribute attribute : seen.attributes) {
            if (attribute instanceof FetchAttribute.Size size && size.octets() != m.content().length()) {
                throw a.fail(Rule.rfc("RFC 3501 §7.4.2"), seen.line, "RFC822.SIZE " + size.octets() + " of " + which
                        + ", but it holds " + m.content().length() + " octets");
            }
            if (attribute instanceof FetchAttribute.BodySection body && body.section().equals(Section.WHOLE)
                    && body.origin().isEmpty() && !body.content().orElse("").equals(m.content())) {
                throw a.fail(Rule.rfc("RFC 3501 §7.4.2"), seen.line, "BODY[] of " + which
                        + " is not the message that was stored");
            }
        }
    }

    /** A message-content item of a FETCH response (RFC 3501 §7.4.2), modelled or kept whole. */
    private static boolean isContent(FetchAttribute attribute) {
        return attribute instanceof FetchAttribute.BodySection || attribute instanceof FetchAttribute.Rfc822
                || attribute instanceof FetchAttribute.Unmodelled u
                        && (u.name().startsWith("BODY[") || u.name().startsWith("RFC822"));
    }

    private static boolean has(Returned seen, Class<? extends FetchAttribute> type) {
        return seen.attributes.stream().anyMatch(type::isInstance);
    }

    /**
     * R78-R80: VANISHED (EARLIER) names UIDs of the set ({@code *} reaching UIDNEXT-1, the model's
     * reading) that are no longer in the mailbox, never a live one; every UID of the set expunged
     * after CHANGEDSINCE is among them; more may be (a server that forgot when they went, R80, R98).
     */
    private static void vanished(Answer a, Command.Fetch command, MailboxTruth mailbox, List<Integer> lines) {
        long since = command.changedSince().orElseThrow().value();
        NumberSet scope = command.set().resolve(mailbox.uidNextAtLeast() - 1);
        Set<Long> reported = new HashSet<>();
        for (int line : lines) {
            Response.Vanished v = (Response.Vanished) a.responses.get(line);
            long checked = 0;
            for (long uid : v.uids()) {
                if (!scope.contains(uid)) {
                    throw a.fail(Requirement.R78, line, "VANISHED (EARLIER) names UID " + uid + ", which is not in the set "
                            + command.set().toWire() + " (\"*\" reaching UIDNEXT-1)");
                }
                if (mailbox.live.containsKey(uid)) {
                    throw a.fail(Requirement.R78, line, "VANISHED (EARLIER) names UID " + uid + ", which still exists");
                }
                reported.add(uid);
                if (++checked > mailbox.uidNextAtLeast()) {
                    break;
                }
            }
        }
        // An expunge the client was not yet told of may come as the answer's plain VANISHED instead
        // (§3.2.10.1, the expunge notice): it tells the client as much, and keeps its numbering right.
        for (int i : a.untagged()) {
            if (a.responses.get(i) instanceof Response.Vanished v && !v.earlier()) {
                for (long uid : v.uids()) {
                    reported.add(uid);
                }
            }
        }
        long highestLive = mailbox.live.isEmpty() ? 0 : mailbox.live.lastKey();
        for (Map.Entry<Long, Integer> e : mailbox.expunged.entrySet()) {
            long uid = e.getKey();
            if (!scope.contains(uid) || reported.contains(uid) || e.getValue() == 0) {
                continue;
            }
            ModSeqVar v = mailbox.modSeqs.get(e.getValue());
            if (v.min() > since) {
                throw a.fail(Requirement.R78, lines.isEmpty() ? a.taggedLine() : lines.get(0), "UID " + uid
                        + " was expunged after " + since + " (at mod-sequence at least " + v.min() + ") and is in the set, "
                        + "but VANISHED (EARLIER) does not report it"
                        + (uid > highestLive ? " (it is above the highest live UID, and \"*\" reaches UIDNEXT-1)"
                                : " (a server that forgot when it expunged UIDs reports them all, R80)"));
            }
            a.settle(mailbox.modSeqs.atMost(v.id(), since, Reason.law(Rule.of(Requirement.R78), a.event,
                    "UID FETCH (CHANGEDSINCE " + since + " VANISHED) did not report the expunge of UID " + uid)),
                    a.taggedLine());
        }
    }
}
