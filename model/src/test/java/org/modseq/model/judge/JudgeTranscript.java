package org.modseq.model.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/**
 * A history for the judge, written as a checker would record it: most exchanges answered by the
 * model itself ({@link #run}), so that they are right by construction, and the exchange under
 * test answered by hand ({@link #answer}), the way a faulty server would answer it. The model's
 * own answers must pass the judge as they are recorded.
 *
 * <pre>{@code
 * Violation v = JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX")
 *         .answer("A", "a2 NOOP", "* 3 EXISTS", "a2 OK done").violation();
 * }</pre>
 */
final class JudgeTranscript {

    private ServerState state;
    private final ServerSetup setup;
    private final List<Event> events = new ArrayList<>();

    private JudgeTranscript(ServerChoices choices) {
        this.state = ServerState.initial(choices, Map.of("alex", "pw", "bob", "pw"));
        this.setup = ServerSetup.shared(choices.privateFlags());
    }

    static JudgeTranscript rfcDefaults() {
        return new JudgeTranscript(ServerChoices.RFC_DEFAULTS);
    }

    static JudgeTranscript with(ServerChoices choices) {
        return new JudgeTranscript(choices);
    }

    /** Connects {@code connection} and logs in as {@code user} (password "pw"), answered by the model. */
    JudgeTranscript login(String connection, String user) {
        Outcome greeting = Server.connect(state, connection);
        state = greeting.state();
        record(new Event.Connect(connection, greeting.lines()));
        return run(connection, "login-" + connection + " LOGIN " + user + " pw");
    }

    /** A command line answered by the model; the judge must accept the answer. */
    JudgeTranscript run(String connection, String commandLine) {
        CommandParser.Tagged tagged = parse(commandLine);
        Outcome outcome = Server.execute(state, connection, tagged.tag(), tagged.command());
        state = outcome.state();
        record(new Event.Exchange(connection, tagged.tag(), tagged.command(), outcome.lines()));
        Optional<Violation> v = Judge.firstViolation(setup, events);
        if (v.isPresent()) {
            fail("the judge refuses the model's own answer:\n" + v.get().describe());
        }
        return this;
    }

    /** A command line answered with {@code lines}, as the server under test would; the model does not see it. */
    JudgeTranscript answer(String connection, String commandLine, String... lines) {
        CommandParser.Tagged tagged = parse(commandLine);
        record(new Event.Exchange(connection, tagged.tag(), tagged.command(), List.of(lines)));
        return this;
    }

    /** The connection drops, in the model too. */
    JudgeTranscript drop(String connection) {
        state = Server.disconnect(state, connection);
        record(new Event.Drop(connection));
        return this;
    }

    private void record(Event event) {
        events.add(event);
    }

    private static CommandParser.Tagged parse(String commandLine) {
        try {
            return CommandParser.parse(commandLine);
        } catch (CommandSyntaxException e) {
            throw new IllegalArgumentException("bad command line in a test: " + commandLine, e);
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The judge's verdict: the first violation, which the test expects. */
    Violation violation() {
        return Judge.firstViolation(setup, events)
                .orElseThrow(() -> new AssertionError("the judge found no violation in:\n" + transcript()));
    }

    /** Asserts the judge finds nothing wrong. */
    void conforms() {
        Judge.firstViolation(setup, events).ifPresent(v -> fail("unexpected violation:\n" + v.describe()));
    }

    /**
     * Asserts the first violation: its requirement, that it is in the last event, and the
     * offending line (the tagged line when the answer as a whole lacks something).
     */
    Violation expect(Requirement requirement, String line) {
        Violation v = violation();
        assertEquals(Optional.of(requirement), v.rule().requirement(), () -> v.describe());
        assertEquals(events.size() - 1, v.event(), () -> v.describe());
        assertEquals(line, v.lineText(), () -> v.describe());
        return v;
    }

    /** Like {@link #expect(Requirement, String)} for a rule of RFC 3501 or another RFC without an ID. */
    Violation expect(String rule, String line) {
        Violation v = violation();
        assertEquals(rule, v.rule().source(), () -> v.describe());
        assertEquals(events.size() - 1, v.event(), () -> v.describe());
        assertEquals(line, v.lineText(), () -> v.describe());
        return v;
    }

    String transcript() {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append(e.connection()).append(": ").append(e.describe()).append('\n');
            if (e instanceof Event.Exchange x) {
                x.lines().forEach(l -> sb.append("    ").append(l).append('\n'));
            }
        }
        return sb.toString();
    }
}
