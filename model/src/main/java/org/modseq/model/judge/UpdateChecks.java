package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;

/**
 * What any answer may carry besides its command's own data: EXISTS, EXPUNGE, VANISHED, FETCH and
 * HIGHESTMODSEQ, checked against the truth and the client's view as they arrive, in order
 * (RFC 3501 §5.2, §7.3.1, §7.4; RFC 7162 §3.1, §3.2.4, §3.2.10). Updates may come at any legal
 * point or later; what is checked is that each is true, comes where the RFCs allow it, and
 * carries what the client must get with it.
 */
final class UpdateChecks {

    private UpdateChecks() {
    }

    /** A message the command itself changes, as it was before: a FETCH may still show that state. */
    record Before(LiveMessage message, int changes) {
    }

    /** The command's own responses, checked by its rules; returns true when it took the response. */
    interface Handler {
        boolean handle(int line, Response response);
    }

    /**
     * How one command's answer may carry updates.
     *
     * @param before the messages the command changes, as they were (UID to state)
     * @param directReplies UIDs a FETCH command asked for: their FETCH responses are replies, to
     *     which the unsolicited-FETCH rules (R16, R20) do not apply
     * @param uidRequired UIDs whose FETCH must carry UID because a UID command caused it (RFC 3501 §6.4.8)
     * @param handler the command's own responses
     */
    record Shape(Map<Long, Before> before, Set<Long> directReplies, Set<Long> uidRequired, Handler handler) {

        static Shape plain() {
            return new Shape(Map.of(), Set.of(), Set.of(), (line, r) -> false);
        }

        Shape with(Handler other) {
            return new Shape(before, directReplies, uidRequired, other);
        }
    }

    /** Walks the untagged responses of {@code a} in order. */
    static void walk(Answer a, Shape shape) {
        for (int i : a.untagged()) {
            Response r = a.responses.get(i);
            if (!shape.handler().handle(i, r)) {
                common(a, shape, i, r);
            }
        }
    }

    static void common(Answer a, Shape shape, int line, Response r) {
        switch (r) {
            case Response.Exists e -> exists(a, line, e);
            case Response.Expunge x -> expunge(a, line, x);
            case Response.Vanished v -> {
                if (v.earlier()) {
                    throw a.fail(Requirement.R82, line, "VANISHED (EARLIER) answers only UID FETCH (VANISHED) and "
                            + "SELECT/EXAMINE (QRESYNC); an expunge the client must apply is a VANISHED without EARLIER");
                }
                vanished(a, line, v);
            }
            case Response.Fetch f -> fetch(a, shape, line, f);
            case Response.Status s -> status(a, line, s);
            default -> {
                // Other data (CAPABILITY, FLAGS, LIST, ...) may come at any time (RFC 3501 §7).
            }
        }
    }

    private static void status(Answer a, int line, Response.Status s) {
        if (s.condition() == Condition.BYE) {
            a.client.closed = true;
        }
        MailboxTruth mailbox = a.selected();
        switch (s.code().orElse(null)) {
            case ResponseCode.HighestModSeq h -> {
                if (mailbox != null && Boolean.TRUE.equals(mailbox.noModSeq)) {
                    throw a.fail(Requirement.R24, line, "HIGHESTMODSEQ for " + mailbox.name
                            + ", which has no persistent mod-sequences");
                }
                if (mailbox != null) {
                    mailbox.noModSeq = false;
                }
                ModSeqChecks.guard(a, line, h.modSeq().value());
            }
            case ResponseCode.NoModSeq n -> {
                if (mailbox != null && Boolean.FALSE.equals(mailbox.noModSeq)) {
                    throw a.fail(Requirement.R24, line, "NOMODSEQ for " + mailbox.name + ", which keeps mod-sequences");
                }
                if (mailbox != null) {
                    mailbox.noModSeq = true; // R17 for a mailbox selected before any enabling command
                }
            }
            case ResponseCode.Closed c -> throw a.fail(Requirement.R103, line,
                    "CLOSED belongs to a SELECT or EXAMINE that closes the selected mailbox, not to " + verb(a.command()));
            case null, default -> {
            }
        }
    }

