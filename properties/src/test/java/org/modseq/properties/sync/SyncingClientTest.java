package org.modseq.properties.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.rfc.Covers;

/** The client against scripted answers shaped like the RFC's examples: what it sends, what it caches. */
class SyncingClientTest {

    private static final ResyncPlan QRESYNC_EXACT = new ResyncPlan.Qresync(ResyncPlan.KnownUids.EXACT, 0);

    private final ScriptedSessions server = new ScriptedSessions();
    private final SyncingClient client = new SyncingClient(server, "S", new Account("alex", "pw"), "INBOX",
            new SyncCoverage(), ModSeqTracking.SECTION_6);

    private void logIn(boolean qresync) {
        server.expect("LOGIN alex pw", "TAG OK done")
                .expect("CAPABILITY", "* CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC UIDPLUS", "TAG OK done");
        if (qresync) {
            server.expect("ENABLE QRESYNC", "* ENABLED QRESYNC", "TAG OK done");
        }
    }

    /** A first, full synchronisation: UIDs 6, 7 and 8 under UIDVALIDITY 3857529045 at HIGHESTMODSEQ 96. */
    private void firstSync() {
        logIn(true);
        server.expect("SELECT INBOX (CONDSTORE)", "* 3 EXISTS", "* OK [UIDVALIDITY 3857529045] UIDs valid",
                        "* OK [UIDNEXT 9] Predicted next UID", "* OK [HIGHESTMODSEQ 96] Highest",
                        "TAG OK [READ-WRITE] done")
                .expect("UID FETCH 1:* (FLAGS)", "* 1 FETCH (UID 6 FLAGS () MODSEQ (90))",
                        "* 2 FETCH (UID 7 FLAGS (\\Answered) MODSEQ (91))", "* 3 FETCH (UID 8 FLAGS () MODSEQ (92))",
                        "TAG OK done");
        assertTrue(client.resync(QRESYNC_EXACT, ConnectionLoss.NEVER));
        assertEquals(Optional.of(ModSeq.of(96)), client.cache().highestModSeq());
        assertEquals(Set.of(Uid.of(6), Uid.of(7), Uid.of(8)), client.cache().messages().keySet());
        assertEquals(9, client.cache().knownBelow());
    }

    private Optional<ModSeq> highestModSeq() {
        return client.cache().highestModSeq();
    }

    @Test
    @Covers({"X40", "R102", "R96"})
    void x40_theClientTakesTheLowerHighestModSeqCodeOverHigherModSeqs() {
        firstSync();
        server.expect("UID STORE 6:7 (UNCHANGEDSINCE 96) +FLAGS.SILENT (\\Seen)", "* 1 FETCH (UID 6 MODSEQ (103))",
                "* 2 FETCH (UID 7 MODSEQ (101))", "* OK [HIGHESTMODSEQ 99] VANISHED reply with MODSEQ 100 is delayed",
                "TAG OK done");
        client.act(new ClientAction.Mark(List.of(Uid.of(6), Uid.of(7)), StoreAction.ADD, Set.of(Flag.SEEN), true, true),
                ConnectionLoss.NEVER);
        assertEquals(Optional.of(ModSeq.of(99)), highestModSeq());
        assertEquals(Set.of(Flag.SEEN), client.cache().messages().get(Uid.of(6)), "the .SILENT STORE's own change");
        assertEquals(Set.of(Flag.SEEN, Flag.ANSWERED), client.cache().messages().get(Uid.of(7)));

        server.expect("UID STORE 8 +FLAGS.SILENT (\\Seen)", "* 3 FETCH (UID 8 MODSEQ (104))",
                "TAG OK [HIGHESTMODSEQ 99] Still delaying VANISHED");
        client.act(new ClientAction.Mark(List.of(Uid.of(8)), StoreAction.ADD, Set.of(Flag.SEEN), true, false),
                ConnectionLoss.NEVER);
        assertEquals(Optional.of(ModSeq.of(99)), highestModSeq());

        server.expect("NOOP", "* VANISHED 8", "TAG OK [HIGHESTMODSEQ 104] done");
        client.act(new ClientAction.Noop(), ConnectionLoss.NEVER);
        assertEquals(Optional.of(ModSeq.of(104)), highestModSeq());
        assertEquals(Set.of(Uid.of(6), Uid.of(7)), client.cache().messages().keySet(), "R88: VANISHED recorded");
        server.assertDone();
    }

