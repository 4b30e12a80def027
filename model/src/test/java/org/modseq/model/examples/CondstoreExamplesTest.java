package org.modseq.model.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modseq.model.rfc.Covers;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerChoices.ConflictDetection;
import org.modseq.model.server.ServerChoices.UpdateDelivery;

/** RFC 7162 §3.1.2 and §3.1.3, Examples 1-8 and the duplicate-message note (X01-X08, X15), run against the model. */
class CondstoreExamplesTest {

    /** The RFC's examples come from a CONDSTORE-only server that leaves UID out of FETCH (R21 is only a SHOULD). */
    private static final ServerChoices RFC_SERVER = ServerChoices.RFC_DEFAULTS.withUidInCondstoreFetch(false);

    /** Example 1's INBOX: 172 messages, the 12th the first unseen, UIDNEXT 4392, one message at 715194045007. */
    private static MailboxFixture example1Inbox() {
        MailboxFixture inbox = mailbox("INBOX").uidValidity(3857529045L).uidNext(4392);
        for (long uid = 4220; uid <= 4390; uid++) {
            if (uid < 4231) {
                inbox.message(uid, 715194000000L, "\\Seen");
            } else {
                inbox.message(uid, 715194000000L);
            }
        }
        return inbox.message(4391, 715194045007L);
    }

