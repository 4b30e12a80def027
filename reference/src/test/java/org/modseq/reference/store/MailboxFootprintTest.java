package org.modseq.reference.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.server.ServerChoices;

/**
 * The heap a mailbox's layout costs per message (issue 5 aims at 64 bytes or less for 10^6
 * messages): one million messages appended with one shared content array and a few flag sets,
 * so that what is measured is the store's own structures, not message bodies. Heap use is read
 * after repeated garbage collections, so the number is approximate.
 */
class MailboxFootprintTest {

    private static final int MESSAGES = 1_000_000;

    @Test
    void aMillionMessagesCostFewerThan64BytesEach() {
        for (ServerChoices choices : new ServerChoices[] {ServerChoices.RFC_DEFAULTS, ServerChoices.HARDEST_ON_CLIENTS}) {
            long before = usedHeap();
            MailboxStore mailbox = fill(choices);
            long filled = usedHeap();
            // One change per message, one mod-sequence each: every message gets an index entry
            // (and per-flag stamps where conflicts are detected per flag).
            for (int slot = 0; slot < MESSAGES; slot++) {
                mailbox.store(slot, "user", Set.of(Flag.FLAGGED), Set.of(Flag.FLAGGED), mailbox.nextModSeq(), false);
            }
            long changed = usedHeap();
            System.out.printf("%,d messages, conflicts %s: %.1f bytes per message as added, %.1f after one change each%n",
                    MESSAGES, choices.conflictDetection(), (filled - before) / (double) MESSAGES,
                    (changed - before) / (double) MESSAGES);
            assertEquals(MESSAGES, mailbox.size());
            double perMessage = (filled - before) / (double) MESSAGES;
            assertTrue(perMessage < 64, "the layout costs " + perMessage + " bytes per message");
            mailbox = null;
        }
    }

    private static MailboxStore fill(ServerChoices choices) {
        MailboxStore mailbox = new MailboxStore("INBOX", UidValidity.of(1), true, choices, new FlagSets());
        byte[] content = "shared body".getBytes(StandardCharsets.ISO_8859_1);
        InternalDate date = new InternalDate(1_700_000_000L, 60);
        Set<Flag> seen = Set.of(Flag.SEEN);
        for (int i = 0; i < MESSAGES; i++) {
            mailbox.append(i % 3 == 0 ? Set.of() : seen, "user", content, date, mailbox.nextModSeq());
        }
        return mailbox;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
