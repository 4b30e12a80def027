package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.mailbox.ExpungeHistory;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.KnownMessage;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;

/**
 * The model's invariants, as code: what holds in every state ({@link #ofState}) and across
 * every transition ({@link #ofTransition}). Tests run both after every step of every history.
 * Each returns the violations found, as readable sentences citing the rule; an empty list means
 * the invariant holds.
 */
public final class Invariants {

    private Invariants() {
    }

    /** Throws IllegalStateException listing every violation of {@link #ofState} and {@link #ofTransition}. */
    public static void check(ServerState before, String sessionId, Outcome outcome) {
        List<String> problems = new ArrayList<>(ofState(outcome.state()));
        problems.addAll(ofTransition(before, sessionId, outcome));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invariant violated:\n  " + String.join("\n  ", problems));
        }
    }

    /** What every state satisfies. */
    public static List<String> ofState(ServerState state) {
        List<String> problems = new ArrayList<>();
        for (Mailbox mailbox : state.mailboxes().values()) {
            String name = mailbox.name();
            if (!mailbox.highestModSeq().isPositive()) {
                problems.add(name + ": HIGHESTMODSEQ below 1 (R31)");
            }
            ExpungeHistory history = mailbox.expunged();
            for (Message m : mailbox.messages()) {
                if (m.highestModSeq().isAfter(mailbox.highestModSeq())) {
                    problems.add(name + ": message " + m.uid() + " has MODSEQ above HIGHESTMODSEQ (R25)");
                }
                if (m.uid().value() >= mailbox.uidNext()) {
                    problems.add(name + ": UID " + m.uid() + " not below UIDNEXT");
                }
                if (history.remembers(m.uid())) {
                    problems.add(name + ": live UID " + m.uid() + " is in the expunge history");
                }
            }
            if (history.lastExpunge().isAfter(mailbox.highestModSeq())) {
                problems.add(name + ": an expunge has a mod-sequence above HIGHESTMODSEQ (R25, R91)");
            }
        }
        for (Session session : state.sessionsInOrder()) {
            if (session.selected().isEmpty()) {
                continue;
            }
            SelectedMailbox view = session.selected().get();
            Mailbox mailbox = state.mailbox(view.mailbox()).orElse(null);
            if (mailbox == null) {
                problems.add("session " + session.id() + " has a mailbox selected that does not exist");
                continue;
            }
            problems.addAll(ofView(session, view, mailbox));
        }
        return problems;
    }

    /** Each session's view is consistent with what it was told and with the mailbox. */
    private static List<String> ofView(Session session, SelectedMailbox view, Mailbox mailbox) {
        List<String> problems = new ArrayList<>();
        String who = "session " + session.id() + ": ";
        for (int i = 0; i < view.view().size(); i++) {
            Uid uid = view.view().get(i);
            if (i > 0 && uid.compareTo(view.view().get(i - 1)) <= 0) {
                problems.add(who + "message numbers out of UID order at " + uid);
            }
            if (uid.value() > view.announcedUpTo() || uid.value() >= mailbox.uidNext()) {
                problems.add(who + "view holds UID " + uid + " never announced");
            }
            KnownMessage known = view.known().get(uid);
            Message m = mailbox.message(uid).orElse(null);
            if (known == null) {
                problems.add(who + "nothing known of UID " + uid);
            } else if (m != null && known.modSeq().isAfter(m.modSeqFor(session.userName()))) {
                problems.add(who + "knows a MODSEQ of " + uid + " above the message's own");
            }
        }
        for (Message m : mailbox.messages()) {
            if (m.uid().value() <= view.announcedUpTo() && view.messageNumber(m.uid()).isEmpty()) {
                problems.add(who + "live UID " + m.uid() + " was announced but is missing from the view");
            }
        }
        return problems;
    }

    /**
     * What every transition satisfies: mod-sequences and UIDNEXT never go back, a changed message
     * gets a mod-sequence no message had before (R2, R3, R4, R7), an expunged UID never returns,
     * VANISHED never names a live message (R80, R85), and the exchange ends with one tagged response,
     * or with a continuation request when it awaits the client's line.
     */
    public static List<String> ofTransition(ServerState before, String sessionId, Outcome outcome) {
        List<String> problems = new ArrayList<>();
        ServerState after = outcome.state();
        for (Mailbox now : after.mailboxes().values()) {
            Mailbox then = before.mailbox(now.name()).orElse(null);
            if (then == null || !then.uidValidity().equals(now.uidValidity())) {
                continue;
            }
            String name = now.name();
            if (now.highestModSeq().compareTo(then.highestModSeq()) < 0) {
                problems.add(name + ": HIGHESTMODSEQ went down from " + then.highestModSeq() + " to " + now.highestModSeq());
            }
            if (now.uidNext() < then.uidNext()) {
                problems.add(name + ": UIDNEXT went down");
            }
            for (Message m : now.messages()) {
                Message old = then.message(m.uid()).orElse(null);
                if (old == null && m.uid().value() < then.uidNext()) {
                    problems.add(name + ": UID " + m.uid() + " came back after it was expunged");
                }
                boolean changed = old == null || !old.highestModSeq().equals(m.highestModSeq());
                if (changed && !m.highestModSeq().isAfter(then.highestModSeq())) {
                    problems.add(name + ": UID " + m.uid() + " changed without a new mod-sequence (R2, R4, R7)");
                }
            }
        }
        List<Response> responses = outcome.responses();
        int tagged = 0;
        for (Response r : responses) {
            if (r instanceof Response.Status s && s.isTagged()) {
                tagged++;
            }
        }
        boolean loggedOut = after.session(sessionId).isEmpty();
        boolean awaiting = after.session(sessionId).map(s -> s.authenticating().isPresent()).orElse(false);
        if (awaiting) {
            if (tagged != 0 || responses.isEmpty() || !(responses.getLast() instanceof Response.Continuation)) {
                problems.add("an exchange that awaits the client's line must end with a continuation request");
            }
        } else if (tagged != 1 && !(loggedOut && tagged == 0)) {
            problems.add("the exchange has " + tagged + " tagged responses");
        }
        Session session = after.session(sessionId).orElse(null);
        Session was = before.session(sessionId).orElse(null);
        Mailbox selected = session == null ? null : Server.selected(after, session);
        for (Response r : responses) {
            if (r instanceof Response.Vanished v && selected != null) {
                for (long uid : v.uids()) {
                    if (selected.contains(Uid.of(uid))) {
                        problems.add("VANISHED names live UID " + uid + " (R80, R85)");
                    }
                    boolean told = was != null && was.selected().map(s -> s.messageNumber(Uid.of(uid)).isPresent())
                            .orElse(false);
                    if (!v.earlier() && !told) {
                        problems.add("VANISHED without EARLIER names UID " + uid + " the client never saw (R85)");
                    }
                }
            }
            if (r instanceof Response.Status s && s.code().orElse(null) instanceof ResponseCode.HighestModSeq h
                    && selected != null && h.modSeq().isAfter(selected.highestModSeq())) {
                problems.add("HIGHESTMODSEQ " + h.modSeq() + " is above the mailbox's " + selected.highestModSeq());
            }
            if (r instanceof Response.Fetch f && session != null && !session.condstore()
                    && f.attribute(FetchAttribute.ModSeqAttribute.class).isPresent()) {
                problems.add("MODSEQ sent to a client that never enabled CONDSTORE");
            }
        }
        return problems;
    }
}