    /** RFC 3501 §7.4.1, R86, R87: no expunge notice during FETCH, STORE, SEARCH, or UID SEARCH by message numbers. */
    static Rule expungeBan(Command command) {
        return switch (command) {
            case Command.Fetch f when !f.uid() -> Rule.of(Requirement.R86);
            case Command.Store s when !s.uid() -> Rule.of(Requirement.R86);
            case Command.Search s when !s.uid() -> Rule.of(Requirement.R86);
            case Command.Search s when s.key().usesMessageNumbers() -> Rule.of(Requirement.R87);
            default -> null;
        };
    }

    /** The command's name for messages, e.g. "UID FETCH". */
    static String verb(Command command) {
        String wire = command.toWire();
        int space = wire.indexOf(' ');
        String first = space < 0 ? wire : wire.substring(0, space);
        if (first.equals("UID")) {
            int next = wire.indexOf(' ', space + 1);
            return next < 0 ? wire : wire.substring(0, next);
        }
        return first;
    }

    private static ClientView requireView(Answer a, int line, String what) {
        if (a.view() == null) {
            throw a.fail(Rule.rfc("RFC 3501 §7.3"), line, what + " while no mailbox is selected");
        }
        return a.view();
    }

    /**
     * RFC 3501 §7.3.1, §5.2: EXISTS never shrinks the count, and each new message it announces
     * exists (or existed: a message expunged before it was announced may still be announced,
     * then expunged). New messages are taken in UID order, skipping expunged ones unless the
     * count needs them.
     */
    static void exists(Answer a, int line, Response.Exists e) {
        ClientView view = requireView(a, line, "EXISTS");
        if (e.count() < view.exists()) {
            throw a.fail(Rule.rfc("RFC 3501 §5.2"), line, "EXISTS " + e.count() + " would reduce the " + view.exists()
                    + " messages the client knows of; only EXPUNGE (or VANISHED) may do that");
        }
        int wanted = (int) (e.count() - view.exists());
        if (wanted == 0) {
            return;
        }
        MailboxTruth mailbox = a.selected();
        if (view.blind() || mailbox == null || !mailbox.complete) {
            List<Long> unknown = new ArrayList<>();
            for (int i = 0; i < wanted; i++) {
                unknown.add(0L);
            }
            ClientView next = view.withAnnounced(unknown, Map.of(), view.announcedUpTo());
            a.client.view = new ClientView(next.mailbox(), next.readOnly(), next.noModSeqGiven(), next.slots(), next.told(),
                    next.announcedUpTo(), true);
            return;
        }
        TreeSet<Long> candidates = new TreeSet<>();
        candidates.addAll(mailbox.live.tailMap(view.announcedUpTo(), false).keySet());
        candidates.addAll(mailbox.expunged.tailMap(view.announcedUpTo(), false).keySet());
        long liveLeft = mailbox.live.tailMap(view.announcedUpTo(), false).size();
        if (wanted > candidates.size()) {
            throw a.fail(Rule.rfc("RFC 3501 §7.3.1"), line, "EXISTS " + e.count() + " announces " + wanted
                    + " new messages, but only " + candidates.size() + " arrived since the client last heard");
        }
        List<Long> taken = new ArrayList<>();
        Map<Long, Integer> told = new HashMap<>();
        for (long uid : candidates) {
            if (taken.size() == wanted) {
                break;
            }
            LiveMessage m = mailbox.live.get(uid);
            if (m != null) {
                taken.add(uid);
                told.put(uid, m.changes().size());
                liveLeft--;
            } else if (wanted - taken.size() > liveLeft) {
                taken.add(uid);
            }
        }
        a.client.view = view.withAnnounced(taken, told, taken.get(taken.size() - 1));
    }

