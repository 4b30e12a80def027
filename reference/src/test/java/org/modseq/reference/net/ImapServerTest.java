package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ForwardingConnection;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;

/** The server over real sockets on 127.0.0.1, with the model as its engine. */
@Timeout(60)
class ImapServerTest {

    private static final ServerConfig CONFIG = ServerConfig.defaults().withPort(0);

    private ModelEngine engine;
    private ImapServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        engine = ModelEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "pw", "bob", "pw"));
        server = start(engine, CONFIG);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImapServer start(ImapEngine imapEngine, ServerConfig config) throws IOException {
        return ImapServer.start(imapEngine, config, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static void appendMessages(ImapTestClient client, int count) throws IOException {
        for (int i = 1; i <= count; i++) {
            client.expectOk("ap" + i, "APPEND INBOX {6+}\r\nHello" + i);
        }
    }

    @Test
    void greetsFirst() throws IOException {
        try (ImapTestClient client = new ImapTestClient(server.port())) {
            assertEquals("* OK Modseq model ready", client.readLine());
        }
    }

    @Test
    void loginEnableSelectStoreFetch() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            assertEquals(List.of("a1 OK LOGIN completed"), client.command("a1", "LOGIN alice pw"));
            appendMessages(client, 2);
            assertEquals(List.of("* ENABLED QRESYNC", "a2 OK ENABLE completed"),
                    client.command("a2", "ENABLE QRESYNC"));
            List<String> select = client.command("a3", "SELECT INBOX");
            assertTrue(select.contains("* 2 EXISTS"), select.toString());
            assertTrue(select.stream().anyMatch(line -> line.startsWith("* OK [HIGHESTMODSEQ ")), select.toString());
            assertEquals("a3 OK [READ-WRITE] SELECT completed", select.getLast());
            List<String> store = client.command("a4", "STORE 2 +FLAGS (\\Flagged)");
            assertTrue(store.getFirst().matches("\\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)"),
                    store.toString());
            List<String> fetch = client.command("a5", "FETCH 1:* (FLAGS MODSEQ)");
            assertEquals(3, fetch.size(), fetch.toString());
            assertTrue(fetch.get(1).startsWith("* 2 FETCH (FLAGS (\\Flagged) MODSEQ ("), fetch.toString());
            assertEquals("a5 OK FETCH completed", fetch.getLast());
        }
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("p1 LOGIN alice pw\r\np2 CAPABILITY\r\np3 NOOP\r\n");
            assertEquals("p1 OK LOGIN completed", client.readUntilTagged("p1").getLast());
            List<String> capability = client.readUntilTagged("p2");
            assertTrue(capability.getFirst().startsWith("* CAPABILITY IMAP4rev1 LITERAL+"), capability.toString());
            assertEquals("p3 OK NOOP completed", client.readUntilTagged("p3").getLast());
        }
    }

    @Test
    void synchronizingLiteralGetsAContinuation() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            client.send("a2 APPEND INBOX (\\Seen) {5}\r\n");
            assertEquals("+ Ready for literal data", client.readLine());
            client.send("Hello\r\n");
            List<String> append = client.readUntilTagged("a2");
            assertTrue(append.getLast().startsWith("a2 OK [APPENDUID "), append.toString());
            List<String> select = client.command("a3", "SELECT INBOX");
            assertTrue(select.contains("* 1 EXISTS"), select.toString());
            assertEquals(List.of("* 1 FETCH (RFC822.SIZE 5)", "a4 OK FETCH completed"),
                    client.command("a4", "FETCH 1 RFC822.SIZE"));
        }
    }

    @Test
    void literalsInLoginEachGetAContinuation() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("a1 LOGIN {5}\r\n");
            assertEquals("+ Ready for literal data", client.readLine());
            client.send("alice {2}\r\n");
            assertEquals("+ Ready for literal data", client.readLine());
            client.send("pw\r\n");
            assertEquals(List.of("a1 OK LOGIN completed"), client.readUntilTagged("a1"));
        }
    }

    @Test
    void nonSynchronizingLiteralGetsNoContinuation() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            // LITERAL+ (RFC 7888): command, literal and the next command in one write.
            client.send("a2 APPEND INBOX {5+}\r\nHello\r\na3 NOOP\r\n");
            List<String> append = client.readUntilTagged("a2");
            assertEquals(1, append.size(), append.toString());
            assertTrue(append.getFirst().startsWith("a2 OK [APPENDUID "), append.toString());
            assertEquals("a3 OK NOOP completed", client.readUntilTagged("a3").getLast());
        }
    }

    @Test
    void literalOfMultiOctetCharactersIsCountedInOctets() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            byte[] text = "Grüße".getBytes(StandardCharsets.UTF_8);
            client.send("a2 APPEND INBOX {" + text.length + "}\r\n");
            assertEquals("+ Ready for literal data", client.readLine());
            client.send(text);
            client.send("\r\n");
            assertTrue(client.readUntilTagged("a2").getLast().startsWith("a2 OK [APPENDUID "));
            assertTrue(client.command("a3", "SELECT INBOX").contains("* 1 EXISTS"));
            // The octets come back unchanged and RFC822.SIZE counts octets, not characters.
            String fetched = String.join("\n", client.command("a4", "FETCH 1 (RFC822.SIZE BODY.PEEK[])"));
            assertTrue(fetched.contains("RFC822.SIZE 7"), fetched);
            assertTrue(fetched.contains("{7}\nGrüße"), fetched);
        }
    }

    @Test
    void fetchesAPartOfAMultipartMessageAsALiteralOfItsExactOctets() throws IOException {
        server.close();
        server = start(StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "pw")), CONFIG);
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        byte[] part = ("Preis: 5 " + new String(euro, StandardCharsets.ISO_8859_1) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String head = "Subject: prices\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        String tail = "\r\n--b--\r\n";
        byte[] message = concat(head.getBytes(StandardCharsets.US_ASCII), part, tail.getBytes(StandardCharsets.US_ASCII));
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            client.send("a2 APPEND INBOX (\\Flagged) \"17-Jul-1996 02:44:25 -0700\" {" + message.length + "+}\r\n");
            client.send(message);
            client.send("\r\n");
            assertTrue(client.readUntilTagged("a2").getLast().startsWith("a2 OK [APPENDUID "));
            client.expectOk("a3", "SELECT INBOX");
            client.send("a4 FETCH 1 (INTERNALDATE BODY[1])\r\n");
            // BODY[1] sets \\Seen, shown in the same response; the part's octets come unchanged, 8-bit included.
            assertEquals("* 1 FETCH (FLAGS (\\Seen \\Flagged) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" BODY[1] {"
                    + part.length + "}", client.readLine());
            assertArrayEquals(part, client.readOctets(part.length));
            assertEquals(")", client.readLine());
            assertEquals("a4 OK FETCH completed", client.readLine());
        }
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            out.writeBytes(piece);
        }
        return out.toByteArray();
    }

    @Test
    void malformedCommandGetsBadAndTheSessionGoesOn() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            List<String> bad = client.command("m1", "FETCH");
            assertEquals(1, bad.size(), bad.toString());
            assertTrue(bad.getFirst().startsWith("m1 BAD "), bad.toString());
            assertTrue(client.command("m2", "NOFETCH 1").getFirst().startsWith("m2 BAD unknown command"));
            client.send("m3 NOOP\0\r\n");
            assertTrue(client.readUntilTagged("m3").getLast().startsWith("m3 BAD NUL character"));
            client.send("\r\n");
            assertTrue(client.readLine().startsWith("* BAD "));
            assertEquals(List.of("m4 OK LOGIN completed"), client.command("m4", "LOGIN alice pw"));
        }
    }

    @Test
    void bareLineFeedEndsALine() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("b1 NOOP\nb2 NOOP\n");
            assertEquals("b1 OK NOOP completed", client.readUntilTagged("b1").getLast());
            assertEquals("b2 OK NOOP completed", client.readUntilTagged("b2").getLast());
        }
    }

    /** {@code tag UID FETCH <set> (FLAGS)} of exactly {@code length} octets, a long UID set as RFC 7162 §4 describes. */
    private static String longUidFetch(String tag, int length) {
        String prefix = tag + " UID FETCH ";
        String suffix = " (FLAGS)";
        StringBuilder line = new StringBuilder(prefix).append('1');
        int target = length - suffix.length();
        for (long uid = 3; line.length() + 12 < target; uid += 2) {
            line.append(',').append(uid);
        }
        int rest = target - line.length();
        if (rest % 2 == 1) {
            line.append(",11");
            rest -= 3;
        }
        line.append(",1".repeat(rest / 2)).append(suffix);
        assertEquals(length, line.length());
        return line.toString();
    }

    @Test
    void r107_commandLineOf64KiBIsAccepted() throws IOException {
        try (ImapTestClient client = ImapTestClient.selected(server.port(), "alice")) {
            String line = longUidFetch("u1", ServerConfig.DEFAULT_MAX_LINE_LENGTH);
            client.send(line + "\r\n");
            assertEquals("u1 OK UID FETCH completed", client.readUntilTagged("u1").getLast());
            client.expectOk("u2", "NOOP");
        }
    }

    @Test
    void r106_commandLineBeyondTheLimitGetsBadThenByeAndClose() throws IOException {
        try (ImapTestClient client = ImapTestClient.selected(server.port(), "alice")) {
            client.send(longUidFetch("u1", ServerConfig.DEFAULT_MAX_LINE_LENGTH + 1) + "\r\n");
            // RFC 7162 §4: BAD, as for any syntax error, and the server may close the connection.
            assertEquals("u1 BAD Command line too long: the limit is 65536 octets outside literals"
                    + " (RFC 7162 section 4)", client.readLine());
            assertEquals("* BYE Command line too long", client.readLine());
            assertTrue(client.isClosedByServer());
        }
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
        }
    }

    @Test
    void literalBeyondTheLimit() throws IOException {
        server.close();
        server = start(engine, CONFIG.withMaxLiteralSize(10));
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            // Synchronizing: refused before it is sent (RFC 7889), and the session goes on.
            client.send("a2 APPEND INBOX {11}\r\n");
            assertEquals("a2 NO [TOOBIG] Literal too large: the limit is 10 octets", client.readLine());
            client.expectOk("a3", "APPEND INBOX {10+}\r\n0123456789");
            // Non-synchronizing: the octets are on their way, so the connection ends.
            client.send("a4 APPEND INBOX {11+}\r\n01234567890\r\n");
            assertEquals("* BYE Literal too large", client.readLine());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void idleReceivesAnotherConnectionsChangesUntilDone() throws IOException {
        try (ImapTestClient alice = ImapTestClient.connect(server.port());
                ImapTestClient bob = ImapTestClient.connect(server.port())) {
            bob.expectOk("b1", "LOGIN bob pw");
            appendMessages(bob, 1);
            alice.expectOk("a1", "LOGIN alice pw");
            alice.expectOk("a2", "ENABLE CONDSTORE");
            alice.expectOk("a3", "SELECT INBOX");
            alice.send("a4 IDLE\r\n");
            assertEquals("+ idling", alice.readLine());

            bob.expectOk("b2", "APPEND INBOX {5+}\r\nHello");
            assertEquals(List.of("* 2 EXISTS"), alice.readUntilStartsWith("* 2 EXISTS"));
            bob.expectOk("b3", "SELECT INBOX");
            bob.expectOk("b4", "STORE 1 +FLAGS.SILENT (\\Flagged)");
            List<String> update = alice.readUntilStartsWith("* 1 FETCH");
            assertTrue(update.getLast().matches("\\* 1 FETCH \\(UID 1 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)"),
                    update.toString());

            alice.send("DONE\r\n");
            assertEquals("a4 OK IDLE terminated", alice.readUntilTagged("a4").getLast());
            alice.expectOk("a5", "NOOP");
        }
    }

    @Test
    void idleEndsWithBadOnAnythingButDone() throws IOException {
        try (ImapTestClient client = ImapTestClient.selected(server.port(), "alice")) {
            client.send("i1 IDLE\r\n");
            assertEquals("+ idling", client.readLine());
            client.send("i2 NOOP\r\n");
            assertTrue(client.readUntilTagged("i1").getLast().startsWith("i1 BAD "));
            client.send("i3 IDLE\r\n");
            assertEquals("+ idling", client.readLine());
            client.send("done\r\n");
            assertEquals("i3 OK IDLE terminated", client.readUntilTagged("i3").getLast());
        }
    }

    @Test
    void idleBeforeLoginIsAnsweredAtOnce() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            List<String> idle = client.command("i1", "IDLE");
            assertEquals(1, idle.size(), idle.toString());
            assertTrue(idle.getFirst().startsWith("i1 BAD "), idle.toString());
        }
    }

    @Test
    void logoutClosesTheSocket() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            List<String> logout = client.command("a2", "LOGOUT");
            assertTrue(logout.getFirst().startsWith("* BYE"), logout.toString());
            assertEquals("a2 OK LOGOUT completed", logout.getLast());
            assertTrue(client.isClosedByServer());
        }
        assertTrue(engine.state().sessionsInOrder().isEmpty());
    }

    @Test
    void abruptDisconnectsLeaveTheServerWorking() throws Exception {
        ImapTestClient midLiteral = ImapTestClient.connect(server.port());
        midLiteral.expectOk("a1", "LOGIN alice pw");
        midLiteral.send("a2 APPEND INBOX {100+}\r\nonly part of it");
        midLiteral.abort();

        ImapTestClient idling = ImapTestClient.selected(server.port(), "bob");
        idling.send("i1 IDLE\r\n");
        assertEquals("+ idling", idling.readLine());
        idling.abort();

        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
            client.expectOk("a2", "SELECT INBOX");
        }
        // The dropped sessions are gone from the engine (Connection.drop), within a bounded wait.
        long deadline = System.nanoTime() + ImapTestClient.TIMEOUT.toNanos();
        while (!engine.state().sessionsInOrder().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), engine.state().sessionsInOrder());
    }

    @Test
    void engineFailureEndsOnlyThatConnection() throws IOException {
        server.close();
        // An engine whose connections fail on CHECK, as a bug in an engine would.
        ImapEngine failing = () -> new ForwardingConnection(engine.open()) {
            @Override
            public List<Response> execute(String tag, Command command) {
                if (command instanceof Command.Check) {
                    throw new IllegalStateException("engine bug");
                }
                return super.execute(tag, command);
            }
        };
        server = start(failing, CONFIG);
        try (ImapTestClient client = ImapTestClient.selected(server.port(), "alice")) {
            client.send("c1 CHECK\r\n");
            assertEquals("* BYE Internal server error", client.readLine());
            assertTrue(client.isClosedByServer());
        }
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.expectOk("a1", "LOGIN alice pw");
        }
        assertTrue(log().contains("connection 1 "), log());
        assertTrue(log().contains("engine bug"), log());
    }

    @Test
    void silenceBeyondTheIdleTimeoutEndsTheConnection() throws IOException {
        server.close();
        server = start(engine, CONFIG.withIdlePollInterval(Duration.ofMillis(20)).withIdleTimeout(Duration.ofMillis(300)));
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            assertEquals("* BYE Autologout; idle for too long", client.readLine());
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void closeEndsConnectionsAndFreesThePort() throws IOException {
        ImapTestClient client = ImapTestClient.selected(server.port(), "alice");
        client.send("i1 IDLE\r\n");
        assertEquals("+ idling", client.readLine());
        int port = server.port();
        server.close();
        assertTrue(client.isClosedByServer());
        client.close();
        assertThrows(IOException.class, () -> new ImapTestClient(port).close());
        // Closing twice is harmless.
        server.close();
    }

    @Test
    void busyPortIsAClearError() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            BindException e = assertThrows(BindException.class,
                    () -> ImapServer.start(engine, CONFIG.withPort(busy.getLocalPort())));
            assertEquals("cannot listen on 127.0.0.1:" + busy.getLocalPort()
                    + ": address already in use (is another server running?)", e.getMessage());
        }
    }

    @Test
    void configRefusesBadValues() {
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withPort(65_536));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withMaxLineLength(1000));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withMaxLiteralSize(-1));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withIdleTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withIdlePollInterval(Duration.ofHours(1)));
        assertFalse(CONFIG.host().isBlank());
    }
}
