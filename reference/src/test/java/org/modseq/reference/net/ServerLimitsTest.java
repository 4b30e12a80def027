package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;

/**
 * Issue 7: the limits of {@link ServerConfig} that keep one client, one user or a flood of
 * connections from taking the server: message size (RFC 7889), connections in all and per user,
 * and the write timeout against a client that never reads.
 */
@Timeout(60)
class ServerLimitsTest {

    private static final ServerConfig CONFIG = ServerConfig.defaults().withPort(0);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ImapServer server;

    private int start(ServerConfig config) throws IOException {
        StoreEngine engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "pw", "bob", "pw"),
                NamespaceMode.PER_USER);
        server = ImapServer.start(engine, config, new PrintStream(log, true, StandardCharsets.UTF_8));
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ImapTestClient loggedIn(int port, String user) throws IOException {
        ImapTestClient client = ImapTestClient.connect(port);
        client.expectOk("l", "LOGIN " + user + " pw");
        return client;
    }

    private static String messages(ImapTestClient client) throws IOException {
        return client.expectOk("st", "STATUS INBOX (MESSAGES)").getFirst();
    }

    @Test
    void appendBeyondTheMessageSizeIsRefusedBeforeItsOctets() throws IOException {
        int port = start(CONFIG.withMaxMessageSize(100));
        try (ImapTestClient client = loggedIn(port, "alice")) {
            List<String> refused = client.command("a1", "APPEND INBOX {101}");
            assertEquals(List.of("a1 NO [TOOBIG] Message too large: the limit is 100 octets"), refused,
                    "no continuation request: the client must not send the octets (RFC 7889 section 4)");
            client.send("a2 APPEND INBOX {100}\r\n");
            assertTrue(client.readLine().startsWith("+ "));
            client.send("x".repeat(100) + "\r\n");
            assertTrue(client.readUntilTagged("a2").getLast().startsWith("a2 OK"));
            assertEquals("* STATUS INBOX (MESSAGES 1)", messages(client));
        }
    }

    @Test
    void nonSynchronizingAppendBeyondTheMessageSizeIsReadAndRefused() throws IOException {
        int port = start(CONFIG.withMaxMessageSize(100));
        try (ImapTestClient client = loggedIn(port, "alice")) {
            // LITERAL+ (RFC 7888): the octets come anyway; they are dropped and the session goes on in step.
            List<String> refused = client.command("a1", "APPEND INBOX (\\Seen) {150+}\r\n" + "x".repeat(150));
            assertEquals(List.of("a1 NO [TOOBIG] Message too large: the limit is 100 octets"), refused);
            client.expectOk("n", "NOOP");
            assertEquals("* STATUS INBOX (MESSAGES 0)", messages(client));
        }
    }

    @Test
    void beforeLoginALiteralMayBeNoLongerThanALine() throws IOException {
        int port = start(CONFIG.withMaxLineLength(8192));
        try (ImapTestClient client = ImapTestClient.connect(port)) {
            assertEquals(List.of("a NO [TOOBIG] Literal too large: the limit is 8192 octets before login"),
                    client.command("a", "LOGIN {8193}"));
            client.expectOk("l", "LOGIN {5}\r\nalice pw");
            String body = "x".repeat(20_000);
            client.send("p APPEND INBOX {" + body.length() + "}\r\n");
            assertTrue(client.readLine().startsWith("+ "));
            client.send(body + "\r\n");
            assertTrue(client.readUntilTagged("p").getLast().startsWith("p OK"));
        }
    }

    @Test
    void aClientThatDoesNotLogInIsLoggedOutSoonerThanOneThatDid() throws IOException {
        int port = start(CONFIG.withLoginTimeout(Duration.ofMillis(300)));
        try (ImapTestClient member = loggedIn(port, "alice"); ImapTestClient silent = ImapTestClient.connect(port)) {
            assertEquals("* BYE Autologout; no login for too long", silent.readLine());
            assertTrue(silent.isClosedByServer());
            // As silent as the other, and longer than the login timeout: still served (RFC 3501 section 5.4).
            member.expectOk("n", "NOOP");
        }
    }

    @Test
    void oneConnectionBeyondTheTotalIsGreetedWithBye() throws IOException {
        int port = start(CONFIG.withMaxConnections(2));
        try (ImapTestClient first = ImapTestClient.connect(port);
                ImapTestClient second = ImapTestClient.connect(port)) {
            try (ImapTestClient third = new ImapTestClient(port)) {
                assertEquals("* BYE Too many connections: this server takes 2 at once; try again later",
                        third.readLine());
                assertTrue(third.isClosedByServer());
            }
            first.expectOk("n", "NOOP");
            first.expectOk("o", "LOGOUT");
        }
        // Once the others are gone, a connection is greeted again.
        try (ImapTestClient again = greetedSoon(port)) {
            again.expectOk("n", "NOOP");
        }
    }

    /** A connection once the server has seen the others close; their handlers end on their own threads. */
    private static ImapTestClient greetedSoon(int port) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            ImapTestClient client = new ImapTestClient(port);
            String greeting = client.readLine();
            if (greeting.startsWith("* OK")) {
                return client;
            }
            client.close();
            pause();
        }
        throw new AssertionError("never greeted again after the other connections closed");
    }

    @Test
    void oneLoginBeyondTheUsersLimitIsRefusedAndUndone() throws IOException {
        int port = start(CONFIG.withMaxConnectionsPerUser(2));
        try (ImapTestClient first = loggedIn(port, "alice"); ImapTestClient second = loggedIn(port, "alice");
                ImapTestClient third = ImapTestClient.connect(port)) {
            List<String> refused = third.command("l", "LOGIN alice pw");
            assertEquals(List.of("l NO [LIMIT] Too many connections for this user: the limit is 2;"
                    + " log out elsewhere first"), refused);
            // Still not authenticated: the login was undone, not only its answer.
            assertTrue(third.command("s", "SELECT INBOX").getLast().matches("s (BAD|NO) .*"));
            List<String> plain = third.command("p", "AUTHENTICATE PLAIN AGFsaWNlAHB3"); // \0alice\0pw
            assertTrue(plain.getLast().startsWith("p NO [LIMIT]"), plain.toString());
            // Another user is not held to alice's count.
            third.expectOk("b", "LOGIN bob pw");
            third.expectOk("bo", "LOGOUT");
            first.expectOk("o", "LOGOUT");
            // The slot is given back when the logged-out connection's handler ends, on its own thread.
            try (ImapTestClient fourth = ImapTestClient.connect(port)) {
                List<String> login = fourth.command("l", "LOGIN alice pw");
                for (int attempt = 0; attempt < 100 && login.getLast().startsWith("l NO [LIMIT]"); attempt++) {
                    pause();
                    login = fourth.command("l", "LOGIN alice pw");
                }
                assertTrue(login.getLast().startsWith("l OK"), login.toString());
            }
        }
    }

    @Test
    void aFloodOfSilentConnectionsLeavesTheServerServing() throws IOException {
        int port = start(CONFIG.withMaxConnections(150));
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                flood.add(socket); // connects and says nothing: each holds a socket, not a platform thread
            }
            // The ones beyond the limit are told BYE and closed.
            Socket last = flood.getLast();
            last.setSoTimeout(5000);
            assertTrue(readLine(last.getInputStream()).startsWith("* BYE Too many connections"));
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        try (ImapTestClient client = greetedSoon(port)) {
            client.expectOk("l", "LOGIN alice pw");
            client.expectOk("s", "SELECT INBOX");
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedAndTheOthersStayServed() throws Exception {
        int port = start(CONFIG.withWriteTimeout(Duration.ofSeconds(1)));
        try (ImapTestClient writer = loggedIn(port, "alice")) {
            String body = "Subject: big\r\n\r\n" + "y".repeat(64 * 1024);
            writer.send("a APPEND INBOX {" + body.length() + "+}\r\n" + body + "\r\n");
            assertTrue(writer.readUntilTagged("a").getLast().startsWith("a OK"));
        }
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            OutputStream out = slow.getOutputStream();
            out.write("l LOGIN alice pw\r\ns SELECT INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder fetches = new StringBuilder();
            for (int i = 0; i < 300; i++) {
                fetches.append("f").append(i).append(" FETCH 1 BODY[]\r\n"); // 19 MB of answers, never read
            }
            out.write(fetches.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // Another client is served while the slow one's responses pile up.
            try (ImapTestClient other = loggedIn(port, "alice")) {
                other.expectOk("s", "SELECT INBOX");
                other.expectOk("f", "FETCH 1 (FLAGS)");
                other.expectOk("n", "NOOP");
            }
            // The server gives up on the slow client: it says so in its log and closes the socket.
            for (int attempt = 0; attempt < 200 && !log().contains("the client read nothing for 1000 ms"); attempt++) {
                pause();
            }
            assertTrue(log().contains("the client read nothing for 1000 ms"), log());
            assertTrue(endsWithClose(slow), "the slow client's connection is still open");
        }
        try (ImapTestClient after = loggedIn(port, "bob")) {
            after.expectOk("n", "NOOP");
        }
    }

    /** Reads what is left; true when the stream ends or is reset rather than staying open. */
    private static boolean endsWithClose(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] discard = new byte[64 * 1024];
        try {
            while (in.read(discard) >= 0) {
                // what the server wrote before it gave up
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new EOFException("closed after: " + line);
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theDefaultsAreSafe() {
        ServerConfig defaults = ServerConfig.defaults();
        assertTrue(defaults.idleTimeout().compareTo(Duration.ofMinutes(30)) >= 0, "RFC 3501 section 5.4");
        assertTrue(defaults.maxMessageSize() <= defaults.maxLiteralSize());
        assertFalse(defaults.maxConnectionsPerUser() > defaults.maxConnections());
    }
}
