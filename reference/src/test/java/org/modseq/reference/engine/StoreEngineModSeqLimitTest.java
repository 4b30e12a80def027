package org.modseq.reference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.Response;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/**
 * R1 in the store engine: a command that needs a mod-sequence above 2^63-1 is refused whole with
 * {@code NO [LIMIT]}, exactly as the model refuses it, and changes nothing: no flag, no message,
 * no expunge, no session state, nothing owed to another session. Each case starts both the store
 * engine and the model from the same mailboxes near the top of the range (messages put straight
 * into the store, since no client could make 2^63 changes) and compares every response.
 */
class StoreEngineModSeqLimitTest {

    private static final long MAX = Long.MAX_VALUE;
    private static final String LIMIT = "NO [LIMIT] Mod-sequence space of this mailbox is exhausted";

    /** The store engine and the model's state, with the same mailboxes and the same sessions. */
    private static final class Both {
        private final StoreEngine store;
        private ServerState model;
        private final Map<String, Connection> connections = new HashMap<>();

        Both(ServerChoices choices) {
            Map<String, String> passwords = Map.of("alex", "pw", "bob", "pw");
            store = StoreEngine.create(choices, passwords);
            model = ServerState.initial(choices, passwords);
        }

        /** A message put straight into {@code mailbox} at {@code modSeq}, as if appended then. */
        Both message(String mailbox, long modSeq, Flag... flags) {
            // A session of nobody in particular: the shared namespace is everyone's.
            store.mailbox(new StoreSession("fixture"), mailbox).append(Set.of(flags), "alex",
                    "Subject: m\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1), InternalDate.EPOCH, modSeq);
            Mailbox m = model.mailbox(mailbox).orElseThrow();
            model = model.withMailbox(m.withAdded(Message.added(Uid.of(m.uidNext()), ModSeq.of(modSeq), Set.of(flags),
                    "alex", Set.of(), "Subject: m\r\n\r\nbody\r\n", InternalDate.EPOCH)));
            return this;
        }

        /** Session {@code id} connects and logs in as {@code user}. */
        Both login(String id, String user) {
            Outcome greeting = Server.connect(model, id);
            model = greeting.state();
            connections.put(id, store.open());
            send(id, "l" + id + " LOGIN " + user + " pw");
            return this;
        }

        /** Sends one command line from session {@code id} to both; the answers must be the same. */
        List<String> send(String id, String line) {
            CommandParser.Tagged parsed;
            try {
                parsed = CommandParser.parse(line);
            } catch (CommandSyntaxException e) {
                throw new AssertionError(line, e);
            }
            Outcome outcome = Server.execute(model, id, parsed.tag(), parsed.command());
            model = outcome.state();
            List<String> expected = wire(outcome.responses());
            List<String> actual = wire(connections.get(id).execute(parsed.tag(), parsed.command()));
            assertEquals(expected, actual, "store engine vs model for " + id + ": " + line);
            return actual;
        }

        private static List<String> wire(List<Response> responses) {
            List<String> lines = new ArrayList<>();
            responses.forEach(r -> lines.add(r.toWire()));
            return lines;
        }
    }

    private static ServerChoices choices(String preset) {
        return preset.equals("hardest") ? ServerChoices.HARDEST_ON_CLIENTS : ServerChoices.RFC_DEFAULTS;
    }

    @Test
    void r1_storeAtTheLargestModSeqIsRefusedAsTheModelRefusesIt() {
        Both both = new Both(ServerChoices.RFC_DEFAULTS).message("INBOX", MAX).login("A", "alex");
        both.send("A", "a1 SELECT INBOX (CONDSTORE)");
        assertEquals(List.of("a2 " + LIMIT), both.send("A", "a2 STORE 1 +FLAGS (\\Seen)"));
        assertEquals(List.of("a3 " + LIMIT), both.send("A", "a3 APPEND INBOX {1}\r\nx"));
        assertEquals(List.of("* 1 FETCH (FLAGS () MODSEQ (9223372036854775807))", "a4 OK FETCH completed"),
                both.send("A", "a4 FETCH 1 (FLAGS)"));
    }

