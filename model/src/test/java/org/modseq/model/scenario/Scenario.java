package org.modseq.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.server.Environment;
import org.modseq.model.server.Invariants;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/**
 * A scripted history against the model, written as the RFC writes its examples: sessions send
 * command lines ({@code "a1 SELECT INBOX (CONDSTORE)"}) and the test states the responses it
 * expects. Every step is checked against {@link Invariants}.
 *
 * <pre>{@code
 * Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5)).login("A", "alex");
 * s.send("A", "a1 SELECT INBOX (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 5] Highest mod-sequence");
 * }</pre>
 */
public final class Scenario {

    private ServerState state;
    private Environment environment = Environment.FIXED;
    private final Map<String, String> users = new LinkedHashMap<>();

    private Scenario(ServerState state) {
        this.state = state;
    }

    public static Scenario rfcDefaults() {
        return with(ServerChoices.RFC_DEFAULTS);
    }

    /** A server with the given choices, users alex, andrew and bob (password "pw") and an empty INBOX. */
    public static Scenario with(ServerChoices choices) {
        return new Scenario(ServerState.initial(choices, Map.of("alex", "pw", "andrew", "pw", "bob", "pw")));
    }

    /** Puts a mailbox in the given state, replacing one of the same name. */
    public Scenario with(MailboxFixture fixture) {
        Mailbox mailbox = fixture.build();
        state = state.withMailbox(mailbox);
        if (state.nextUidValidity() <= mailbox.uidValidity().value()) {
            state = new ServerState(state.choices(), state.passwords(), state.mailboxes(), state.sessions(),
                    mailbox.uidValidity().value() + 1, state.subscriptions());
        }
        return this;
    }

    /** Connects session {@code id} and logs in as {@code user}. */
    public Scenario login(String id, String user) {
        Outcome greeting = Server.connect(state, id);
        state = greeting.state();
        send(id, "login-" + id + " LOGIN " + user + " pw").taggedOk();
        return this;
    }

    /** Connects session {@code id} without logging in. */
    public Scenario connect(String id) {
        state = Server.connect(state, id).state();
        return this;
    }

    public ServerState state() {
        return state;
    }

    /**
     * Commands from now on arrive at {@code time}: the internal date of messages APPENDed without
     * date-time. Until this is called they arrive at the Unix epoch ({@link Environment#FIXED}).
     */
    public Scenario receivedAt(InternalDate time) {
        environment = environment.at(time);
        return this;
    }

    public Mailbox mailbox(String name) {
        return state.mailbox(name).orElseThrow();
    }

    /** Sends one tagged command line for session {@code id}; the line must parse. */
    public Exchange send(String id, String line) {
        CommandParser.Tagged parsed;
        try {
            parsed = CommandParser.parse(line);
        } catch (CommandSyntaxException e) {
            throw new AssertionError("the test's command does not parse: " + line + ": " + e.getMessage(), e);
        }
        return send(id, parsed.tag(), parsed.command());
    }

    public Exchange send(String id, String tag, Command command) {
        ServerState before = state;
        Outcome outcome = Server.execute(before, id, tag, command, environment);
        Invariants.check(before, id, outcome);
        state = outcome.state();
        return new Exchange(tag + " " + command.toWire(), outcome.lines());
    }

    /**
     * Sends the client's line after a continuation request that ended session {@code id}'s last
     * exchange, as an AUTHENTICATE response (RFC 3501 §6.2.2).
     */
    public Exchange continueWith(String id, String line) {
        ServerState before = state;
        Outcome outcome = Server.continueCommand(before, id, line);
        Invariants.check(before, id, outcome);
        state = outcome.state();
        return new Exchange("(continuation) " + line, outcome.lines());
    }

    /** The responses of one command, with assertions that read like the RFC's S: lines. */
    public static final class Exchange {
        private final String command;
        private final List<String> lines;

        Exchange(String command, List<String> lines) {
            this.command = command;
            this.lines = List.copyOf(lines);
        }

        public List<String> lines() {
            return lines;
        }

        public String tagged() {
            return lines.get(lines.size() - 1);
        }

        /** Exactly these responses, in this order. */
        public Exchange is(String... expected) {
            assertEquals(String.join("\n", expected), String.join("\n", lines), "responses to " + command);
            return this;
        }

        /** These responses appear in this order, possibly with others between them. */
        public Exchange contains(String... expected) {
            int at = 0;
            for (String line : lines) {
                if (at < expected.length && line.equals(expected[at])) {
                    at++;
                }
            }
            if (at < expected.length) {
                fail("responses to " + command + " lack, in order, \"" + expected[at] + "\"; they were:\n"
                        + String.join("\n", lines));
            }
            return this;
        }

        /** None of the responses starts with {@code prefix}. */
        public Exchange lacks(String prefix) {
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    fail("responses to " + command + " include \"" + line + "\"; they were:\n" + String.join("\n", lines));
                }
            }
            return this;
        }

        /** The untagged responses that start with {@code prefix}, in order. */
        public List<String> starting(String prefix) {
            List<String> out = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    out.add(line);
                }
            }
            return out;
        }

        /** The tagged response is exactly {@code expected} after its tag, e.g. {@code "OK [MODIFIED 7,9] ..."}. */
        public Exchange tagged(String expected) {
            String t = tagged();
            assertEquals(expected, t.substring(t.indexOf(' ') + 1), "tagged response to " + command);
            return this;
        }

        public Exchange taggedOk() {
            return taggedStarts("OK");
        }

        public Exchange taggedBad() {
            return taggedStarts("BAD");
        }

        public Exchange taggedNo() {
            return taggedStarts("NO");
        }

        public Exchange taggedStarts(String prefix) {
            String t = tagged();
            String rest = t.substring(t.indexOf(' ') + 1);
            if (!rest.startsWith(prefix)) {
                fail("tagged response to " + command + " is \"" + t + "\", expected it to start with " + prefix
                        + "; all responses:\n" + String.join("\n", lines));
            }
            return this;
        }
    }
}
