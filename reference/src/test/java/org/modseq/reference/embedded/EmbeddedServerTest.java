package org.modseq.reference.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.cli.EngineKind;
import org.modseq.reference.net.ImapTestClient;

/** The embeddable server: starting, fixtures, inspection, and what a connected client sees of them. */
@Timeout(60)
class EmbeddedServerTest {

    private static final Flag LABEL = Flag.of("$Label");

    private static EmbeddedServer start(EngineKind kind) throws IOException {
        return EmbeddedServer.builder().account("alice", "secret").account("bob", "pw").engine(kind).start();
    }

    @Test
    void startsOnAFreePortOfTheLoopbackWithTheRfcDefaultsAndTheStoreEngine() throws IOException {
        try (EmbeddedServer server = EmbeddedServer.builder().account("alice", "secret").start();
                EmbeddedServer other = EmbeddedServer.builder().start()) {
            assertEquals("127.0.0.1", server.host());
            assertTrue(server.port() > 0);
            assertNotEquals(server.port(), other.port());
            assertEquals("127.0.0.1:" + server.port(), server.address());
            assertEquals(ServerChoices.RFC_DEFAULTS, server.choices());
            assertEquals(EngineKind.STORE, server.engineKind());
            try (ImapTestClient client = ImapTestClient.connect(server.port())) {
                assertEquals(List.of("a1 OK LOGIN completed"), client.command("a1", "LOGIN alice secret"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void appendedMessagesAreInspectedByUid(EngineKind kind) throws IOException {
        try (EmbeddedServer server = start(kind)) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            assertEquals(new MailboxStatus(0, 1, 1, 1), inbox.status());
            long first = inbox.append("Subject: one\r\n\r\nHello\r\n", Flag.SEEN, LABEL);
            long second = inbox.append("Subject: two\r\n\r\nHello again\r\n");
            assertEquals(List.of(1L, 2L), List.of(first, second));
            // R7: each APPEND takes the next mod-sequence; HIGHESTMODSEQ follows (R25).
            assertEquals(List.of(new MessageState(1, Set.of(Flag.SEEN, LABEL), 2), new MessageState(2, Set.of(), 3)),
                    inbox.messages());
            assertEquals(new MessageState(2, Set.of(), 3), inbox.message(second));
            assertEquals(new MailboxStatus(2, 3, 1, 3), inbox.status());
            assertEquals(3, inbox.highestModSeq());
            assertEquals(3, inbox.uidNext());
            assertEquals(1, inbox.uidValidity());
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void flagChangesTakeNewModSeqsAndAnUnchangedMessageKeepsItsOwn(EngineKind kind) throws IOException {
        try (EmbeddedServer server = start(kind)) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            long a = inbox.append("a");
            long b = inbox.append("b", Flag.SEEN);
            inbox.addFlags(Set.of(Flag.SEEN), a, b);
            // RFC defaults: one mod-sequence per STORE (R2); b already had \Seen and keeps its value (R5).
            assertEquals(List.of(new MessageState(a, Set.of(Flag.SEEN), 4), new MessageState(b, Set.of(Flag.SEEN), 3)),
                    inbox.messages());
            inbox.replaceFlags(Set.of(Flag.FLAGGED, LABEL), b);
            assertEquals(new MessageState(b, Set.of(Flag.FLAGGED, LABEL), 5), inbox.message(b));
            inbox.removeFlags(Set.of(LABEL), b);
            assertEquals(new MessageState(b, Set.of(Flag.FLAGGED), 6), inbox.message(b));
            assertEquals(6, inbox.highestModSeq());
        }
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void expungeRemovesExactlyTheNamedMessages(EngineKind kind) throws IOException {
        try (EmbeddedServer server = start(kind)) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            for (int i = 1; i <= 4; i++) {
                inbox.append("message " + i, i == 4 ? new Flag[] {Flag.DELETED} : new Flag[0]);
            }
            inbox.expunge(1, 3);
            assertEquals(List.of(2L, 4L), inbox.messages().stream().map(MessageState::uid).toList());
            assertEquals(Set.of(Flag.DELETED), inbox.message(4).flags());
            assertThrows(NoSuchElementException.class, () -> inbox.message(3));
        }
    }

    @Test
    void aConnectedQresyncClientIsToldOfFixtureChangesAtItsNextCommand() throws IOException {
        try (EmbeddedServer server = start(EngineKind.STORE);
                ImapTestClient client = ImapTestClient.connect(server.port())) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            inbox.append("one");
            inbox.append("two");
            inbox.append("three");
            client.expectOk("a1", "LOGIN alice secret");
            client.expectOk("a2", "ENABLE QRESYNC");
            client.expectOk("a3", "SELECT INBOX");
            inbox.addFlags(Set.of(Flag.ANSWERED), 2);
            inbox.expunge(3);
            // R81: VANISHED rather than EXPUNGE after ENABLE QRESYNC; the flag change with its MODSEQ (R16).
            assertEquals(List.of("* VANISHED 3", "* 2 FETCH (UID 2 FLAGS (\\Answered) MODSEQ (5))",
                    "a4 OK NOOP completed"), client.command("a4", "NOOP"));
        }
    }

    @Test
    void octetsAreStoredAsGiven() throws IOException {
        byte[] octets = "Subject: caf\u00e9\r\n\r\n\u00e9t\u00e9\r\n".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedServer server = start(EngineKind.STORE);
                ImapTestClient client = ImapTestClient.connect(server.port())) {
            server.mailbox("alice", "INBOX").append(octets, Set.of());
            client.expectOk("a1", "LOGIN alice secret");
            client.expectOk("a2", "EXAMINE INBOX");
            assertEquals("* 1 FETCH (RFC822.SIZE " + octets.length + ")",
                    client.command("a3", "FETCH 1 (RFC822.SIZE)").getFirst());
        }
    }

    @Test
    void createdMailboxesHaveAUidValidityOfTheirOwn() throws IOException {
        try (EmbeddedServer server = start(EngineKind.STORE)) {
            UserMailbox archive = server.createMailbox("alice", "Archive");
            assertEquals("Archive", archive.name());
            assertEquals("alice", archive.user());
            // Never used before in the server (R26, R101): above every INBOX made at start, one per account.
            assertTrue(archive.uidValidity() > server.mailbox("alice", "INBOX").uidValidity());
            assertTrue(archive.uidValidity() > server.mailbox("bob", "INBOX").uidValidity());
            assertEquals(1, archive.append("kept"));
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> server.createMailbox("alice", "Archive"));
            assertEquals("the server refused CREATE Archive from alice: fixture2 NO [ALREADYEXISTS] Mailbox already exists",
                    twice.getMessage());
        }
    }

    @Test
    void mistakesAreNamedAndChangeNothing() throws IOException {
        try (EmbeddedServer server = start(EngineKind.STORE)) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            inbox.append("only");
            long before = inbox.highestModSeq();
            IllegalArgumentException unknownUid = assertThrows(IllegalArgumentException.class,
                    () -> inbox.addFlags(Set.of(Flag.SEEN), 1, 7));
            assertEquals("no message with UID 7 in INBOX of alice", unknownUid.getMessage());
            assertThrows(IllegalArgumentException.class, () -> inbox.expunge(7));
            assertEquals(before, inbox.highestModSeq());
            assertEquals(Set.of(), inbox.message(1).flags());
            assertThrows(IllegalArgumentException.class, () -> inbox.expunge());
            assertThrows(IllegalArgumentException.class, () -> inbox.message(0));
            assertEquals("no account 'carol' on this server; add it with Builder.account",
                    assertThrows(IllegalArgumentException.class, () -> server.mailbox("carol", "INBOX")).getMessage());
            UserMailbox missing = server.mailbox("alice", "Nowhere");
            assertEquals("the server refused APPEND Nowhere {1} from alice: fixture2 NO [TRYCREATE] No such mailbox",
                    assertThrows(IllegalStateException.class, () -> missing.append("x")).getMessage());
            assertThrows(IllegalStateException.class, missing::status);
            assertThrows(IllegalStateException.class, missing::messages);
        }
    }

    @Test
    void aMailboxWithoutModSeqsReportsZero() throws IOException {
        ServerChoices choices = ServerChoices.RFC_DEFAULTS.withNoModSeqMailboxes(Set.of("INBOX"));
        try (EmbeddedServer server = EmbeddedServer.builder().account("alice", "secret").choices(choices).start()) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            inbox.append("x", Flag.SEEN);
            assertEquals(new MessageState(1, Set.of(Flag.SEEN), 0), inbox.message(1));
            assertEquals(0, inbox.highestModSeq()); // R57
        }
    }

    @Test
    void policiesAreNamedAsOnTheCommandLine() throws IOException {
        try (EmbeddedServer server = EmbeddedServer.builder().policy("hardest").start()) {
            assertEquals(ServerChoices.HARDEST_ON_CLIENTS, server.choices());
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedServer.builder().policy("lenient"));
        assertEquals("unknown policy 'lenient'; valid policies: rfc-defaults, hardest", unknown.getMessage());
    }

    @Test
    void accountsAreCheckedAsTheyAreGiven() {
        EmbeddedServer.Builder builder = EmbeddedServer.builder().account("alice", "secret");
        assertEquals("account 'alice' is given twice",
                assertThrows(IllegalArgumentException.class, () -> builder.account("alice", "other")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.account("bob", ""));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedServer.builder().port(70_000).start());
    }

    @Test
    void closeStopsListeningAndMayBeRepeated() throws IOException {
        EmbeddedServer server = start(EngineKind.STORE);
        int port = server.port();
        server.close();
        server.close();
        assertThrows(ConnectException.class, () -> ImapTestClient.connect(port).close());
    }
}
