package org.modseq.reference.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modseq.model.mailbox.Flag;

/** The journal's records and frames: every kind reads back as written, and every damage is seen. */
class JournalFileTest {

    @TempDir
    Path dir;

    private static final byte[] OCTETS = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private static List<JournalRecord> everyKind() {
        return List.of(new JournalRecord.Header(1, "settings"),
                new JournalRecord.Created(3, "alice", "Archive/2024", 17, true),
                new JournalRecord.Deleted(3),
                new JournalRecord.Renamed(4, "Newer"),
                new JournalRecord.Appended(4, 9, 12, "alice", Set.of(Flag.SEEN, Flag.of("$Work")), 1_700_000_000L, -300,
                        OCTETS.length),
                new JournalRecord.Copied(5, 1, 13, 4, 9),
                new JournalRecord.Stored(4, 9, "bob", Set.of(), Set.of(Flag.FLAGGED), 14, true),
                new JournalRecord.Expunged(4, 15, new long[] {1, 9, 0xFFFF_FFFFL}),
                new JournalRecord.Subscribed("bob", "INBOX", false),
                new JournalRecord.Renumbered(4, 30));
    }

    private static byte[] journal(List<JournalRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JournalRecord r : records) {
            out.writeBytes(JournalFile.frame(JournalRecord.encode(r),
                    r instanceof JournalRecord.Appended ? OCTETS : new byte[0]));
        }
        return out.toByteArray();
    }

    private record Read(List<JournalRecord> records, List<byte[]> payloads, JournalFile.Scan scan) {
    }

    private Read read(byte[] octets) throws Exception {
        Path file = dir.resolve("j" + System.nanoTime());
        Files.write(file, octets);
        List<JournalRecord> records = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            JournalFile.Scan scan = JournalFile.read(channel, file, (payload, payloadOffset, frameOffset) -> {
                payloads.add(payload);
                try {
                    records.add(JournalRecord.decode(payload));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
            return new Read(records, payloads, scan);
        }
    }

    @Test
    void everyKindReadsBackAsWritten() throws Exception {
        Read read = read(journal(everyKind()));
        assertEquals(everyKind().size(), read.records().size());
        for (int i = 0; i < everyKind().size(); i++) {
            JournalRecord written = everyKind().get(i);
            JournalRecord back = read.records().get(i);
            if (written instanceof JournalRecord.Expunged e) {
                assertArrayEquals(e.uids(), ((JournalRecord.Expunged) back).uids());
                assertEquals(e.modSeq(), ((JournalRecord.Expunged) back).modSeq());
            } else {
                assertEquals(written, back);
            }
        }
        byte[] appended = read.payloads().get(4);
        byte[] tail = java.util.Arrays.copyOfRange(appended, appended.length - OCTETS.length, appended.length);
        assertArrayEquals(OCTETS, tail, "an APPEND's octets end its payload");
        assertFalse(read.scan().hasBadTail());
    }

    @Test
    void everyFlippedOctetIsSeenAndTheDamageIsPlaced() throws Exception {
        byte[] good = journal(everyKind());
        int lastFrame = good.length - journal(List.of(everyKind().getLast())).length;
        for (int at = 0; at < good.length; at++) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            Read read = read(bad);
            assertTrue(read.scan().hasBadTail(), "flip at " + at + " went unseen");
            assertTrue(read.scan().goodEnd() <= at, "flip at " + at + " read past");
            // Damage in the last frame is a tail; anywhere before, good frames follow it.
            assertEquals(at < lastFrame, read.scan().damagedBeforeEnd(), "flip at " + at);
        }
    }

    @Test
    void aShortLastFrameIsATornTail() throws Exception {
        byte[] good = journal(everyKind());
        for (int cut = 1; cut < 12; cut++) {
            Read read = read(java.util.Arrays.copyOf(good, good.length - cut));
            assertEquals(everyKind().size() - 1, read.records().size());
            assertTrue(read.scan().hasBadTail());
            assertFalse(read.scan().damagedBeforeEnd());
        }
    }
}
