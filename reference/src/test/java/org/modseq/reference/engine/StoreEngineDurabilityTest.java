package org.modseq.reference.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.journal.DataDirectoryException;
import org.modseq.reference.journal.Journal;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ImapTestClient;
import org.modseq.reference.net.ServerConfig;

/**
 * The store engine on a data directory: what it acknowledged is there after a restart, exactly
 * as it was (UIDs, flags, mod-sequences, expunge history, octets), a torn tail is cut off, damage
 * in the middle is refused or, on request, salvaged under new UIDVALIDITYs (R97).
 */
class StoreEngineDurabilityTest {

    private static final Map<String, String> ACCOUNTS = Map.of("alice", "pw", "bob", "pw");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    static Stream<ServerChoices> choices() {
        ServerChoices d = ServerChoices.RFC_DEFAULTS;
        ServerChoices privateSeen = new ServerChoices(d.modSeqOnEverySelect(), d.modSeqGranularity(),
                d.conflictDetection(), d.noOpStoreBumpsModSeq(), d.unchangedSinceZero(), d.storeOnExpunged(),
                d.expungeHistoryBound(), d.updateDelivery(), d.fetchForFailedStore(), d.uidInCondstoreFetch(),
                d.highestModSeqAfterExpunge(), d.zeroModSeqArgument(), Set.of(Flag.SEEN, Flag.of("$Mine")), Set.of());
        return Stream.of(d, ServerChoices.HARDEST_ON_CLIENTS, privateSeen);
    }

    private StoreEngine open(ServerChoices choices) throws DataDirectoryException {
        return StoreEngine.open(choices, ACCOUNTS, NamespaceMode.PER_USER, dir, false, log);
    }

    /** Changes of every kind, by two users, with the mailbox selected elsewhere meanwhile. */
    private static void changeEverything(StoreEngine engine) {
        LineClient alice = LineClient.of(engine, "alice");
        LineClient watcher = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        alice.send("e ENABLE QRESYNC");
        watcher.send("e ENABLE QRESYNC");
        watcher.send("w SELECT INBOX");
        for (int i = 1; i <= 6; i++) {
            String body = "Subject: message " + i + "\r\n\r\nbody " + i + "\r\n";
            alice.send("a" + i + " APPEND INBOX (\\Seen $Mine) {" + body.length() + "+}\r\n" + body);
        }
        alice.send("c1 CREATE Archive");
        alice.send("c2 CREATE Old/Nested");
        alice.send("c3 SUBSCRIBE Archive");
        alice.send("s0 SELECT INBOX");
        alice.send("s1 STORE 1:3 +FLAGS (\\Flagged)");
        alice.send("s2 UID STORE 2 (UNCHANGEDSINCE 100) -FLAGS (\\Seen)");
        alice.send("s3 FETCH 5 BODY[]"); // marks \Seen implicitly
        alice.send("s4 STORE 4 +FLAGS (\\Deleted)");
        alice.send("s5 EXPUNGE");
        alice.send("s6 UID COPY 1:2 Archive");
        alice.send("s7 UID MOVE 3 Archive");
        alice.send("s8 STORE 1 -FLAGS ($Mine)");
        alice.send("r1 RENAME Old Newer");
        alice.send("c4 CREATE Doomed");
        alice.send("c5 DELETE Doomed");
        alice.send("c6 CREATE Doomed");
        watcher.send("w2 NOOP");
        bob.send("b1 APPEND INBOX {2+}\r\nhi");
        bob.send("b2 SUBSCRIBE INBOX");
    }

    /** What a client can learn of both accounts: everything the restart must keep. */
    private static List<String> everythingVisible(StoreEngine engine) {
        List<String> seen = new ArrayList<>();
        for (String user : List.of("alice", "bob")) {
            LineClient c = LineClient.of(engine, user);
            seen.addAll(c.send("e ENABLE QRESYNC"));
            seen.addAll(c.send("l LIST \"\" *"));
            seen.addAll(c.send("l LSUB \"\" *"));
            for (String mailbox : List.of("INBOX", "Archive", "Newer/Nested", "Doomed")) {
                seen.addAll(c.send("s STATUS " + mailbox + " (MESSAGES UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ)"));
                seen.addAll(c.send("x SELECT " + mailbox + " (QRESYNC (1 1))"));
                seen.addAll(c.send("f UID FETCH 1:* (FLAGS MODSEQ INTERNALDATE RFC822.SIZE BODY.PEEK[])"));
                seen.addAll(c.send("v UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)"));
            }
        }
        return seen;
    }