    /** RFC 3501 §7.4.1; R61 (QRESYNC uses VANISHED instead). */
    static void expunge(Answer a, int line, Response.Expunge x) {
        ClientView view = requireView(a, line, "EXPUNGE");
        Rule ban = expungeBan(a.command());
        if (ban != null) {
            throw a.fail(Rule.rfc("RFC 3501 §7.4.1"), line, "EXPUNGE must not be sent while responding to "
                    + verb(a.command()));
        }
        MailboxTruth mailbox = a.selected();
        if (a.client.qresync && !view.noModSeqGiven() && mailbox != null && mailbox.hasModSeqs()) {
            throw a.fail(Requirement.R61, line, "after ENABLE QRESYNC, expunges are announced with VANISHED, not EXPUNGE");
        }
        if (x.messageNumber() > view.exists()) {
            throw a.fail(Rule.rfc("RFC 3501 §7.4.1"), line, "EXPUNGE of message " + x.messageNumber() + ", but the client"
                    + " knows of " + view.exists() + " messages");
        }
        long uid = view.uidAt(x.messageNumber());
        if (uid != 0 && mailbox != null && mailbox.live.containsKey(uid)) {
            throw a.fail(Rule.rfc("RFC 3501 §7.4.1"), line, "EXPUNGE of message " + x.messageNumber() + " (UID " + uid
                    + "), which still exists");
        }
        a.client.view = view.withoutSlot((int) x.messageNumber() - 1);
    }

    /** R81, R85, R86, R87: a plain VANISHED removes messages the client sees and that are gone. */
    static void vanished(Answer a, int line, Response.Vanished v) {
        ClientView view = requireView(a, line, "VANISHED");
        if (!a.client.qresync) {
            throw a.fail(Requirement.R81, line, "VANISHED is sent only to a client that enabled QRESYNC; "
                    + "others are told with EXPUNGE");
        }
        Rule ban = expungeBan(a.command());
        if (ban != null) {
            throw a.fail(ban, line, "VANISHED must not be sent while responding to " + verb(a.command()));
        }
        MailboxTruth mailbox = a.selected();
        if (view.noModSeqGiven() || mailbox != null && !mailbox.hasModSeqs()) {
            throw a.fail(Requirement.R61, line, "in a mailbox without mod-sequences (NOMODSEQ) expunges are announced with "
                    + "EXPUNGE");
        }
        long checked = 0;
        long unknownSlots = view.slots().stream().filter(u -> u == 0).count();
        for (long uid : v.uids()) {
            if (++checked > view.exists() + 1L) {
                break;
            }
            int number = view.numberOf(uid);
            if (number == 0 && unknownSlots-- <= 0) {
                throw a.fail(Requirement.R85, line, "VANISHED names UID " + uid + ", which the client does not see: "
                        + (mailbox != null && mailbox.expunged.containsKey(uid) && uid <= view.announcedUpTo()
                                ? "it was reported gone already" : "it was never announced"));
            }
            if (mailbox != null && !view.blind() && mailbox.live.containsKey(uid)) {
                throw a.fail(Requirement.R85, line, "VANISHED names UID " + uid + ", which still exists");
            }
        }
        ClientView next = view;
        for (long uid : v.uids()) {
            int number = next.numberOf(uid);
            if (number > 0) {
                next = next.withoutSlot(number - 1);
            } else {
                next = next.withoutSlot(next.slots().indexOf(0L));
            }
            if (next.exists() == 0) {
                break;
            }
        }
        a.client.view = next;
    }

