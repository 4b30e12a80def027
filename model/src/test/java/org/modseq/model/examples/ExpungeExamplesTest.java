package org.modseq.model.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modseq.model.rfc.Covers;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices;

/**
 * RFC 7162 examples X32-X40: EXPUNGE, CLOSE and UID EXPUNGE with and without QRESYNC (§3.2.7-§3.2.9),
 * the VANISHED response (§3.2.10.2) and held-back expunges (§6), replayed against the model.
 */
class ExpungeExamplesTest {

    private static final long BEFORE = 20010715194045318L;
    private static final long AFTER = 20010715194045319L;

    /** Messages 3, 4, 7 and 11 have \Deleted and UIDs 405, 407, 410 and 425 (§3.2.7). */
    private static MailboxFixture deletedThreeFourSevenEleven() {
        return mailbox("INBOX").uidValidity(3857529045L)
                .message(401, 20010715194045001L)
                .message(403, 20010715194045002L)
                .message(405, 20010715194045003L, "\\Deleted")
                .message(407, 20010715194045004L, "\\Deleted")
                .message(408, 20010715194045005L)
                .message(409, 20010715194045006L)
                .message(410, 20010715194045007L, "\\Deleted")
                .message(415, 20010715194045008L)
                .message(420, 20010715194045009L)
                .message(421, 20010715194045010L)
                .message(425, BEFORE, "\\Deleted")
                .message(430, 20010715194045011L);
    }

    @Test
    @Covers({"X32", "R90", "R91", "R92"})
    void x32_expungeWithoutQresyncSendsExpungeResponses() {
        Scenario s = Scenario.rfcDefaults().with(deletedThreeFourSevenEleven()).login("A", "alex").login("B", "bob");
        s.send("A", "A201 SELECT INBOX (CONDSTORE)").taggedOk();

        s.send("A", "A202 EXPUNGE").is(
                "* 3 EXPUNGE",
                "* 3 EXPUNGE",
                "* 5 EXPUNGE",
                "* 8 EXPUNGE",
                "A202 OK [HIGHESTMODSEQ 20010715194045319] EXPUNGE completed");

        // R91: one new mailbox mod-sequence, remembered with every removed UID.
        s.send("B", "B1 ENABLE QRESYNC").taggedOk();
        s.send("B", "B2 SELECT INBOX").contains("* 8 EXISTS", "* OK [HIGHESTMODSEQ 20010715194045319] Highest mod-sequence");
        s.send("B", "B3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + BEFORE + " VANISHED)").is(
                "* VANISHED (EARLIER) 405,407,410,425",
                "B3 OK UID FETCH completed");
        s.send("B", "B4 UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + AFTER + " VANISHED)").is("B4 OK UID FETCH completed");