    @ParameterizedTest
    @MethodSource("choices")
    void aRestartFindsEveryChangeExactlyAsItWas(ServerChoices choices) throws Exception {
        StoreEngine first = open(choices);
        assertTrue(first.startedEmpty());
        changeEverything(first);
        List<String> before = everythingVisible(first);
        first.close();

        StoreEngine second = open(choices);
        assertFalse(second.startedEmpty());
        assertEquals(before, everythingVisible(second));
        // And changes go on from where they were: new UIDs and mod-sequences above the old ones.
        LineClient alice = LineClient.of(second, "alice");
        assertEquals("a OK [APPENDUID 1 7] APPEND completed", alice.send("a APPEND INBOX {1+}\r\nx").getLast());
        List<String> afterMore = everythingVisible(second);
        second.close();
        StoreEngine third = open(choices);
        assertEquals(afterMore, everythingVisible(third));
        third.close();
    }

    @Test
    void aTornTailIsCutOffWithALogLine() throws Exception {
        StoreEngine first = open(ServerChoices.RFC_DEFAULTS);
        LineClient alice = LineClient.of(first, "alice");
        alice.send("a1 APPEND INBOX {5+}\r\nfirst");
        List<String> before = everythingVisible(first);
        alice.send("a2 APPEND INBOX {6+}\r\nsecond");
        first.close();
        Path journal = dir.resolve(Journal.FILE_NAME);
        byte[] octets = Files.readAllBytes(journal);
        // The last record, the second APPEND, as a crash may leave it: cut short.
        Files.write(journal, java.util.Arrays.copyOf(octets, octets.length - 3));

        StoreEngine second = open(ServerChoices.RFC_DEFAULTS);
        assertEquals(before, everythingVisible(second));
        assertTrue(logged.toString().contains("cut off a torn tail of "), logged.toString());
        second.close();
    }

    @Test
    void garbageAfterTheLastRecordIsATornTailToo() throws Exception {
        StoreEngine first = open(ServerChoices.RFC_DEFAULTS);
        LineClient.of(first, "alice").send("a1 APPEND INBOX {5+}\r\nfirst");
        List<String> before = everythingVisible(first);
        first.close();
        Path journal = dir.resolve(Journal.FILE_NAME);
        Files.write(journal, new byte[4096], java.nio.file.StandardOpenOption.APPEND); // zeros, as a crash may leave

        StoreEngine second = open(ServerChoices.RFC_DEFAULTS);
        assertEquals(before, everythingVisible(second));
        assertTrue(logged.toString().contains("cut off a torn tail of 4096 octets"), logged.toString());
        second.close();
    }

    private long corruptTheMiddle() throws Exception {
        StoreEngine first = open(ServerChoices.RFC_DEFAULTS);
        changeEverything(first);
        first.close();
        Path journal = dir.resolve(Journal.FILE_NAME);
        byte[] octets = Files.readAllBytes(journal);
        int at = octets.length / 2;
        octets[at] ^= 0x5a;
        Files.write(journal, octets);
        return at;
    }

    @Test
    void damageInTheMiddleIsRefusedNamingTheFileAndOffset() throws Exception {
        corruptTheMiddle();
        DataDirectoryException refused = assertThrows(DataDirectoryException.class,
                () -> open(ServerChoices.RFC_DEFAULTS));
        String message = refused.getMessage();
        assertTrue(message.startsWith(dir.resolve(Journal.FILE_NAME) + ": the record at offset "), message);
        assertTrue(message.contains("good records follow it; refusing to start"), message);
        // Refusing changed nothing: a second attempt refuses alike.
        assertEquals(message, assertThrows(DataDirectoryException.class, () -> open(ServerChoices.RFC_DEFAULTS))
                .getMessage());
    }

    @Test
    void salvagingGivesEveryMailboxANewUidValidityAndSaysWhy() throws Exception {
        corruptTheMiddle();
        StoreEngine salvaged = StoreEngine.open(ServerChoices.RFC_DEFAULTS, ACCOUNTS, NamespaceMode.PER_USER, dir, true,
                log);
        assertTrue(logged.toString().contains("because the journal was damaged"), logged.toString());
        assertTrue(logged.toString().contains("R97"), logged.toString());
        assertTrue(Files.exists(dir.resolve(Journal.FILE_NAME + ".damaged")));
        LineClient alice = LineClient.of(salvaged, "alice");
        List<String> status = alice.send("s STATUS INBOX (UIDVALIDITY)");
        assertNotEquals("* STATUS INBOX (UIDVALIDITY 1)", status.getFirst());
        salvaged.close();
        // The new UIDVALIDITYs are themselves durable: a plain restart keeps them.
        StoreEngine again = open(ServerChoices.RFC_DEFAULTS);
        assertEquals(status, LineClient.of(again, "alice").send("s STATUS INBOX (UIDVALIDITY)"));
        again.close();
    }