    /**
     * A FETCH response: for a message the client knows (RFC 3501 §7.4.2), with its UID if given
     * (RFC 3501 §2.3.1.1), its true flags (or, for a message the command itself changes, those
     * it had before), MODSEQ only for a CONDSTORE-aware client (R15) and always for one unless
     * it answers a FETCH that did not ask for it (R16, R18, R20), UID where QRESYNC (R20) or a UID
     * command (RFC 3501 §6.4.8) needs it.
     */
    static void fetch(Answer a, Shape shape, int line, Response.Fetch f) {
        ClientView view = requireView(a, line, "FETCH");
        if (f.messageNumber() > view.exists()) {
            throw a.fail(Rule.rfc("RFC 3501 §7.4.2"), line, "FETCH for message " + f.messageNumber()
                    + ", but the client knows of " + view.exists() + " messages");
        }
        long uid = view.uidAt(f.messageNumber());
        var uidAttribute = f.attribute(FetchAttribute.UidAttribute.class);
        if (uidAttribute.isPresent()) {
            long said = uidAttribute.get().uid().value();
            if (uid == 0) {
                a.client.view = view.withSlotUid((int) f.messageNumber() - 1, said);
                view = a.client.view;
                uid = said;
            } else if (said != uid) {
                throw a.fail(Rule.rfc("RFC 3501 §2.3.1.1"), line, "FETCH gives message " + f.messageNumber() + " UID "
                        + said + ", but it is UID " + uid);
            }
        }
        MailboxTruth mailbox = a.selected();
        boolean modSeqs = mailbox != null && mailbox.hasModSeqs() && !view.noModSeqGiven();
        var modSeq = f.attribute(FetchAttribute.ModSeqAttribute.class);
        var flags = f.attribute(FetchAttribute.Flags.class);
        boolean direct = shape.directReplies().contains(uid);
        if (modSeq.isPresent()) {
            if (a.client.awareness == Client.Awareness.NONE) {
                throw a.fail(Requirement.R15, line, "MODSEQ sent to a client that issued no CONDSTORE enabling command");
            }
            if (!modSeqs && mailbox != null && (view.noModSeqGiven() || Boolean.TRUE.equals(mailbox.noModSeq))) {
                throw a.fail(Rule.rfc("RFC 7162 §3.1.2.2"), line, "MODSEQ for a message of a mailbox without mod-sequences");
            }
            a.client.awareness = Client.Awareness.AWARE;
        } else if (!direct && modSeqs) {
            if (a.client.aware()) {
                throw a.fail(Requirement.R16, line, "a FETCH to a CONDSTORE-aware client must carry MODSEQ, unless it "
                        + "answers a FETCH that did not ask for it");
            }
            if (a.client.awareness == Client.Awareness.MAYBE) {
                a.client.awareness = Client.Awareness.NONE;
            }
        }
        // A FETCH of a message the client is owed an update for may be that update, not a reply.
        LiveMessage owedMessage = mailbox == null || uid == 0 ? null : mailbox.live.get(uid);
        boolean owed = owedMessage != null
                && owedMessage.owes(a.user(), view.told().getOrDefault(uid, 0), owedMessage.changes().size());
        if (uidAttribute.isEmpty()) {
            if (shape.uidRequired().contains(uid) && !owed) {
                throw a.fail(Rule.rfc("RFC 3501 §6.4.8"), line, "a FETCH caused by " + verb(a.command())
                        + " must carry UID");
            }
            if (a.client.qresync && !direct) {
                throw a.fail(Requirement.R20, line, "after ENABLE QRESYNC, a FETCH must carry UID unless it answers a FETCH "
                        + "that asked for neither UID nor MODSEQ");
            }
        }
        if (uid == 0 || view.blind() || mailbox == null) {
            return;
        }
        LiveMessage m = mailbox.live.get(uid);
        if (m == null) {
            return; // expunged and not yet reported: RFC 2180 §4.1 lets a server still answer for it
        }
        Before before = shape.before().get(uid);
        LiveMessage shown = m;
        if (flags.isPresent()) {
            Set<Flag> seen = withoutRecent(flags.get().flags());
            if (!seen.equals(withoutRecent(m.flags(a.user())))) {
                if (before != null && seen.equals(withoutRecent(before.message().flags(a.user())))) {
                    shown = before.message();
                } else {
                    throw a.fail(Rule.rfc("RFC 3501 §7.4.2"), line, "FLAGS " + names(seen) + " of UID " + uid
                            + ", but it has " + names(withoutRecent(m.flags(a.user()))));
                }
            }
            int told = shown == m ? m.changes().size() : before.changes();
            a.client.view = a.client.view.withTold(uid, Math.max(told, a.client.view.told().getOrDefault(uid, 0)));
        }
        if (modSeq.isPresent()) {
            ModSeqChecks.observe(a, line, mailbox, shown, modSeq.get().modSeq().value());
        }
    }

    /** \Recent is session-bound and outside RFC 7162: the judge ignores it. */
    static Set<Flag> withoutRecent(Set<Flag> flags) {
        Set<Flag> out = new TreeSet<>(flags);
        out.remove(Flag.RECENT);
        return out;
    }

    static String names(Set<Flag> flags) {
        return "(" + String.join(" ", new TreeSet<>(flags).stream().map(Flag::name).toList()) + ")";
    }
}
