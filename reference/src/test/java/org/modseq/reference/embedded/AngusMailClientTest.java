package org.modseq.reference.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MailEvent;
import jakarta.mail.event.MessageChangedEvent;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.mailbox.Flag;

/**
 * A real client, Angus Mail 2.0 (the Jakarta Mail implementation), against the embedded server:
 * CONDSTORE (RFC 7162 §3.1), QRESYNC resynchronisation (§3.2.5) and CHANGEDSINCE (§3.1.4). What
 * the client reports is compared with what the fixtures read from the server.
 */
@Timeout(60)
class AngusMailClientTest {

    private static final Flag LABEL = Flag.of("$Label");

    private EmbeddedServer server;
    private UserMailbox inbox;
    private Store store;

    @BeforeEach
    void start() throws IOException, MessagingException {
        server = EmbeddedServer.builder().account("alice", "secret").start();
        inbox = server.mailbox("alice", "INBOX");
        inbox.append("Subject: one\r\n\r\n1\r\n", Flag.SEEN);
        inbox.append("Subject: two\r\n\r\n2\r\n");
        inbox.append("Subject: three\r\n\r\n3\r\n", Flag.FLAGGED);
        inbox.append("Subject: four\r\n\r\n4\r\n", Flag.SEEN, LABEL);
        inbox.append("Subject: five\r\n\r\n5\r\n", Flag.SEEN);
        inbox.append("Subject: six\r\n\r\n6\r\n");
        // Raise the mod-sequences past the APPENDs' so that the client has something to learn.
        inbox.addFlags(Set.of(Flag.ANSWERED), 1, 2);
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        store = Session.getInstance(properties).getStore("imap");
        store.connect(server.host(), server.port(), "alice", "secret");
    }

    @AfterEach
    void stop() throws MessagingException {
        try {
            store.close();
        } finally {
            server.close();
        }
    }

    @Test
    void condstoreOpenReportsTheHighestModSeqAndEachMessagesModSeq() throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
        try {
            assertEquals(inbox.highestModSeq(), folder.getHighestModSeq());
            assertEquals(inbox.uidValidity(), folder.getUIDValidity());
            Map<Long, Long> seen = new TreeMap<>();
            for (Message m : folder.getMessages()) {
                seen.put(folder.getUID(m), ((IMAPMessage) m).getModSeq());
            }
            Map<Long, Long> held = new TreeMap<>();
            inbox.messages().forEach(m -> held.put(m.uid(), m.modSeq()));
            assertEquals(held, seen);
        } finally {
            folder.close(false);
        }
    }

    @Test
    void qresyncReopenReportsExactlyTheChangedMessagesAndTheVanishedUids() throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
        long uidValidity = folder.getUIDValidity();
        long modSeq = folder.getHighestModSeq();
        // Closed while another client changes the mailbox. Angus Mail 2.0.x throws a
        // NullPointerException on an unsolicited VANISHED naming more than one UID (the expunges of
        // another session reported to an open QRESYNC folder, RFC 7162 §3.2.10), a bug of the
        // client: the test takes the path it handles, VANISHED (EARLIER) during the QRESYNC open.
        folder.close(false);

        inbox.addFlags(Set.of(Flag.FLAGGED), 2, 4);
        inbox.removeFlags(Set.of(Flag.SEEN), 5);
        inbox.expunge(3, 6);

        List<MailEvent> events = folder.open(Folder.READ_WRITE, new ResyncData(uidValidity, modSeq));
        try {
            Set<Long> vanished = new TreeSet<>();
            Map<Long, MessageState> changed = new TreeMap<>();
            for (MailEvent event : events) {
                if (event instanceof MessageVanishedEvent v) {
                    for (long uid : v.getUIDs()) {
                        vanished.add(uid);
                    }
                } else if (event instanceof MessageChangedEvent c) {
                    IMAPMessage m = (IMAPMessage) c.getMessage();
                    long uid = folder.getUID(m);
                    changed.put(uid, new MessageState(uid, flagsOf(m), m.getModSeq()));
                }
            }
            assertEquals(Set.of(3L, 6L), vanished);
            Map<Long, MessageState> expected = new TreeMap<>();
            for (long uid : List.of(2L, 4L, 5L)) {
                expected.put(uid, inbox.message(uid));
            }
            assertEquals(expected, changed);
            assertEquals(inbox.highestModSeq(), folder.getHighestModSeq());
            assertEquals(4, folder.getMessageCount());
        } finally {
            folder.close(false);
        }
    }

    @Test
    void messagesChangedSinceAModSeqAreExactlyThoseAnotherClientChanged() throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
        try {
            long modSeq = folder.getHighestModSeq();
            inbox.addFlags(Set.of(Flag.DRAFT), 3);
            inbox.replaceFlags(Set.of(LABEL), 6);
            // A CONDSTORE-only folder is told of expunges with EXPUNGE (RFC 3501 §7.4.1), not VANISHED.
            inbox.expunge(2, 5);
            // The client takes the expunges first, with NOOP. Left pending, the server
            // reports them after UID FETCH's FETCH responses, which RFC 3501 §7.4.1 allows: the
            // FETCHes carry the numbers from before the expunges. Angus Mail 2.0.x reads those
            // numbers only after applying the EXPUNGEs and so returns the wrong messages, a bug of
            // the client; the server's order stays.
            folder.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
            assertTrue(folder.getMessage(2).isExpunged() && folder.getMessage(5).isExpunged());
            Message[] found = folder.getMessagesByUIDChangedSince(1, UIDFolder.LASTUID, modSeq);
            Map<Long, MessageState> changed = new TreeMap<>();
            for (Message m : found) {
                long uid = folder.getUID(m);
                changed.put(uid, new MessageState(uid, flagsOf(m), ((IMAPMessage) m).getModSeq()));
            }
            assertEquals(Map.of(3L, inbox.message(3), 6L, inbox.message(6)), changed);
            assertTrue(changed.values().stream().allMatch(m -> m.modSeq() > modSeq));
        } finally {
            folder.close(false);
        }
    }

    /** The client's flags as the model names them. */
    private static Set<Flag> flagsOf(Message message) throws MessagingException {
        Flags flags = message.getFlags();
        Set<Flag> out = new HashSet<>();
        for (Flags.Flag f : flags.getSystemFlags()) {
            if (f == Flags.Flag.SEEN) {
                out.add(Flag.SEEN);
            } else if (f == Flags.Flag.ANSWERED) {
                out.add(Flag.ANSWERED);
            } else if (f == Flags.Flag.FLAGGED) {
                out.add(Flag.FLAGGED);
            } else if (f == Flags.Flag.DELETED) {
                out.add(Flag.DELETED);
            } else if (f == Flags.Flag.DRAFT) {
                out.add(Flag.DRAFT);
            }
        }
        for (String keyword : flags.getUserFlags()) {
            out.add(Flag.of(keyword));
        }
        return out;
    }
}
