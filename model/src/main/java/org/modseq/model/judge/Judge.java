package org.modseq.model.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;

/**
 * Judges what a server answered to a checker: given the history of a run (connections opened
 * and dropped, each command with the server's response lines), it decides whether every
 * response is one that RFC 7162, and RFC 3501 where it bears on it, permits, and otherwise names
 * the first violation: the rule, the event and line, and a one-line reason.
 *
 * <p>The judge accepts every freedom the RFC gives a server (docs/choices.md): it learns the
 * server's mod-sequences and UIDs from what the server says and bounds the unknown ones by the
 * order of changes. What it checks, and what not yet, is listed in docs/judge.md.
 *
 * <p>A judge is a value: {@link #after} returns a new judge and leaves this one as it was. Its
 * knowledge is the true content of every mailbox (the checker is the only client) and what each
 * connection's client has been told. Pure: no I/O.
 */
public final class Judge {

    /** The judge after one event, and the violation that event showed, if any. */
    public record Step(Judge judge, Optional<Violation> violation) {
    }

    private final Knowledge knowledge;
    private final int events;
    private final Violation found;

    private Judge(Knowledge knowledge, int events, Violation found) {
        this.knowledge = knowledge;
        this.events = events;
        this.found = found;
    }

    /** A judge that has seen nothing yet, for a server set up as {@code setup}. */
    public static Judge start(ServerSetup setup) {
        return new Judge(new Knowledge(Objects.requireNonNull(setup, "setup")), 0, null);
    }

    /** The first violation in {@code history}, or empty when the server's every answer is permitted. */
    public static Optional<Violation> firstViolation(ServerSetup setup, List<Event> history) {
        Judge judge = start(setup);
        for (Event event : history) {
            Step step = judge.after(event);
            if (step.violation().isPresent()) {
                return step.violation();
            }
            judge = step.judge();
        }
        return Optional.empty();
    }

    /** The violation found so far, if any; once found, later events are not judged. */
    public Optional<Violation> violation() {
        return Optional.ofNullable(found);
    }

    /**
     * Judges one more event.
     *
     * @throws IllegalArgumentException if the history is malformed: an exchange on a connection
     *     that is not open
     */
    public Step after(Event event) {
        Objects.requireNonNull(event, "event");
        if (found != null) {
            return new Step(this, Optional.of(found));
        }
        Knowledge next = knowledge.copy();
        try {
            switch (event) {
                case Event.Connect c -> connect(next, c);
                case Event.Drop d -> next.clients.remove(d.connection());
                case Event.Exchange x -> exchange(next, x);
            }
        } catch (JudgeFailure failure) {
            return new Step(new Judge(knowledge, events + 1, failure.violation), Optional.of(failure.violation));
        }
        return new Step(new Judge(next, events + 1, null), Optional.empty());
    }

    private void connect(Knowledge next, Event.Connect c) {
        if (next.clients.containsKey(c.connection())) {
            throw new IllegalArgumentException("connection " + c.connection() + " is already open");
        }
        List<Response> greeting = parse(c, c.lines());
        if (greeting.isEmpty() || !(greeting.get(0) instanceof Response.Status s) || s.isTagged()
                || s.condition() == Condition.NO || s.condition() == Condition.BAD) {
            throw new JudgeFailure(new Violation(events, c.connection(), c.describe(), 0,
                    c.lines().isEmpty() ? "" : c.lines().get(0), Rule.rfc("RFC 3501 §7.1"),
                    "the greeting is an untagged OK, PREAUTH or BYE"));
        }
        Client client = new Client(c.connection());
        if (s.condition() == Condition.PREAUTH) {
            client.user = "(preauthenticated)"; // RFC 3501 §7.1.4: authenticated without LOGIN
        }
        next.clients.put(c.connection(), client);
    }