    /**
     * Per-message granularity needs one value for each changed message: with two left, a STORE
     * over three messages changes none of them, and one over two takes the last two values.
     */
    @ParameterizedTest
    @ValueSource(strings = {"rfc-defaults", "hardest"})
    void r1_aStoreOverMoreMessagesThanValuesLeftChangesNothing(String preset) {
        Both both = new Both(choices(preset)).message("INBOX", MAX - 4).message("INBOX", MAX - 3)
                .message("INBOX", MAX - 2).login("A", "alex").login("B", "alex");
        both.send("A", "a1 SELECT INBOX (CONDSTORE)");
        both.send("B", "b1 SELECT INBOX (CONDSTORE)");
        List<String> store = both.send("A", "a2 STORE 1:3 +FLAGS (\\Seen)");
        if (preset.equals("hardest")) {
            assertEquals(List.of("a2 " + LIMIT), store);
            assertEquals(List.of("* 1 FETCH (FLAGS () MODSEQ (9223372036854775803))",
                    "* 2 FETCH (FLAGS () MODSEQ (9223372036854775804))",
                    "* 3 FETCH (FLAGS () MODSEQ (9223372036854775805))", "a3 OK FETCH completed"),
                    both.send("A", "a3 FETCH 1:3 (FLAGS)"));
            assertEquals(List.of("b2 OK NOOP completed"), both.send("B", "b2 NOOP"));
            assertEquals("a4 OK STORE completed", both.send("A", "a4 STORE 2:3 +FLAGS (\\Seen)").getLast());
            assertEquals(List.of("* STATUS INBOX (HIGHESTMODSEQ 9223372036854775807)", "a5 OK STATUS completed"),
                    both.send("A", "a5 STATUS INBOX (HIGHESTMODSEQ)"));
        } else {
            // One value for the whole command (PER_COMMAND): it fits.
            assertEquals("a2 OK STORE completed", store.getLast());
        }
        both.send("B", "b3 NOOP");
        both.send("A", "a6 FETCH 1:3 (FLAGS MODSEQ)");
    }

