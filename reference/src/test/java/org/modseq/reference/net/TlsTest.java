package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.tls.ServerTls;

/**
 * IMAPS and STARTTLS over real sockets on 127.0.0.1, with a self-signed certificate the test
 * client trusts: the handshake, the capabilities before and after, the plaintext-injection
 * defence of RFC 9051 §6.2.1, and LOGINDISABLED on a connection without TLS.
 */
@Timeout(60)
class TlsTest {

    private static ServerTls tls;
    private static SSLContext trusting;

    private ImapServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void certificate() throws Exception {
        tls = ServerTls.selfSigned(List.of("localhost", "127.0.0.1"));
        trusting = ImapTestClient.trusting(tls.certificate());
    }

    @BeforeEach
    void start() throws IOException {
        server = start(SecurityConfig.startTls(tls).withImapsPort(0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImapServer start(SecurityConfig security) throws IOException {
        if (server != null) {
            server.close();
        }
        StoreEngine engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "pw", "bob", "pw"),
                NamespaceMode.PER_USER);
        server = ImapServer.start(engine, ServerConfig.defaults().withPort(0), security,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        return server;
    }

    private static String capabilities(ImapTestClient client, String tag) throws IOException {
        List<String> lines = client.command(tag, "CAPABILITY");
        assertEquals(tag + " OK CAPABILITY completed", lines.getLast(), lines.toString());
        return lines.getFirst() + " ";
    }

    @Test
    void imapsPortSpeaksTlsFromTheFirstOctet() throws IOException {
        try (ImapTestClient client = ImapTestClient.connectTls(server.imapsPort(), trusting)) {
            assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(client.tlsSession().getProtocol()),
                    client.tlsSession().getProtocol());
            String capabilities = capabilities(client, "c1");
            assertTrue(capabilities.contains(" AUTH=PLAIN "), capabilities);
            assertFalse(capabilities.contains(" STARTTLS "), capabilities);
            assertFalse(capabilities.contains(" LOGINDISABLED "), capabilities);
            client.expectOk("l", "LOGIN alice pw");
            List<String> select = client.expectOk("s", "SELECT INBOX");
            assertTrue(select.contains("* 0 EXISTS"), select.toString());
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() throws Exception {
        SSLContext trustsOthers = ImapTestClient.trusting(ServerTls.selfSigned(List.of("localhost")).certificate());
        assertThrows(SSLException.class, () -> ImapTestClient.connectTls(server.imapsPort(), trustsOthers).close());
        try (ImapTestClient client = ImapTestClient.connectTls(server.imapsPort(), trusting)) {
            client.expectOk("n", "NOOP");
        }
    }

    @Test
    void plaintextOnTheImapsPortIsDroppedAndTheServerGoesOn() throws IOException {
        try (ImapTestClient client = new ImapTestClient(server.imapsPort())) {
            client.send("a LOGIN alice pw\r\n");
            String answer = new String(client.readUntilClosedByServer(), StandardCharsets.ISO_8859_1);
            assertFalse(answer.contains("OK"), "at most a TLS alert, no IMAP answer: " + answer);
        }
        try (ImapTestClient client = ImapTestClient.connectTls(server.imapsPort(), trusting)) {
            client.expectOk("l", "LOGIN alice pw");
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("TLS handshake failed"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startTlsUpgradesTheConnectionAndTheCapabilitiesChange() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            String before = capabilities(client, "c1");
            assertTrue(before.contains(" STARTTLS "), before);
            assertTrue(before.contains(" APPENDLIMIT="), before);
            assertEquals(List.of("t OK Begin TLS negotiation now"), client.command("t", "STARTTLS"));
            client.startTls(trusting);
            String after = capabilities(client, "c2");
            assertFalse(after.contains(" STARTTLS "), after);
            assertTrue(after.contains(" AUTH=PLAIN "), after);
            client.expectOk("l", "LOGIN alice pw");
            client.expectOk("s", "SELECT INBOX");
        }
    }

    /**
     * CVE-2011-0411 and its kin: commands a man in the middle appends to STARTTLS in the same
     * packet must not run as if they came through TLS (RFC 9051 §6.2.1). The server drops them
     * unread; the first response through TLS is for the client's own first command.
     */
    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            client.send("t STARTTLS\r\nx1 LOGIN alice pw\r\nx2 CREATE injected\r\n");
            assertEquals("t OK Begin TLS negotiation now", client.readLine());
            client.startTls(trusting);
            assertEquals(List.of("n1 OK NOOP completed"), client.command("n1", "NOOP"));
            // Still not authenticated: the injected LOGIN did not run.
            List<String> list = client.command("n2", "LIST \"\" *");
            assertTrue(list.getLast().startsWith("n2 BAD"), list.toString());
            client.expectOk("l", "LOGIN alice pw");
            List<String> mailboxes = client.expectOk("n3", "LIST \"\" *");
            assertEquals(2, mailboxes.size(), "only INBOX: " + mailboxes);
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("octets sent after STARTTLS before TLS began"),
                log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startTlsIsRefusedWhereItCannotBeUsed() throws IOException {
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            List<String> withArgument = client.command("a", "STARTTLS now");
            assertTrue(withArgument.getLast().startsWith("a BAD "), withArgument.toString());
            client.expectOk("l", "LOGIN alice pw");
            String capabilities = capabilities(client, "c");
            assertFalse(capabilities.contains(" STARTTLS "), "not offered once authenticated: " + capabilities);
            List<String> afterLogin = client.command("b", "STARTTLS");
            assertEquals("b BAD STARTTLS is only allowed before login (RFC 9051 section 6.2.1)", afterLogin.getLast());
            client.expectOk("n", "NOOP");
            assertNull(client.tlsSession());
        }
        try (ImapTestClient client = ImapTestClient.connectTls(server.imapsPort(), trusting)) {
            assertEquals(List.of("b BAD TLS is already active on this connection"), client.command("b", "STARTTLS"));
            client.expectOk("n", "NOOP");
        }
    }

    @Test
    void withoutACertificateStartTlsIsNeitherOfferedNorTaken() throws IOException {
        start(SecurityConfig.plaintext());
        assertEquals(-1, server.imapsPort());
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            String capabilities = capabilities(client, "c");
            assertFalse(capabilities.contains(" STARTTLS "), capabilities);
            assertEquals(List.of("t BAD STARTTLS is not offered: this server has no TLS certificate"),
                    client.command("t", "STARTTLS"));
            client.expectOk("l", "LOGIN alice pw");
        }
    }

    /**
     * LOGINDISABLED end to end. The tests can only connect from 127.0.0.1, which counts as safe by
     * default; with the loopback untrusted, the connection is what one from another machine would be.
     */
    @Test
    void withoutTlsPasswordsAreRefusedUntilStartTls() throws IOException {
        start(SecurityConfig.startTls(tls).withTrustLoopback(false));
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            String capabilities = capabilities(client, "c1");
            assertTrue(capabilities.contains(" LOGINDISABLED "), capabilities);
            assertTrue(capabilities.contains(" STARTTLS "), capabilities);
            assertFalse(capabilities.contains("AUTH="), capabilities);
            assertEquals(List.of("l1 NO [PRIVACYREQUIRED] Plaintext login is disabled on this connection:"
                    + " use STARTTLS first, or the IMAPS port"), client.command("l1", "LOGIN alice pw"));
            assertTrue(client.command("l2", "AUTHENTICATE PLAIN AGFsaWNlAHB3").getLast()
                    .startsWith("l2 NO [PRIVACYREQUIRED] "));
            // Without an initial response too: refused before the password is asked for.
            assertTrue(client.command("l3", "AUTHENTICATE PLAIN").getLast().startsWith("l3 NO [PRIVACYREQUIRED] "));
            assertTrue(client.command("s", "SELECT INBOX").getLast().startsWith("s BAD"), "still not logged in");
            client.expectOk("t", "STARTTLS");
            client.startTls(trusting);
            String after = capabilities(client, "c2");
            assertFalse(after.contains(" LOGINDISABLED "), after);
            assertTrue(after.contains(" AUTH=PLAIN "), after);
            client.expectOk("l4", "AUTHENTICATE PLAIN AGFsaWNlAHB3");
        }
    }

    @Test
    void withoutTlsOrCertificatePasswordsAreRefusedWithTheReason() throws IOException {
        start(SecurityConfig.plaintext().withTrustLoopback(false));
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            String capabilities = capabilities(client, "c1");
            assertTrue(capabilities.contains(" LOGINDISABLED "), capabilities);
            assertFalse(capabilities.contains(" STARTTLS "), capabilities);
            assertEquals(List.of("l NO [PRIVACYREQUIRED] Plaintext login is disabled on this connection: this server"
                    + " takes passwords only over TLS or from the loopback address"), client.command("l", "LOGIN alice pw"));
        }
    }

    @Test
    void theOperatorMayAllowPlaintextLogins() throws IOException {
        start(SecurityConfig.plaintext().withTrustLoopback(false).withAllowPlaintextLogin(true));
        try (ImapTestClient client = ImapTestClient.connect(server.port())) {
            String capabilities = capabilities(client, "c1");
            assertFalse(capabilities.contains(" LOGINDISABLED "), capabilities);
            assertTrue(capabilities.contains(" AUTH=PLAIN "), capabilities);
            client.expectOk("l", "LOGIN alice pw");
        }
    }
}
