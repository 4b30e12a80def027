package org.modseq.reference.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MailEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.ResyncData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.modseq.model.mailbox.Flag;

/** The example of README.md's "Use it from your tests", compiled and run; the README must show it as it is here. */
@Timeout(60)
class ReadmeExampleTest {

    private static final String START = "// README example starts";
    private static final String END = "// README example ends";

    @Test
    void exampleRuns() throws Exception {
        // README example starts
        try (EmbeddedServer server = EmbeddedServer.builder().account("alice", "secret").start()) {
            UserMailbox inbox = server.mailbox("alice", "INBOX");
            long uid = inbox.append("Subject: hello\r\n\r\nHi!\r\n", Flag.SEEN);

            // The client under test (here Angus Mail) opens INBOX with CONDSTORE and caches its state.
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(server.host(), server.port(), "alice", "secret");
            IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
            long uidValidity = folder.getUIDValidity();
            long cached = folder.getHighestModSeq();
            folder.close(false);

            // Another client flags the message: it takes a new mod-sequence.
            inbox.addFlags(Set.of(Flag.FLAGGED), uid);
            MessageState message = inbox.message(uid);
            assertEquals(Set.of(Flag.SEEN, Flag.FLAGGED), message.flags());
            assertTrue(message.modSeq() > cached);
            assertEquals(message.modSeq(), inbox.highestModSeq());

            // QRESYNC: reopening with the cached state reports that one change.
            List<MailEvent> changes = folder.open(Folder.READ_WRITE, new ResyncData(uidValidity, cached));
            assertEquals(1, changes.size());
            store.close();
        }
        // README example ends
    }

    @Test
    void readmeShowsTheExampleAsCompiled() throws IOException {
        Path source = Path.of("src/test/java/org/modseq/reference/embedded/ReadmeExampleTest.java");
        List<String> lines = Files.readAllLines(source);
        List<String> example = lines.subList(lines.indexOf("        " + START) + 1, lines.indexOf("        " + END));
        String expected = example.stream().map(line -> line.length() >= 8 ? line.substring(8) : line)
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains("```java\n" + expected + "\n```"),
                "README.md's \"Use it from your tests\" must show this example exactly:\n" + expected);
    }
}
