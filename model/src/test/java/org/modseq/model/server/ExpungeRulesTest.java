package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;

/**
 * EXPUNGE, UID EXPUNGE, CLOSE and MOVE (RFC 7162 §3.2, §3.2.3, §3.2.7-§3.2.10): R61, R81, R84,
 * R90-R95.
 */
class ExpungeRulesTest {

    /** INBOX (UIDVALIDITY 7): UIDs 1-5 at mod-sequence 10, UIDs 2 and 4 \Deleted. Trash is empty. */
    private static MailboxFixture inbox() {
        return mailbox("INBOX").uidValidity(7).messages(1, 5, 10).message(2, 10, "\\Deleted").message(4, 10, "\\Deleted");
    }

    private static Scenario scenario(ServerChoices choices, MailboxFixture fixture) {
        return Scenario.with(choices).with(fixture).with(mailbox("Trash").uidValidity(8)).login("A", "alex");
    }

    /** Session A with QRESYNC enabled and INBOX selected. */
    private static Scenario qresync() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS, inbox());
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT INBOX").taggedOk();
        return s;
    }

    @Test
    void r61_r81_r92_expungeAfterEnableQresyncIsOneVanishedWithoutEarlier() {
        qresync().send("A", "x1 EXPUNGE").is("* VANISHED 2,4", "x1 OK [HIGHESTMODSEQ 11] EXPUNGE completed");
    }

    @Test
    void r81_r94_uidExpungeRemovesOnlyDeletedMessagesOfTheSet() {
        Scenario s = qresync();
        s.send("A", "x1 UID EXPUNGE 1:3").is("* VANISHED 2", "x1 OK [HIGHESTMODSEQ 11] UID EXPUNGE completed");
        s.send("A", "f1 UID FETCH 4 (FLAGS)").is("* 3 FETCH (UID 4 FLAGS (\\Deleted) MODSEQ (10))",
                "f1 OK UID FETCH completed");
    }

    @Test
    void r94_uidExpungeOfASetWithoutDeletedMessagesChangesNothing() {
        Scenario s = qresync();
        s.send("A", "x1 UID EXPUNGE 1,3,5:9").is("x1 OK UID EXPUNGE completed");
        s.send("A", "a1 STATUS INBOX (HIGHESTMODSEQ MESSAGES)").is("* STATUS INBOX (HIGHESTMODSEQ 10 MESSAGES 5)",
                "a1 OK STATUS completed");
    }

    @Test
    void r61_vanishedStaysForTheRestOfTheConnection() {
        Scenario s = qresync();
        s.send("A", "u1 UNSELECT").taggedOk();
        s.send("A", "s2 SELECT INBOX").taggedOk(); // no QRESYNC parameter this time
        s.send("A", "x1 EXPUNGE").is("* VANISHED 2,4", "x1 OK [HIGHESTMODSEQ 11] EXPUNGE completed");
    }

    @Test
    void r81_r95_moveIsReportedWithVanishedAndTakesAModSeq() {
        Scenario s = qresync();
        s.send("A", "m1 MOVE 3 Trash").contains("* OK [COPYUID 8 3 1] Moved", "* VANISHED 3").lacks("* 3 EXPUNGE")
                .taggedOk();
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 10 VANISHED)").is("* VANISHED (EARLIER) 3",
                "f1 OK UID FETCH completed");
        s.send("A", "a1 STATUS INBOX (HIGHESTMODSEQ)").is("* STATUS INBOX (HIGHESTMODSEQ 11)", "a1 OK STATUS completed");
    }

    @Test
    void r95_moveUnderQresyncSendsTheNewHighestModSeq() {
        // RFC 6851 §4.4: "If at least one message was moved, the server MUST send the updated
        // per-mailbox modification sequence using the HIGHESTMODSEQ response code ... in the
        // tagged or untagged OK response."
        List<String> lines = qresync().send("A", "m1 MOVE 3 Trash").taggedOk().lines();
        assertTrue(lines.stream().anyMatch(l -> l.matches("(\\*|m1) OK \\[HIGHESTMODSEQ 11\\] .+")), lines.toString());
    }

    @Test
    void moveWithoutQresyncIsReportedWithExpunge() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS, inbox());
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("A", "m1 UID MOVE 2:3 Trash").is("* OK [COPYUID 8 2:3 1:2] Moved", "* 2 EXPUNGE", "* 2 EXPUNGE",
                "m1 OK MOVE completed");
    }

    @Test
    void r61_r81_r92_aNoModSeqMailboxKeepsExpungeEvenAfterEnableQresync() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS, mailbox("Drafts").uidValidity(9).noModSeq().messages(1, 3, 4)
                .message(2, 4, "\\Deleted"));
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT Drafts").contains("* OK [NOMODSEQ] No mod-sequences in this mailbox");
        s.send("A", "x1 EXPUNGE").is("* 2 EXPUNGE", "x1 OK EXPUNGE completed");
    }

    @Test
    void r84_plainVanishedRenumbersWithoutExists() {
        Scenario s = qresync();
        s.send("A", "x1 EXPUNGE").lacks("* 3 EXISTS").taggedOk();
        s.send("A", "f1 FETCH 3 (UID)").is("* 3 FETCH (UID 5)", "f1 OK FETCH completed");
        s.send("A", "f2 FETCH 4 (UID)").lacks("*").taggedBad();
    }

    @Test
    void r90_expungeReportsItsOwnAndOthersRemovalsBeforeTheOk() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS, inbox()).login("B", "bob");
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("B", "s1 SELECT INBOX").taggedOk();
        s.send("B", "b1 STORE 1 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b2 UID EXPUNGE 1").taggedOk();
        // UID 1 (another session's), then 2 and 4, each numbered after the previous removal.
        s.send("A", "x1 EXPUNGE").is("* 1 EXPUNGE", "* 1 EXPUNGE", "* 2 EXPUNGE", "x1 OK EXPUNGE completed");
    }

    @Test
    void r91_oneNewModSeqIsRememberedWithEveryRemovedUid() {
        Scenario s = qresync();
        s.send("A", "x1 EXPUNGE").taggedOk();
        s.send("A", "f1 UID FETCH 1:5 (FLAGS) (CHANGEDSINCE 10 VANISHED)").is("* VANISHED (EARLIER) 2,4",
                "f1 OK UID FETCH completed");
        s.send("A", "f2 UID FETCH 1:5 (FLAGS) (CHANGEDSINCE 11 VANISHED)").is("f2 OK UID FETCH completed");
    }

    @Test
    void r91_r92_anExpungeThatRemovesNothingKeepsTheModSeqAndSendsNoCode() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS, mailbox("INBOX").uidValidity(7).messages(1, 3, 10));
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("A", "x1 EXPUNGE").is("x1 OK EXPUNGE completed");
        s.send("A", "a1 STATUS INBOX (HIGHESTMODSEQ)").is("* STATUS INBOX (HIGHESTMODSEQ 10)", "a1 OK STATUS completed");
    }

    @Test
    void r92_condstoreOnlySessionGetsTheCodeByDefault() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS, inbox());
        s.send("A", "s1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "x1 EXPUNGE").is("* 2 EXPUNGE", "* 3 EXPUNGE", "x1 OK [HIGHESTMODSEQ 11] EXPUNGE completed");
    }

    @Test
    void r92_withoutQresyncTheCodeIsOptional() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS.withHighestModSeqAfterExpunge(false), inbox());
        s.send("A", "s1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "x1 EXPUNGE").is("* 2 EXPUNGE", "* 3 EXPUNGE", "x1 OK EXPUNGE completed");
    }

    @Test
    void r92_withQresyncTheCodeIsRequiredWhateverTheChoice() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS.withHighestModSeqAfterExpunge(false), inbox());
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("A", "x1 UID EXPUNGE 4").is("* VANISHED 4", "x1 OK [HIGHESTMODSEQ 11] UID EXPUNGE completed");
    }

    @Test
    void r93_closeIsSilentYetTakesAModSeqAndRemembersTheUids() {
        Scenario s = qresync();
        s.send("A", "c1 CLOSE").is("c1 OK CLOSE completed");
        s.send("A", "s2 SELECT INBOX (QRESYNC (7 10))").contains("* 3 EXISTS",
                "* OK [HIGHESTMODSEQ 11] Highest mod-sequence", "* VANISHED (EARLIER) 2,4").taggedOk();
    }
}
