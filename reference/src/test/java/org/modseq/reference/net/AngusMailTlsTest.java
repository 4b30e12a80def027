package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.tls.ServerTls;

/**
 * A real client, Angus Mail 2.0, over IMAPS and over STARTTLS. The loopback address is untrusted
 * here, so the server refuses the password until TLS runs, as it would for a client elsewhere.
 */
@Timeout(60)
class AngusMailTlsTest {

    private ImapServer server;
    private SSLContext trusting;

    @BeforeEach
    void start() throws Exception {
        ServerTls tls = ServerTls.selfSigned(List.of("localhost", "127.0.0.1"));
        trusting = ImapTestClient.trusting(tls.certificate());
        server = ImapServer.start(StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("alice", "secret"),
                        NamespaceMode.PER_USER), ServerConfig.defaults().withPort(0),
                SecurityConfig.startTls(tls).withImapsPort(0).withTrustLoopback(false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Store store(String protocol, Properties properties) throws MessagingException {
        properties.setProperty("mail." + protocol + ".connectiontimeout", "5000");
        properties.setProperty("mail." + protocol + ".timeout", "5000");
        properties.put("mail." + protocol + ".ssl.socketFactory", trusting.getSocketFactory());
        properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "false");
        return Session.getInstance(properties).getStore(protocol);
    }

    private static void opensInbox(Store store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            assertEquals(0, inbox.getMessageCount());
        } finally {
            inbox.close(false);
        }
    }

    @Test
    void imaps() throws MessagingException {
        Store store = store("imaps", new Properties());
        store.connect("127.0.0.1", server.imapsPort(), "alice", "secret");
        try {
            assertTrue(((IMAPStore) store).hasCapability("AUTH=PLAIN"));
            assertFalse(((IMAPStore) store).hasCapability("LOGINDISABLED"));
            opensInbox(store);
        } finally {
            store.close();
        }
    }

    @Test
    void startTls() throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.starttls.enable", "true");
        properties.setProperty("mail.imap.starttls.required", "true");
        Store store = store("imap", properties);
        store.connect("127.0.0.1", server.port(), "alice", "secret");
        try {
            assertFalse(((IMAPStore) store).hasCapability("STARTTLS"), "capabilities read anew after STARTTLS");
            assertFalse(((IMAPStore) store).hasCapability("LOGINDISABLED"));
            opensInbox(store);
        } finally {
            store.close();
        }
    }

    @Test
    void withoutTlsTheClientCannotLogIn() throws MessagingException {
        Store store = store("imap", new Properties());
        assertThrows(MessagingException.class, () -> store.connect("127.0.0.1", server.port(), "alice", "secret"));
    }
}