    @Test
    @Covers({"X01", "R23", "R24", "R25", "R31"})
    void x01_selectAfterEnablingCommandReportsHighestModSeq() {
        Scenario s = Scenario.rfcDefaults().with(example1Inbox()).login("A", "alex");
        // The RFC does not show the enabling command the example presupposes; ENABLE CONDSTORE is one (R15).
        s.send("A", "A141 ENABLE CONDSTORE").is("* ENABLED CONDSTORE", "A141 OK ENABLE completed");
        // Erratum 5055: the HIGHESTMODSEQ line needs text after the code, which the RFC's Example 1 lacks (R31).
        s.send("A", "A142 SELECT INBOX").is(
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* 172 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 12] First unseen",
                "* OK [UIDVALIDITY 3857529045] UIDs valid",
                "* OK [UIDNEXT 4392] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                "* OK [HIGHESTMODSEQ 715194045007] Highest mod-sequence",
                "A142 OK [READ-WRITE] SELECT completed");
    }

    @Test
    @Covers({"X02", "R14", "R24", "R29", "R30"})
    void x02_selectOfMailboxWithoutModSeqsReportsNomodseq() {
        Scenario s = Scenario.rfcDefaults().with(example1Inbox().noModSeq()).login("A", "alex");
        s.send("A", "A141 ENABLE CONDSTORE").taggedOk();
        s.send("A", "A142 SELECT INBOX").is(
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* 172 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 12] First unseen",
                "* OK [UIDVALIDITY 3857529045] UIDs valid",
                "* OK [UIDNEXT 4392] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                "* OK [NOMODSEQ] No mod-sequences in this mailbox",
                "A142 OK [READ-WRITE] SELECT completed");
        // §3.1.2.2 (R30): while it stays selected, every mod-sequence command is BAD and changes nothing.
        s.send("A", "A143 FETCH 1:* (FLAGS) (CHANGEDSINCE 1)").taggedBad().lacks("* ");
        s.send("A", "A144 FETCH 1 (MODSEQ)").taggedBad().lacks("* ");
        s.send("A", "A145 SEARCH MODSEQ 1").taggedBad().lacks("* ");
        s.send("A", "A146 STORE 12 (UNCHANGEDSINCE 715194045007) +FLAGS (\\Seen)").taggedBad().lacks("* ");
        s.send("A", "A147 FETCH 12 (FLAGS)").is("* 12 FETCH (FLAGS ())", "A147 OK FETCH completed");
    }

    @Test
    @Covers({"X03", "R10", "R32", "R33"})
    void x03_uidStoreUnchangedSinceAllPassFetchesDespiteSilent() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(4, 12121230000L).message(6, 12121230045L).message(7, 12121230000L)
                        .message(8, 12121230010L).highestModSeq(12121230999L))
                .login("A", "alex");
        s.send("A", "a102 SELECT INBOX (CONDSTORE)").taggedOk();
        // UID 6 is exactly at the UNCHANGEDSINCE value, which passes (R32). One FETCH per message, in
        // message-number order, not command order. The RFC's server gives each
        // message its own mod-sequence; the model's default gives one per STORE (R2 allows both).
        s.send("A", "a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)").is(
                "* 1 FETCH (UID 4 MODSEQ (12121231000))",
                "* 2 FETCH (UID 6 MODSEQ (12121231000))",
                "* 4 FETCH (UID 8 MODSEQ (12121231000))",
                "a103 OK STORE completed");
        s.send("A", "a104 UID FETCH 4:8 (FLAGS)").is(
                "* 1 FETCH (UID 4 FLAGS (\\Deleted) MODSEQ (12121231000))",
                "* 2 FETCH (UID 6 FLAGS (\\Deleted) MODSEQ (12121231000))",
                "* 3 FETCH (UID 7 FLAGS () MODSEQ (12121230000))",
                "* 4 FETCH (UID 8 FLAGS (\\Deleted) MODSEQ (12121231000))",
                "a104 OK UID FETCH completed");
    }

    /** Example 4's INBOX: messages 1-50 (UIDs 101-150); the next change gets 12111230047. */
    private static Scenario example4(ServerChoices choices) {
        return Scenario.with(choices)
                .with(mailbox("INBOX").messages(101, 150, 12111230000L).highestModSeq(12111230046L))
                .login("A", "alex");
    }

    @Test
    @Covers({"X04", "R33", "R20", "R21"})
    void x04_messageNumberStoreSilentStillFetchesModSeq() {
        Scenario s = example4(RFC_SERVER);
        s.send("A", "a100 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a104 STORE * (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)").is(
                "* 50 FETCH (MODSEQ (12111230047))",
                "a104 OK STORE completed");
        s.send("A", "a105 FETCH 50 (FLAGS)").is(
                "* 50 FETCH (FLAGS (\\Deleted $Processed) MODSEQ (12111230047))",
                "a105 OK FETCH completed");

        // The model's default follows R21 and adds UID for a CONDSTORE-only client.
        Scenario defaults = example4(ServerChoices.RFC_DEFAULTS);
        defaults.send("A", "a100 SELECT INBOX (CONDSTORE)").taggedOk();
        defaults.send("A", "a104 STORE * (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)").is(
                "* 50 FETCH (UID 150 MODSEQ (12111230047))",
                "a104 OK STORE completed");

        // §3.1.4.2 L945-949, R20: after ENABLE QRESYNC the UID is required, whatever the server's R21 choice.
        Scenario qresync = example4(RFC_SERVER);
        qresync.send("A", "a099 ENABLE QRESYNC").taggedOk();
        qresync.send("A", "a100 SELECT INBOX").taggedOk();
        qresync.send("A", "a104 STORE * (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)").is(
                "* 50 FETCH (UID 150 MODSEQ (12111230047))",
                "a104 OK STORE completed");
    }

    @Test
    @Covers({"X05", "R17", "R33", "R16"})
    void x05_firstEnablingStoreWhileSelectedReportsHighestModSeqOnce() {
        Scenario s = Scenario.with(RFC_SERVER)
                .with(mailbox("INBOX").messages(101, 149, 12111230000L)
                        .message(150, 12111230047L, "\\Deleted", "$Processed"))
                .login("A", "alex");
        s.send("A", "c100 SELECT INBOX").taggedOk(); // not an enabling command (R15)
        // R17: the first enabling command reports HIGHESTMODSEQ, the value before this STORE, then the FETCH.
        // Erratum 5055 applies here too: the model sends text after the code.
        Scenario.Exchange first = s.send("A", "c101 STORE 50 (UNCHANGEDSINCE 12121230045) -FLAGS.SILENT (\\Deleted)");
        first.is(
                "* OK [HIGHESTMODSEQ 12111230047] Highest mod-sequence",
                "* 50 FETCH (MODSEQ (12111230048))",
                "c101 OK STORE completed");
        assertEquals(1, first.starting("* OK [HIGHESTMODSEQ").size());
        // Later enabling commands are not the first: no second HIGHESTMODSEQ (R17), and MODSEQ stays on (R16).
        s.send("A", "c102 STORE 50 (UNCHANGEDSINCE 12111230048) +FLAGS.SILENT (\\Flagged)").is(
                "* 50 FETCH (MODSEQ (12111230049))",
                "c102 OK STORE completed");
        s.send("A", "c103 FETCH 50 (MODSEQ)").is("* 50 FETCH (MODSEQ (12111230049))", "c103 OK FETCH completed");
        s.send("A", "c104 SEARCH MODSEQ 12111230049").is(
                "* SEARCH 50 (MODSEQ 12111230049)",
                "c104 OK SEARCH completed");
        s.send("A", "c105 FETCH 50 (FLAGS)").is(
                "* 50 FETCH (FLAGS (\\Flagged $Processed) MODSEQ (12111230049))",
                "c105 OK FETCH completed");
    }

    @Test
    @Covers({"X06", "R34", "R35"})
    void x06_conditionalStoreFailsForChangedMessages() {
        // 7 had \Deleted set at 320162342 and 9 had it cleared at 320162349; the model compares the
        // named flag (R39), so 9 fails because its \Deleted changed, not merely its \Answered.
        Scenario s = Scenario.with(RFC_SERVER)
                .with(mailbox("INBOX").messages(1, 6, 320162300L)
                        .message(7, 320162300L, "\\Seen", "\\Deleted").flagChanged(7, "\\Deleted", 320162342L)
                        .message(8, 320162300L)
                        .message(9, 320162300L, "\\Answered").flagChanged(9, "\\Deleted", 320162349L))
                .login("A", "alex");
        // The client selected after those changes, so it is owed nothing: its UNCHANGEDSINCE is an older cached value.
        s.send("A", "d104 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)").is(
                "* 5 FETCH (MODSEQ (320162350))",
                "d105 OK [MODIFIED 7,9] Conditional STORE failed");
        // R34: the failed messages are untouched, mod-sequence included.
        s.send("A", "d106 FETCH 5,7,9 (FLAGS)").is(
                "* 5 FETCH (FLAGS (\\Deleted) MODSEQ (320162350))",
                "* 7 FETCH (FLAGS (\\Seen \\Deleted) MODSEQ (320162342))",
                "* 9 FETCH (FLAGS (\\Answered) MODSEQ (320162349))",
                "d106 OK FETCH completed");
    }

    /**
     * Example 7's history with both delivery choices: under EAGER the changes of another session are
     * reported anyway; under ON_NOOP, which holds them back, the FETCHes for 7 and 9 are R40's.
     */
    @ParameterizedTest
    @EnumSource(UpdateDelivery.class)
    @Covers({"X07", "R34", "R35", "R40"})
    void x07_conditionalStoreVolunteersFetchForFailedMessages(UpdateDelivery delivery) {
        Scenario s = Scenario.with(RFC_SERVER.withUpdateDelivery(delivery))
                .with(mailbox("INBOX").messages(1, 6, 320162300L).message(7, 320162300L, "\\Seen")
                        .message(8, 320162300L).message(9, 320162300L, "\\Deleted").highestModSeq(320162341L))
                .login("A", "alex").login("B", "alex");
        s.send("A", "d104 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 7 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b3 STORE 9 FLAGS.SILENT (\\Answered)").taggedOk();
        // The RFC shows 320162349 and 320162350 for the last two changes; the model's counter gives the
        // next values.
        // The RFC lists the FETCHes in command order; the order of untagged responses carries no meaning.
        s.send("A", "d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)").is(
                "* 5 FETCH (MODSEQ (320162344))",
                "* 7 FETCH (FLAGS (\\Seen \\Deleted) MODSEQ (320162342))",
                "* 9 FETCH (FLAGS (\\Answered) MODSEQ (320162343))",
                "d105 OK [MODIFIED 7,9] Conditional STORE failed");
        s.send("A", "d106 NOOP").is("d106 OK NOOP completed");
    }

    @Test
    @Covers({"X08", "R37", "R44", "R35"})
    void x08_unchangedSinceZeroTestsPresence() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").messages(1, 11, 100).message(12, 100, "$MDNSent").message(13, 100))
                .login("A", "alex");
        s.send("A", "a101 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a102 STORE 12 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)").is(
                "a102 OK [MODIFIED 12] Conditional STORE failed");
        // The default reading of R37 (FAILS_IF_ITEM_EXISTS): an absent keyword does not exist, so this
        // is a test-and-set.
        s.send("A", "a103 STORE 13 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)").is(
                "* 13 FETCH (UID 13 MODSEQ (101))",
                "a103 OK STORE completed");
        // R37: a system flag always exists, set or not.
        s.send("A", "a104 STORE 13 (UNCHANGEDSINCE 0) +FLAGS.SILENT (\\Flagged)").is(
                "a104 OK [MODIFIED 13] Conditional STORE failed");
        s.send("A", "a105 FETCH 12:13 (FLAGS)").is(
                "* 12 FETCH (FLAGS ($MDNSent) MODSEQ (100))",
                "* 13 FETCH (FLAGS ($MDNSent) MODSEQ (101))",
                "a105 OK FETCH completed");
    }

    /** The model drops duplicates, so message 7 is stored once; under either conflict detection it must not fail. */
    @ParameterizedTest
    @EnumSource(ConflictDetection.class)
    @Covers({"X15", "R42"})
    void x15_duplicateMessageInSetDoesNotFail(ConflictDetection detection) {
        Scenario s = Scenario.with(RFC_SERVER.withConflictDetection(detection))
                .with(mailbox("INBOX").messages(1, 9, 12121230000L).highestModSeq(12121230999L))
                .login("A", "alex");
        s.send("A", "e104 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "e105 STORE 7,3:9 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)").is(
                "* 3 FETCH (MODSEQ (12121231000))",
                "* 4 FETCH (MODSEQ (12121231000))",
                "* 5 FETCH (MODSEQ (12121231000))",
                "* 6 FETCH (MODSEQ (12121231000))",
                "* 7 FETCH (MODSEQ (12121231000))",
                "* 8 FETCH (MODSEQ (12121231000))",
                "* 9 FETCH (MODSEQ (12121231000))",
                "e105 OK STORE completed");
    }
}