    @Test
    void otherSettingsAreRefused() throws Exception {
        open(ServerChoices.RFC_DEFAULTS).close();
        DataDirectoryException refused = assertThrows(DataDirectoryException.class,
                () -> open(ServerChoices.HARDEST_ON_CLIENTS));
        assertTrue(refused.getMessage().contains("was written by a server with settings"), refused.getMessage());
    }

    @Test
    void aForeignDirectoryIsRefused() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a journal");
        DataDirectoryException refused = assertThrows(DataDirectoryException.class,
                () -> open(ServerChoices.RFC_DEFAULTS));
        assertTrue(refused.getMessage().contains("not a modseq data directory"), refused.getMessage());
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefused() throws Exception {
        StoreEngine first = open(ServerChoices.RFC_DEFAULTS);
        DataDirectoryException refused = assertThrows(DataDirectoryException.class,
                () -> open(ServerChoices.RFC_DEFAULTS));
        assertTrue(refused.getMessage().contains("is in use by another modseq server"), refused.getMessage());
        first.close();
    }

    /** Sessions that commit at once share forces; every one of them is acknowledged, and all survive. */
    @Test
    void concurrentSessionsAreAllDurable() throws Exception {
        StoreEngine engine = open(ServerChoices.RFC_DEFAULTS);
        int sessions = 8;
        int appends = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(sessions)) {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                done.add(pool.submit(() -> {
                    LineClient c = LineClient.of(engine, "alice");
                    for (int i = 0; i < appends; i++) {
                        String body = "s" + session + " m" + i;
                        List<String> answer = c.send("a APPEND INBOX {" + body.length() + "+}\r\n" + body);
                        assertTrue(answer.getLast().startsWith("a OK [APPENDUID 1 "), answer.toString());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        engine.close();
        StoreEngine reopened = open(ServerChoices.RFC_DEFAULTS);
        List<String> status = LineClient.of(reopened, "alice").send("s STATUS INBOX (MESSAGES UIDNEXT)");
        assertEquals("* STATUS INBOX (MESSAGES " + sessions * appends + " UIDNEXT " + (sessions * appends + 1) + ")",
                status.getFirst());
        reopened.close();
    }

    /**
     * A journal that can no longer be written acknowledges nothing more, not even a read (what it
     * reads may include the change whose records were lost), and never keeps the engine's lock: the
     * other sessions get the same refusal instead of waiting forever. The acknowledged change
     * survives; the refused one does not.
     */
    @Test
    void aJournalThatCannotBeWrittenAcknowledgesNothingMoreAndKeepsNoLock() throws Exception {
        StoreEngine engine = open(ServerChoices.RFC_DEFAULTS);
        LineClient alice = LineClient.of(engine, "alice");
        LineClient bob = LineClient.of(engine, "bob");
        alice.send("s SELECT INBOX");
        assertEquals("a OK [APPENDUID 1 1] APPEND completed", alice.send("a APPEND INBOX {1+}\r\nx").getLast());
        engine.close(); // the journal's file is closed under the engine: every later write fails

        ServiceUnavailableException refused = assertThrows(ServiceUnavailableException.class,
                () -> alice.send("t STORE 1 +FLAGS (\\Flagged)"));
        assertTrue(refused.getMessage().contains("can no longer be written or read"), refused.getMessage());
        // Another thread: the engine's lock is reentrant, so only another thread would wait on it.
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(ServiceUnavailableException.class, () -> bob.send("n NOOP")));
        assertThrows(ServiceUnavailableException.class, () -> alice.send("f FETCH 1 (FLAGS)"));

        StoreEngine reopened = open(ServerChoices.RFC_DEFAULTS);
        LineClient again = LineClient.of(reopened, "alice");
        again.send("s SELECT INBOX");
        assertEquals(List.of("* 1 FETCH (FLAGS ())", "f OK FETCH completed"), again.send("f FETCH 1 (FLAGS)"));
        reopened.close();
    }

    /** Over the network the refusal is a BYE that says why (RFC 3501 §7.1.5), and the log one line, no trace. */
    @Test
    void overTheNetworkAJournalThatCannotBeWrittenEndsTheConnectionWithAByeThatSaysWhy() throws Exception {
        StoreEngine engine = open(ServerChoices.RFC_DEFAULTS);
        try (ImapServer server = ImapServer.start(engine, ServerConfig.defaults().withPort(0), log);
                ImapTestClient client = ImapTestClient.selected(server.port(), "alice")) {
            engine.close();
            client.send("t APPEND INBOX {1+}\r\nx\r\n");
            assertEquals("* BYE The data directory can no longer be written or read; the server must be restarted",
                    client.readLine());
        }
        String logText = logged.toString(StandardCharsets.UTF_8);
        assertTrue(logText.contains("The data directory can no longer be written or read"), logText);
        assertFalse(logText.contains("\tat "), logText);
    }
}