    @Test
    @Covers("R102")
    void withoutACodeTheHighestModSeqOfTheCommandIsTakenAtTheTaggedResponseOnly() {
        firstSync();
        server.expect("UID STORE 6 +FLAGS (\\Flagged)", "* 1 FETCH (UID 6 FLAGS (\\Flagged) MODSEQ (120))",
                "TAG OK done");
        assertFalse(client.act(new ClientAction.Mark(List.of(Uid.of(6)), StoreAction.ADD, Set.of(Flag.FLAGGED), false,
                false), ConnectionLoss.afterResponses(1)));
        assertEquals(Set.of(Flag.FLAGGED), client.cache().messages().get(Uid.of(6)), "the FETCH it read is recorded");
        assertEquals(Optional.of(ModSeq.of(96)), highestModSeq(), "no tagged response read, so no new HIGHESTMODSEQ");
        assertFalse(client.online());
        assertEquals(2, server.connects(), "the lost connection is replaced at once");

        logIn(true);
        server.expect("SELECT INBOX (QRESYNC (3857529045 96 6:8))", "* 3 EXISTS",
                        "* OK [UIDVALIDITY 3857529045] UIDs valid", "* OK [HIGHESTMODSEQ 120] Highest",
                        "* 1 FETCH (UID 6 FLAGS (\\Flagged) MODSEQ (120))", "TAG OK [READ-WRITE] done")
                .expect("UID FETCH 9:* (FLAGS)", "* 3 FETCH (UID 8 FLAGS () MODSEQ (92))", "TAG OK done")
                .expect("NOOP", "* 2 FETCH (UID 7 FLAGS () MODSEQ (121))", "* 1 FETCH (UID 6 FLAGS () MODSEQ (122))",
                        "TAG OK done");
        assertTrue(client.resync(QRESYNC_EXACT, ConnectionLoss.NEVER));
        assertEquals(Optional.of(ModSeq.of(120)), highestModSeq());
        client.act(new ClientAction.Noop(), ConnectionLoss.NEVER);
        assertEquals(Optional.of(ModSeq.of(122)), highestModSeq());
        server.assertDone();
    }

    @Test
    @Covers({"X41", "R62", "R70", "R72"})
    void x41_aQresyncResyncDropsVanishedUidsTakesChangedFlagsAndFetchesNewMessages() {
        firstSync();
        client.hangUp();
        logIn(true);
        server.expect("SELECT INBOX (QRESYNC (3857529045 96 6:8 (2:3 7:8)))", "* 3 EXISTS",
                        "* OK [UIDVALIDITY 3857529045] UIDs valid", "* OK [UIDNEXT 10] Predicted next UID",
                        "* OK [HIGHESTMODSEQ 130] Highest", "* VANISHED (EARLIER) 7",
                        "* 1 FETCH (UID 6 MODSEQ (125) FLAGS (\\Deleted))", "TAG OK [READ-WRITE] done")
                .expect("UID FETCH 9:* (FLAGS)", "* 3 FETCH (UID 9 FLAGS ($Label) MODSEQ (128))", "TAG OK done");
        assertTrue(client.resync(new ResyncPlan.Qresync(ResyncPlan.KnownUids.EXACT, 2), ConnectionLoss.NEVER));
        assertEquals(Map.of(Uid.of(6), Set.of(Flag.DELETED), Uid.of(8), Set.of(), Uid.of(9), Set.of(Flag.of("$Label"))),
                client.cache().messages());
        assertEquals(Optional.of(ModSeq.of(130)), highestModSeq());
        assertEquals(10, client.cache().knownBelow());

        // The view was rebuilt from the cache: message 2 is UID 8 in a FETCH without UID.
        server.expect("NOOP", "* 2 FETCH (FLAGS (\\Seen) MODSEQ (131))", "TAG OK done");
        client.act(new ClientAction.Noop(), ConnectionLoss.NEVER);
        assertEquals(Set.of(Flag.SEEN), client.cache().messages().get(Uid.of(8)));
        server.assertDone();
    }

    @Test
    @Covers({"R83", "R84", "R88"})
    void r83_vanishedEarlierLeavesMessageNumbersAndVanishedRenumbers() {
        firstSync();
        server.expect("UID FETCH 1:* (FLAGS) (CHANGEDSINCE 96 VANISHED)", "* VANISHED (EARLIER) 6",
                        "* 2 FETCH (UID 7 FLAGS () MODSEQ (97))", "TAG OK done")
                .expect("NOOP", "* 3 FETCH (FLAGS (\\Flagged) MODSEQ (98))", "* VANISHED 6",
                        "* 1 FETCH (FLAGS (\\Seen) MODSEQ (99))", "TAG OK done");
        client.act(new ClientAction.Poll(), ConnectionLoss.NEVER);
        assertEquals(Set.of(Uid.of(7), Uid.of(8)), client.cache().messages().keySet(), "R88: the UID is gone");
        client.act(new ClientAction.Noop(), ConnectionLoss.NEVER);
        // Message 3 is still UID 8 after VANISHED (EARLIER); after VANISHED 6, message 1 is UID 7.
        assertEquals(Map.of(Uid.of(7), Set.of(Flag.SEEN), Uid.of(8), Set.of(Flag.FLAGGED)), client.cache().messages());
        assertEquals(Optional.of(ModSeq.of(99)), highestModSeq());
        server.assertDone();
    }