    /** The refused STORE's UNCHANGEDSINCE does not make the session CONDSTORE-aware either (R15, R43). */
    @Test
    void r1_aRefusedConditionalStoreLeavesTheSessionAsItWas() {
        Both both = new Both(ServerChoices.HARDEST_ON_CLIENTS).message("INBOX", MAX - 1).message("INBOX", MAX - 1)
                .login("A", "alex");
        both.send("A", "a1 SELECT INBOX");
        assertEquals(List.of("a2 " + LIMIT),
                both.send("A", "a2 STORE 1:2 (UNCHANGEDSINCE 9223372036854775807) +FLAGS (\\Flagged)"));
        assertEquals(List.of("* 1 FETCH (FLAGS ())", "a3 OK FETCH completed"), both.send("A", "a3 FETCH 1 (FLAGS)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rfc-defaults", "hardest"})
    void r1_expungesAtTheLargestModSeqAreRefusedAndTheMailboxStaysSelected(String preset) {
        Both both = new Both(choices(preset)).message("INBOX", MAX, Flag.DELETED).login("A", "alex")
                .login("B", "bob");
        both.send("A", "a1 CREATE Archive");
        both.send("A", "a2 SELECT INBOX (CONDSTORE)");
        both.send("B", "b1 SELECT INBOX");
        assertEquals(List.of("a3 " + LIMIT), both.send("A", "a3 EXPUNGE"));
        assertEquals(List.of("a4 " + LIMIT), both.send("A", "a4 UID EXPUNGE 1"));
        assertEquals(List.of("a5 " + LIMIT), both.send("A", "a5 MOVE 1 Archive"));
        assertEquals(List.of("a6 " + LIMIT), both.send("A", "a6 CLOSE"));
        // Still selected, the message still there, Archive still empty, nothing owed to B.
        assertEquals(List.of("* 1 FETCH (FLAGS (\\Deleted) MODSEQ (9223372036854775807))", "a7 OK FETCH completed"),
                both.send("A", "a7 FETCH 1 (FLAGS)"));
        both.send("A", "a8 STATUS Archive (MESSAGES UIDNEXT HIGHESTMODSEQ)");
        assertEquals("b2 OK NOOP completed", both.send("B", "b2 NOOP").getFirst());
        // Nothing to expunge needs no mod-sequence; UNSELECT leaves as CLOSE could not.
        assertEquals("a9 OK UID EXPUNGE completed", both.send("A", "a9 UID EXPUNGE 2").getLast());
        assertEquals(List.of("a10 OK UNSELECT completed"), both.send("A", "a10 UNSELECT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rfc-defaults", "hardest"})
    void r1_copiesNeedValuesInTheTargetOnly(String preset) {
        Both both = new Both(choices(preset)).message("INBOX", MAX - 2).message("INBOX", MAX - 1)
                .login("A", "alex");
        both.send("A", "a1 CREATE Archive");
        both.send("A", "a2 SELECT INBOX");
        // Into INBOX itself: one value (PER_COMMAND) fits, two (PER_MESSAGE) do not.
        both.send("A", "a3 COPY 1:2 INBOX");
        // Into a fresh mailbox: plenty of values there.
        assertEquals("a4 OK [COPYUID 2 1:2 1:2] COPY completed", both.send("A", "a4 COPY 1:2 Archive").getLast());
        both.send("A", "a5 STATUS Archive (MESSAGES HIGHESTMODSEQ)");
        both.send("A", "a6 STATUS INBOX (MESSAGES UIDNEXT HIGHESTMODSEQ)");
    }

    @Test
    void r1_aCopyIntoAnExhaustedMailboxIsRefused() {
        Both both = new Both(ServerChoices.RFC_DEFAULTS).message("INBOX", 5).login("A", "alex");
        both.send("A", "a1 CREATE Archive");
        both.message("Archive", MAX);
        both.send("A", "a2 SELECT INBOX (CONDSTORE)");
        assertEquals(List.of("a3 " + LIMIT), both.send("A", "a3 COPY 1 Archive"));
        assertEquals(List.of("a4 " + LIMIT), both.send("A", "a4 MOVE 1 Archive"));
        assertEquals(List.of("* STATUS Archive (MESSAGES 1 UIDNEXT 2)", "a5 OK STATUS completed"),
                both.send("A", "a5 STATUS Archive (MESSAGES UIDNEXT)"));
        assertEquals(List.of("* 1 FETCH (FLAGS () MODSEQ (5))", "a6 OK FETCH completed"),
                both.send("A", "a6 FETCH 1 (FLAGS)"));
    }

    /** An implicit {@code \Seen} is a change (R5, R20); BODY.PEEK[] and EXAMINE make none. */
    @ParameterizedTest
    @ValueSource(strings = {"rfc-defaults", "hardest"})
    void r1_fetchingABodyThatWouldSetSeenIsRefused(String preset) {
        Both both = new Both(choices(preset)).message("INBOX", MAX - 1).message("INBOX", MAX - 1)
                .message("INBOX", MAX - 1, Flag.SEEN).login("A", "alex");
        both.send("A", "a1 SELECT INBOX");
        List<String> fetch = both.send("A", "a2 FETCH 1:3 (BODY[])");
        assertEquals(preset.equals("hardest") ? "a2 " + LIMIT : "a2 OK FETCH completed", fetch.getLast());
        both.send("A", "a3 FETCH 1:3 (FLAGS MODSEQ)");
        both.send("A", "a4 FETCH 1:3 (BODY.PEEK[])");
        both.send("A", "a5 EXAMINE INBOX");
        assertEquals("a6 OK FETCH completed", both.send("A", "a6 FETCH 1:3 (BODY[])").getLast());
    }
}
