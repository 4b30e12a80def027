package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;

/** The VANISHED UID FETCH modifier and the VANISHED responses (RFC 7162 §3.2.6, §3.2.10, §7): R75-R80, R82, R89. */
class VanishedTest {

    /**
     * INBOX: live UIDs 1, 2 (mod-sequence 5) and 4 (\Seen at 22); UIDNEXT 10. Expunges up to 20 are
     * forgotten; UID 6 was expunged at 25 and UID 3 at 27.
     */
    private static MailboxFixture inbox() {
        return mailbox("INBOX").uidValidity(7).message(1, 5).message(2, 5).message(4, 22, "\\Seen").expunged(25, 6)
                .expunged(27, 3).uidNext(10).forgottenUpTo(20);
    }

    private static Scenario selected(MailboxFixture fixture) {
        Scenario s = Scenario.rfcDefaults().with(fixture).login("A", "alex");
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT INBOX").taggedOk();
        return s;
    }

    @Test
    void r75_vanishedWithPlainFetchIsBad() {
        Scenario s = selected(inbox());
        s.send("A", "f1 FETCH 1:* (FLAGS) (CHANGEDSINCE 21 VANISHED)").lacks("*").taggedBad();
        s.send("A", "f2 FETCH 1:* (FLAGS) (CHANGEDSINCE 21)").is("* 3 FETCH (FLAGS (\\Seen) MODSEQ (22))",
                "f2 OK FETCH completed");
    }

    @Test
    void r76_vanishedIsBadForACondstoreOnlySession() {
        Scenario s = Scenario.rfcDefaults().with(inbox()).login("A", "alex");
        s.send("A", "e1 ENABLE CONDSTORE").taggedOk();
        s.send("A", "s1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 21 VANISHED)").lacks("*").taggedBad();
    }

    @Test
    void r77_vanishedWithoutChangedSinceIsBad() {
        Scenario s = selected(inbox());
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (VANISHED)").lacks("*").taggedBad();
        s.send("A", "f2 UID FETCH 1:* (FLAGS MODSEQ) (VANISHED)").lacks("*").taggedBad();
    }

    @Test
    void r78_anExpungeAtExactlyTheGivenModSeqIsNotReported() {
        Scenario s = selected(inbox());
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 25 VANISHED)").is("* VANISHED (EARLIER) 3",
                "f1 OK UID FETCH completed");
        s.send("A", "f2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 24 VANISHED)").is("* VANISHED (EARLIER) 3,6",
                "f2 OK UID FETCH completed");
    }

    @Test
    void r78_onlyUidsOfTheRequestedSetAreReported() {
        Scenario s = selected(inbox());
        s.send("A", "f1 UID FETCH 4:9 (FLAGS) (CHANGEDSINCE 24 VANISHED)").is("* VANISHED (EARLIER) 6",
                "f1 OK UID FETCH completed");
        s.send("A", "f2 UID FETCH 1,2 (FLAGS) (CHANGEDSINCE 24 VANISHED)").is("f2 OK UID FETCH completed");
    }

    @Test
    void r79_vanishedEarlierComesBeforeEveryFetchEvenOfALowerUid() {
        Scenario s = selected(inbox());
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 21 VANISHED)").is(
                "* VANISHED (EARLIER) 3,6",
                "* 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (22))",
                "f1 OK UID FETCH completed");
    }

    @Test
    void r80_belowTheFloorEveryExpungedUidIsReported() {
        // 19 < floor 20: every non-live UID of 2:* up to UIDNEXT-1, never the live 2 and 4, never 1.
        Scenario s = selected(inbox());
        s.send("A", "f1 UID FETCH 2:* (FLAGS) (CHANGEDSINCE 19 VANISHED)").is(
                "* VANISHED (EARLIER) 3,5:9",
                "* 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (22))",
                "f1 OK UID FETCH completed");
    }

    @Test
    void r80_atTheFloorTheAnswerIsExactAgain() {
        Scenario s = selected(inbox());
        s.send("A", "f1 UID FETCH 2:* (FLAGS) (CHANGEDSINCE 20 VANISHED)").is(
                "* VANISHED (EARLIER) 3,6",
                "* 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (22))",
                "f1 OK UID FETCH completed");
    }

    @Test
    void r82_earlierAndPlainVanishedAreSentAsTwoResponses() {
        Scenario s = selected(mailbox("INBOX").uidValidity(7).messages(1, 2, 5).messages(4, 5, 5).expunged(8, 3));
        s.login("B", "bob");
        s.send("B", "s1 SELECT INBOX").taggedOk();
        s.send("B", "b1 UID STORE 4 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b2 UID EXPUNGE 4").taggedOk();
        // UID 4 is both expunged since 7 and owed to the client as a plain VANISHED.
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 7 VANISHED)").is(
                "* VANISHED (EARLIER) 3:4",
                "* VANISHED 4",
                "f1 OK UID FETCH completed");
    }

    @Test
    void r89_vanishedResponsesAreCompactUidSetsWithoutStarOrZero() {
        Scenario s = selected(mailbox("INBOX").uidValidity(7).messages(1, 8, 10).message(2, 10, "\\Deleted")
                .message(3, 10, "\\Deleted").message(4, 10, "\\Deleted").message(7, 10, "\\Deleted"));
        List<String> vanished = List.of(
                s.send("A", "x1 EXPUNGE").contains("* VANISHED 2:4,7").lines().get(0),
                s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 10 VANISHED)").contains("* VANISHED (EARLIER) 2:4,7")
                        .lines().get(0));
        for (String line : vanished) {
            assertTrue(line.matches("\\* VANISHED (\\(EARLIER\\) )?[1-9]\\d*(:[1-9]\\d*)?(,[1-9]\\d*(:[1-9]\\d*)?)*"), line);
        }
    }
}