    @Test
    @Covers("R27")
    void r27_aNewUidValidityEmptiesTheCacheAndForgetsHighestModSeq() {
        firstSync();
        client.hangUp();
        logIn(true);
        server.expect("SELECT INBOX (QRESYNC (3857529045 96 6:8))", "* 1 EXISTS",
                        "* OK [UIDVALIDITY 3857529046] UIDs valid", "* OK [HIGHESTMODSEQ 4] Highest",
                        "TAG OK [READ-WRITE] Sorry, UIDVALIDITY mismatch")
                .expect("UID FETCH 1:* (FLAGS)", "* 1 FETCH (UID 1 FLAGS () MODSEQ (4))", "TAG OK done");
        assertTrue(client.resync(QRESYNC_EXACT, ConnectionLoss.NEVER));
        assertEquals(Optional.of(UidValidity.of(3857529046L)), client.cache().uidValidity());
        assertEquals(Map.of(Uid.of(1), Set.of()), client.cache().messages());
        assertEquals(Optional.of(ModSeq.of(4)), highestModSeq());
        server.assertDone();
    }

    @Test
    @Covers("R102")
    void nomodseqOnAQresyncSelectForgetsHighestModSeqAndSyncsInFull() {
        firstSync();
        client.hangUp();
        logIn(true);
        server.expect("SELECT INBOX (QRESYNC (3857529045 96 6:8))", "* 2 EXISTS",
                        "* OK [UIDVALIDITY 3857529045] UIDs valid", "* OK [NOMODSEQ] Sorry, no mod-sequences",
                        "TAG OK [READ-WRITE] done")
                .expect("UID FETCH 1:* (FLAGS)", "* 1 FETCH (UID 6 FLAGS ())", "* 2 FETCH (UID 8 FLAGS (\\Seen))",
                        "TAG OK done");
        assertTrue(client.resync(QRESYNC_EXACT, ConnectionLoss.NEVER));
        assertEquals(Optional.empty(), highestModSeq());
        assertEquals(Map.of(Uid.of(6), Set.of(), Uid.of(8), Set.of(Flag.SEEN)), client.cache().messages());
        server.assertDone();
    }

    @Test
    @Covers("R102")
    void aQresyncSelectWithoutHighestModSeqIsFollowedByAFullSync() {
        firstSync();
        client.hangUp();
        logIn(true);
        server.expect("SELECT INBOX (QRESYNC (3857529045 96 6:8))", "* 2 EXISTS",
                        "* OK [UIDVALIDITY 3857529045] UIDs valid", "TAG OK [READ-WRITE] done")
                .expect("UID FETCH 1:* (FLAGS)", "* 1 FETCH (UID 6 FLAGS ())", "* 2 FETCH (UID 9 FLAGS ())",
                        "TAG OK done");
        assertTrue(client.resync(QRESYNC_EXACT, ConnectionLoss.NEVER));
        assertEquals(Set.of(Uid.of(6), Uid.of(9)), client.cache().messages().keySet());
        assertEquals(Optional.empty(), highestModSeq());
        server.assertDone();
    }

    @Test
    @Covers({"R28", "R63", "X30"})
    void withoutEnabledQresyncTheClientResyncsWithCondstoreAlone() {
        firstSync();
        client.hangUp();
        server.expect("LOGIN alex pw", "TAG OK done")
                .expect("CAPABILITY", "* CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC", "TAG OK done")
                .expect("ENABLE QRESYNC", "TAG OK nothing enabled")
                .expect("SELECT INBOX (CONDSTORE)", "* 3 EXISTS", "* OK [UIDVALIDITY 3857529045] UIDs valid",
                        "* OK [HIGHESTMODSEQ 140] Highest", "TAG OK [READ-WRITE] done")
                .expect("UID SEARCH ALL", "* SEARCH 6 8 9", "TAG OK done")
                .expect("UID FETCH 1:* (FLAGS) (CHANGEDSINCE 96)", "* 2 FETCH (UID 8 FLAGS (\\Flagged) MODSEQ (135))",
                        "* 3 FETCH (UID 9 FLAGS () MODSEQ (139))", "TAG OK done")
                .expect("UID FETCH 9:* (FLAGS)", "* 3 FETCH (UID 9 FLAGS () MODSEQ (139))", "TAG OK done");
        assertTrue(client.resync(QRESYNC_EXACT, ConnectionLoss.NEVER));
        assertFalse(client.qresyncEnabled());
        assertEquals(Map.of(Uid.of(6), Set.of(), Uid.of(8), Set.of(Flag.FLAGGED), Uid.of(9), Set.of()),
                client.cache().messages());
        assertEquals(Optional.of(ModSeq.of(140)), highestModSeq());

        // CONDSTORE alone: EXPUNGE by message number, mapped through the view the search gave.
        server.expect("NOOP", "* 2 EXPUNGE", "TAG OK [HIGHESTMODSEQ 141] done");
        client.act(new ClientAction.Noop(), ConnectionLoss.NEVER);
        assertEquals(Set.of(Uid.of(6), Uid.of(9)), client.cache().messages().keySet());
        assertEquals(Optional.of(ModSeq.of(141)), highestModSeq());
        server.assertDone();
    }
}