    private void exchange(Knowledge next, Event.Exchange x) {
        Client client = next.clients.get(x.connection());
        if (client == null) {
            throw new IllegalArgumentException("connection " + x.connection() + " is not open");
        }
        List<Response> responses = parse(x, x.lines());
        Answer a = new Answer(next, client, events, x, responses);
        shape(a);
        if (SessionChecks.outOfState(a)) {
            return;
        }
        ClientView viewBefore = client.view;
        Client.Awareness before = SessionChecks.enable(a);
        switch (x.command()) {
            case Command.Capability c -> SessionChecks.updatePoint(a);
            case Command.Noop c -> SessionChecks.updatePoint(a);
            case Command.Check c -> SessionChecks.updatePoint(a);
            case Command.Idle c -> SessionChecks.updatePoint(a);
            case Command.Logout c -> SessionChecks.logout(a);
            case Command.Login c -> SessionChecks.login(a, c);
            case Command.Authenticate c -> SessionChecks.authenticate(a, c);
            // Mailbox listing and server identity say nothing of mod-sequences: updates may come (RFC 3501 §7).
            case Command.ListMailboxes c -> SessionChecks.updatePoint(a);
            case Command.Subscribe c -> SessionChecks.updatePoint(a);
            case Command.Unsubscribe c -> SessionChecks.updatePoint(a);
            case Command.Namespace c -> SessionChecks.updatePoint(a);
            case Command.Id c -> SessionChecks.updatePoint(a);
            case Command.Enable c -> SessionChecks.enableCommand(a, c);
            case Command.Select c -> SelectChecks.select(a, c);
            case Command.Close c -> SelectChecks.close(a);
            case Command.Unselect c -> SelectChecks.unselect(a);
            case Command.Status c -> MailboxChecks.status(a, c);
            case Command.Append c -> MailboxChecks.append(a, c);
            case Command.Create c -> MailboxChecks.create(a, c);
            case Command.Delete c -> MailboxChecks.delete(a, c);
            case Command.Rename c -> MailboxChecks.rename(a, c);
            case Command.Copy c -> MailboxChecks.copy(a, c.uid(), c.set(), c.mailbox(), false);
            case Command.Move c -> MailboxChecks.copy(a, c.uid(), c.set(), c.mailbox(), true);
            case Command.Fetch c -> FetchChecks.fetch(a, c);
            case Command.Store c -> StoreChecks.store(a, c);
            case Command.Search c -> SearchChecks.search(a, c);
            case Command.Expunge c -> ExpungeChecks.expunge(a, null);
            case Command.UidExpunge c -> ExpungeChecks.expunge(a, c.set());
        }
        SessionChecks.firstEnablingReports(a, before, viewBefore);
        if (a.taggedCode().orElse(null) instanceof ResponseCode.HighestModSeq h && !(x.command() instanceof Command.Select)
                && !(x.command() instanceof Command.Close)) {
            ModSeqChecks.guard(a, a.taggedLine(), h.modSeq().value()); // R96: a tagged HIGHESTMODSEQ is safe too
        }
    }

    /** Every line must parse (RFC 3501 §9, RFC 7162 §7). */
    private List<Response> parse(Event event, List<String> lines) {
        List<Response> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                out.add(ResponseParser.parse(lines.get(i)));
            } catch (ResponseSyntaxException e) {
                Rule rule = e.requirement().map(Rule::of).orElse(Rule.rfc("RFC 3501 §9"));
                throw new JudgeFailure(new Violation(events, event.connection(), event.describe(), i, lines.get(i), rule,
                        e.getMessage()));
            }
        }
        return out;
    }

    /**
     * RFC 3501 §2.2.2, §7.5: one tagged response, last, with the command's tag; a continuation
     * only where the command waits for one (IDLE, a synchronizing literal).
     */
    private static void shape(Answer a) {
        List<Response> responses = a.responses;
        if (responses.isEmpty() || !(responses.get(responses.size() - 1) instanceof Response.Status last)
                || !last.isTagged()) {
            throw a.fail(Rule.rfc("RFC 3501 §2.2.2"), responses.size() - 1, "the exchange does not end with a tagged response");
        }
        if (!last.tag().orElseThrow().equals(a.exchange.tag())) {
            throw a.fail(Rule.rfc("RFC 3501 §2.2.2"), a.taggedLine(), "the tagged response carries tag "
                    + last.tag().orElseThrow() + ", not the command's " + a.exchange.tag());
        }
        boolean waits = a.command() instanceof Command.Idle || a.command().toWire().matches("(?s).*\\{\\d+}\r\n.*");
        for (int i = 0; i < a.taggedLine(); i++) {
            Response r = responses.get(i);
            if (r instanceof Response.Status s && s.isTagged()) {
                throw a.fail(Rule.rfc("RFC 3501 §2.2.2"), i, "a tagged response before the end of the exchange");
            }
            if (r instanceof Response.Continuation && !waits) {
                throw a.fail(Rule.rfc("RFC 3501 §7.5"), i, "a continuation request, but " + UpdateChecks.verb(a.command())
                        + " waits for none");
            }
        }
    }
}