        // R92: without QRESYNC the code is optional; a server may leave it out.
        Scenario without = Scenario.with(ServerChoices.RFC_DEFAULTS.withHighestModSeqAfterExpunge(false))
                .with(deletedThreeFourSevenEleven()).login("A", "alex");
        without.send("A", "A201 SELECT INBOX (CONDSTORE)").taggedOk();
        without.send("A", "A202 EXPUNGE").is(
                "* 3 EXPUNGE",
                "* 3 EXPUNGE",
                "* 5 EXPUNGE",
                "* 8 EXPUNGE",
                "A202 OK EXPUNGE completed");
    }

    @Test
    @Covers({"X33", "R61", "R81", "R92"})
    void x33_expungeWithQresyncSendsOneVanished() {
        // R92: with QRESYNC the code is required, also from a server that omits it for CONDSTORE-only clients.
        for (ServerChoices choices : List.of(ServerChoices.RFC_DEFAULTS,
                ServerChoices.RFC_DEFAULTS.withHighestModSeqAfterExpunge(false))) {
            Scenario s = Scenario.with(choices).with(deletedThreeFourSevenEleven()).login("B", "bob").login("C", "andrew");
            s.send("B", "B200 ENABLE QRESYNC").taggedOk();
            s.send("B", "B201 SELECT INBOX").taggedOk();

            s.send("B", "B202 EXPUNGE").is(
                    "* VANISHED 405,407,410,425",
                    "B202 OK [HIGHESTMODSEQ 20010715194045319] EXPUNGE completed");

            // R81: an expunge by another session reaches this one as VANISHED too, never EXPUNGE (R61).
            s.send("C", "C1 SELECT INBOX").taggedOk();
            s.send("C", "C2 UID STORE 430 +FLAGS.SILENT (\\Deleted)").taggedOk();
            s.send("C", "C3 EXPUNGE").is("* 8 EXPUNGE", "C3 OK EXPUNGE completed");
            s.send("B", "B203 NOOP").is("* VANISHED 430", "B203 OK NOOP completed");
        }
    }

    @Test
    @Covers({"X34", "R93"})
    void x34_closeIsSilentButStillRaisesAndRemembers() {
        Scenario s = Scenario.rfcDefaults().with(deletedThreeFourSevenEleven()).login("A", "alex").login("B", "bob");
        // A QRESYNC client, the one a HIGHESTMODSEQ in CLOSE's OK could mislead (§3.2.8).
        s.send("A", "A200 ENABLE QRESYNC").taggedOk();
        s.send("A", "A201 SELECT INBOX").taggedOk();

        s.send("A", "A202 CLOSE").is("A202 OK CLOSE completed");

        // The mod-sequence rose by one and the four UIDs are remembered with it.
        s.send("B", "B1 ENABLE QRESYNC").taggedOk();
        s.send("B", "B2 SELECT INBOX").contains("* 8 EXISTS", "* OK [HIGHESTMODSEQ 20010715194045319] Highest mod-sequence");
        s.send("B", "B3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + BEFORE + " VANISHED)").is(
                "* VANISHED (EARLIER) 405,407,410,425",
                "B3 OK UID FETCH completed");
        s.send("B", "B4 UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + AFTER + " VANISHED)").is("B4 OK UID FETCH completed");
    }

    @Test
    @Covers({"X35", "R94"})
    void x35_uidExpungeRemovesOnlyDeletedMessagesInTheSet() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").uidValidity(3857529045L)
                        .message(2998, 20010715194045001L)
                        .message(2999, 20010715194045002L, "\\Deleted")
                        .message(3000, 20010715194045003L, "\\Deleted")
                        .message(3001, 20010715194045004L, "\\Deleted")
                        .message(3002, 20010715194045005L, "\\Deleted")
                        .message(3003, 20010715194045006L, "\\Deleted")
                        .message(3004, BEFORE))
                .login("A", "alex").login("B", "bob");
        s.send("A", ". SELECT INBOX (CONDSTORE)").taggedOk();

        s.send("A", ". UID EXPUNGE 3000:3002").is(
                "* 3 EXPUNGE",
                "* 3 EXPUNGE",
                "* 3 EXPUNGE",
                ". OK [HIGHESTMODSEQ 20010715194045319] UID EXPUNGE completed");
        // \Deleted messages outside the set stay.
        s.send("A", ". UID SEARCH DELETED").is("* SEARCH 2999 3003", ". OK UID SEARCH completed");

        // The same mod-sequence rules as EXPUNGE: one new value, remembered with each removed UID.
        s.send("B", "B1 ENABLE QRESYNC").taggedOk();
        s.send("B", "B2 SELECT INBOX").taggedOk();
        s.send("B", "B3 UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + BEFORE + " VANISHED)").is(
                "* VANISHED (EARLIER) 3000:3002",
                "B3 OK UID FETCH completed");
    }

    /**
     * The §3.2.10.2 table: message numbers 1-11 have UIDs 503 (an "x"), 504, 505, 507, 508, 509
     * (x), 510, 600, 601, 602 (x, x, x), 625; messages 3, 4, 7 and 11 have \Deleted.
     */
    private static MailboxFixture vanishedTable() {
        return mailbox("INBOX").uidValidity(77)
                .message(503, 40)
                .message(504, 41)
                .message(505, 42, "\\Deleted")
                .message(507, 43, "\\Deleted")
                .message(508, 44)
                .message(509, 45)
                .message(510, 46, "\\Deleted")
                .message(600, 47)
                .message(601, 48)
                .message(602, 49)
                .message(625, 50, "\\Deleted");
    }

    private static final String[] RENUMBERED = {
        "* 1 FETCH (UID 503)",
        "* 2 FETCH (UID 504)",
        "* 3 FETCH (UID 508)",
        "* 4 FETCH (UID 509)",
        "* 5 FETCH (UID 600)",
        "* 6 FETCH (UID 601)",
        "* 7 FETCH (UID 602)",
    };

    private static String[] renumbered(String tagged) {
        List<String> lines = new ArrayList<>(List.of(RENUMBERED));
        lines.add(tagged);
        return lines.toArray(String[]::new);
    }

    @Test
    @Covers({"X36", "R84", "R81"})
    void x36_vanishedShrinksAndRenumbersTheMailbox() {
        Scenario s = Scenario.rfcDefaults().with(vanishedTable()).login("A", "alex");
        s.send("A", "A200 ENABLE QRESYNC").taggedOk();
        s.send("A", "A201 SELECT INBOX").contains("* 11 EXISTS");

        // The RFC's OK has no HIGHESTMODSEQ; with QRESYNC enabled R92 requires it (X33).
        s.send("A", "A202 EXPUNGE").is(
                "* VANISHED 505,507,510,625",
                "A202 OK [HIGHESTMODSEQ 51] EXPUNGE completed");
        // R84: no EXISTS was sent, yet the mailbox now has 7 messages, renumbered.
        s.send("A", "A203 FETCH 1:* (UID)").is(renumbered("A203 OK FETCH completed"));
        s.send("A", "A204 FETCH 8 (UID)").taggedBad();
    }

    @Test
    @Covers({"X37", "R84", "R90"})
    void x37_expungeResponsesShiftNumbersOneAtATime() {
        Scenario s = Scenario.rfcDefaults().with(vanishedTable()).login("A", "alex");
        s.send("A", "A201 SELECT INBOX").contains("* 11 EXISTS");

        s.send("A", "A202 EXPUNGE").is(
                "* 3 EXPUNGE",
                "* 3 EXPUNGE",
                "* 5 EXPUNGE",
                "* 8 EXPUNGE",
                "A202 OK EXPUNGE completed");
        // The same numbering as after X36's single VANISHED.
        s.send("A", "A203 FETCH 1:* (UID)").is(renumbered("A203 OK FETCH completed"));
    }

    @Test
    @Covers({"X38", "R85"})
    void x38_laterVanishedNamesOnlyNewlyExpungedUids() {
        Scenario s = Scenario.rfcDefaults().with(vanishedTable()).login("A", "alex").login("B", "bob");
        s.send("A", "A200 ENABLE QRESYNC").taggedOk();
        s.send("A", "A201 SELECT INBOX").taggedOk();
        s.send("A", "A202 EXPUNGE").is("* VANISHED 505,507,510,625", "A202 OK [HIGHESTMODSEQ 51] EXPUNGE completed");

        s.send("A", "A209 UID STORE 504,508 +FLAGS.SILENT (\\Deleted)").is("A209 OK STORE completed");
        s.send("A", "A210 EXPUNGE").is("* VANISHED 504,508", "A210 OK [HIGHESTMODSEQ 53] EXPUNGE completed");

        // Another session's expunge is reported once, and the next own EXPUNGE repeats nothing.
        s.send("B", "B1 SELECT INBOX").contains("* 5 EXISTS");
        s.send("B", "B2 UID STORE 600 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "B3 EXPUNGE").is("* 3 EXPUNGE", "B3 OK EXPUNGE completed");
        s.send("A", "A211 UID STORE 601 +FLAGS.SILENT (\\Deleted)").is("* VANISHED 600", "A211 OK STORE completed");
        s.send("A", "A212 EXPUNGE").is("* VANISHED 601", "A212 OK [HIGHESTMODSEQ 57] EXPUNGE completed");
        s.send("A", "A213 NOOP").is("A213 OK NOOP completed");
    }

    /**
     * X39 is negative: with UIDs 2 and 4 in the mailbox, "* VANISHED 1", "* VANISHED 3" and
     * "* VANISHED 5" would be broken. Across a history of three sessions, every plain VANISHED
     * session A gets names only UIDs A's client can see at that moment (tracked here from the
     * responses), while VANISHED (EARLIER) may name 1, 3 and 5.
     */
    @Test
    @Covers({"X39", "R85"})
    void x39_plainVanishedNeverNamesUidsOutsideTheClientsView() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").uidValidity(7).message(2, 11).message(4, 12).expunged(10, 1, 3))
                .login("A", "alex").login("B", "bob").login("C", "andrew");
        List<Long> view = new ArrayList<>(List.of(2L, 4L));
        List<Long> plain = new ArrayList<>();
        s.send("A", "a1 ENABLE QRESYNC").taggedOk();
        s.send("A", "a2 SELECT INBOX").contains("* 2 EXISTS");
        s.send("A", "a2b FETCH 1:* (UID)").is("* 1 FETCH (UID 2)", "* 2 FETCH (UID 4)", "a2b OK FETCH completed");

        // UID 5 arrives and is expunged before A's client hears of it: A is never told.
        s.send("C", "c1 APPEND INBOX {5+}\r\nhello").is("c1 OK [APPENDUID 7 5] APPEND completed");
        s.send("B", "b1 ENABLE QRESYNC").taggedOk();
        s.send("B", "b2 SELECT INBOX").contains("* 3 EXISTS");
        s.send("B", "b3 UID STORE 5 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b4 EXPUNGE").is("* VANISHED 5", "b4 OK [HIGHESTMODSEQ 15] EXPUNGE completed");
        see(s.send("A", "a3 NOOP").is("a3 OK NOOP completed"), view, plain);

        // UID 4, which A's client sees, is expunged elsewhere: reported once.
        s.send("B", "b5 UID STORE 4 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b6 EXPUNGE").is("* VANISHED 4", "b6 OK [HIGHESTMODSEQ 17] EXPUNGE completed");
        see(s.send("A", "a4 NOOP").is("* VANISHED 4", "a4 OK NOOP completed"), view, plain);

        // UID 6 arrives, A's client is told by EXISTS, and only then may it vanish plainly.
        s.send("C", "c2 APPEND INBOX {5+}\r\nworld").is("c2 OK [APPENDUID 7 6] APPEND completed");
        see(s.send("A", "a5 NOOP").is("* 2 EXISTS", "a5 OK NOOP completed"), view, plain);
        s.send("A", "a5b FETCH 2 (UID)").is("* 2 FETCH (UID 6)", "a5b OK FETCH completed");
        view.add(6L);
        s.send("B", "b7 NOOP").is("* 2 EXISTS", "b7 OK NOOP completed");
        s.send("B", "b8 UID STORE 6 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b9 EXPUNGE").is("* VANISHED 6", "b9 OK [HIGHESTMODSEQ 20] EXPUNGE completed");
        see(s.send("A", "a6 NOOP").is("* VANISHED 6", "a6 OK NOOP completed"), view, plain);
        see(s.send("A", "a7 NOOP").is("a7 OK NOOP completed"), view, plain);

        assertEquals(List.of(4L, 6L), plain);
        assertEquals(List.of(2L), view);
        // The EARLIER form is the one that may name 1, 3 and 5 (§3.2.10.2).
        s.send("A", "a8 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)").is(
                "* VANISHED (EARLIER) 1,3:6",
                "* 1 FETCH (UID 2 FLAGS () MODSEQ (11))",
                "a8 OK UID FETCH completed");
    }

    /** Checks each plain VANISHED against the client's view, then applies it as the client would. */
    private static void see(Scenario.Exchange exchange, List<Long> view, List<Long> plain) {
        for (String line : exchange.starting("* VANISHED ")) {
            assertFalse(line.startsWith("* VANISHED (EARLIER)"), "unexpected EARLIER: " + line);
            for (long uid : QresyncExamplesTest.parseSet(line.substring("* VANISHED ".length()))) {
                assertTrue(view.contains(uid), "VANISHED names UID " + uid + " outside the client's view " + view);
                view.remove(uid);
                plain.add(uid);
            }
        }
    }

    /** UIDs 6, 7, 8 as messages 1-3; 8 has \Deleted for another session to expunge (§6). */
    private static MailboxFixture heldBack() {
        return mailbox("INBOX").uidValidity(1).message(6, 90).message(7, 95).message(8, 99, "\\Deleted");
    }

    /**
     * RFC defects corrected: A150 answers no MODIFIED 3 (message 3 is not in 1:2, spec list), and
     * the NOOP's completion keeps its own tag. The RFC gives messages 1 and 2 MODSEQs 103 and 101;
     * the model's default gives one STORE one mod-sequence (R2 choice).
     */
    @Test
    @Covers({"X40", "R96", "R86", "R102"})
    void x40_storeWhileAnotherSessionExpungesKeepsHighestModSeqBelowTheExpunge() {
        Scenario s = Scenario.rfcDefaults().with(heldBack()).login("A", "alex").login("B", "bob").login("C", "andrew");
        s.send("A", "A148 ENABLE QRESYNC").taggedOk();
        s.send("A", "A149 SELECT INBOX").contains("* OK [HIGHESTMODSEQ 99] Highest mod-sequence");
        s.send("B", "B1 SELECT INBOX").taggedOk();
        s.send("B", "B2 EXPUNGE").is("* 3 EXPUNGE", "B2 OK EXPUNGE completed");

        // R86: no VANISHED during STORE, so the expunge at 100 is held back; R96: HIGHESTMODSEQ < 100.
        s.send("A", "A150 STORE 1:2 (UNCHANGEDSINCE 96) +FLAGS.SILENT \\Seen").is(
                "* 1 FETCH (UID 6 MODSEQ (101))",
                "* 2 FETCH (UID 7 MODSEQ (101))",
                "* OK [HIGHESTMODSEQ 99] Some changes are not reported yet",
                "A150 OK STORE completed");
        // The RFC's server still stores to the expunged message 3 (MODSEQ 104); the model answers as
        // Example 11 does (R36, a choice). Either way the client gets no MODSEQ at or above 100.
        s.send("A", "A151 STORE 3 +FLAGS.SILENT \\Seen").is("A151 NO Some of the messages no longer exist");
        s.send("A", "A152 NOOP").is("* VANISHED 8", "A152 OK NOOP completed");

        // R102: a client that cached 99 as §6 says and lost its connection after A150 misses nothing ...
        s.send("C", "C1 ENABLE QRESYNC").taggedOk();
        s.send("C", "C2 SELECT INBOX (QRESYNC (1 99))").contains(
                "* VANISHED (EARLIER) 8",
                "* 1 FETCH (UID 6 FLAGS (\\Seen) MODSEQ (101))",
                "* 2 FETCH (UID 7 FLAGS (\\Seen) MODSEQ (101))");
        // ... whereas one that had taken the MODSEQ 101 would never learn of the expunge.
        s.send("C", "C3 SELECT INBOX (QRESYNC (1 101))").lacks("* VANISHED");
    }

    @Test
    @Covers({"X40", "R96"})
    void x40_updatesHeldBackUntilNoopKeepHighestModSeqBelowTheExpunge() {
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withUpdateDelivery(ServerChoices.UpdateDelivery.ON_NOOP))
                .with(heldBack()).login("A", "alex").login("B", "bob");
        s.send("A", "A148 ENABLE QRESYNC").taggedOk();
        s.send("A", "A149 SELECT INBOX").contains("* OK [HIGHESTMODSEQ 99] Highest mod-sequence");
        s.send("B", "B1 SELECT INBOX").taggedOk();
        s.send("B", "B2 EXPUNGE").is("* 3 EXPUNGE", "B2 OK EXPUNGE completed");

        // A UID command could carry VANISHED (R87), but this server holds it back until NOOP.
        s.send("A", "A150 UID STORE 6:7 (UNCHANGEDSINCE 96) +FLAGS.SILENT (\\Seen)").is(
                "* 1 FETCH (UID 6 MODSEQ (101))",
                "* 2 FETCH (UID 7 MODSEQ (101))",
                "* OK [HIGHESTMODSEQ 99] Some changes are not reported yet",
                "A150 OK STORE completed");
        s.send("B", "B3 UID STORE 7 +FLAGS.SILENT (\\Flagged)").taggedOk();
        s.send("A", "A151 UID FETCH 6 (FLAGS)").is(
                "* 1 FETCH (UID 6 FLAGS (\\Seen) MODSEQ (101))",
                "* OK [HIGHESTMODSEQ 99] Some changes are not reported yet",
                "A151 OK UID FETCH completed");
        s.send("A", "A152 NOOP").is(
                "* VANISHED 8",
                "* 2 FETCH (UID 7 FLAGS (\\Seen \\Flagged) MODSEQ (102))",
                "A152 OK NOOP completed");
    }
}
