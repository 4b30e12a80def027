package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;

/**
 * Expunge history, UIDVALIDITY and the CLOSED code over a mailbox's life (RFC 7162 §3.1.2.1,
 * §3.2.11, §5): R97-R101, R103-R105.
 */
class MailboxLifecycleTest {

    /** Session A with QRESYNC enabled and INBOX, as built by {@code fixture}, selected. */
    private static Scenario qresync(MailboxFixture fixture) {
        Scenario s = Scenario.rfcDefaults().with(fixture).with(mailbox("Trash").uidValidity(8)).login("A", "alex");
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT INBOX").taggedOk();
        return s;
    }

    /** A expunges {@code uid} with UID STORE and UID EXPUNGE: two new mod-sequences. */
    private static void expunge(Scenario s, long uid) {
        s.send("A", "d" + uid + " UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("A", "x" + uid + " UID EXPUNGE " + uid).contains("* VANISHED " + uid).taggedOk();
    }

    @Test
    void r97_r101_aRecreatedMailboxHasANewUidValidityAndNoOldState() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("Work").uidValidity(5).messages(1, 3, 10).expunged(12, 4))
                .login("A", "alex");
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "s1 SELECT Work (QRESYNC (5 10 1:4))").contains("* VANISHED (EARLIER) 4").taggedOk();
        s.send("A", "c1 CLOSE").taggedOk();
        s.send("A", "d1 DELETE Work").taggedOk();
        s.send("A", "c2 CREATE Work").taggedOk();
        s.send("A", "a1 STATUS Work (UIDVALIDITY UIDNEXT HIGHESTMODSEQ)")
                .is("* STATUS Work (UIDVALIDITY 6 UIDNEXT 1 HIGHESTMODSEQ 1)", "a1 OK STATUS completed");
        for (String parameter : List.of("(QRESYNC (5 10 1:4))", "(QRESYNC (6 1 1:4))", "(QRESYNC (6 1))")) {
            s.send("A", "s2 SELECT Work " + parameter).contains("* OK [UIDVALIDITY 6] UIDs valid").lacks("* VANISHED")
                    .taggedOk();
        }
    }

    @Test
    void r98_withoutHistoryEveryExpungedUidOfTheSetIsReportedEachTime() {
        Scenario s = qresync(mailbox("INBOX").uidValidity(7).messages(1, 5, 10).historyBound(0));
        expunge(s, 2); // 11, 12
        s.send("A", "t1 STORE 1 +FLAGS.SILENT (\\Seen)").taggedOk(); // 13
        expunge(s, 4); // 14, 15
        // UID 2 went at 12, before 13: a superset, as §5.1 allows.
        for (String tag : List.of("f1", "f2")) {
            s.send("A", tag + " UID FETCH 1:* (FLAGS) (CHANGEDSINCE 13 VANISHED)").is("* VANISHED (EARLIER) 2,4",
                    tag + " OK UID FETCH completed");
        }
        s.send("A", "f3 UID FETCH 1,3:* (FLAGS) (CHANGEDSINCE 12 VANISHED)").is("* VANISHED (EARLIER) 4",
                "* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (13))", "f3 OK UID FETCH completed");
    }

    @Test
    void r99_noVanishedAtOrAboveTheLastExpungeEvenWithoutHistory() {
        Scenario s = qresync(mailbox("INBOX").uidValidity(7).messages(1, 5, 10).historyBound(0));
        expunge(s, 2); // 11, 12
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12 VANISHED)").is("f1 OK UID FETCH completed");
        s.send("A", "f2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 11 VANISHED)").is("* VANISHED (EARLIER) 2",
                "f2 OK UID FETCH completed");
    }

    @Test
    void r100_aBoundedHistoryForgetsTheOldestAndKeepsItsModSeqAsTheFloor() {
        Scenario s = qresync(mailbox("INBOX").uidValidity(7).messages(1, 5, 10).historyBound(2));
        expunge(s, 1); // 11, 12: forgotten once UID 3 goes
        expunge(s, 2); // 13, 14
        expunge(s, 3); // 15, 16
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12 VANISHED)").is("* VANISHED (EARLIER) 2:3",
                "f1 OK UID FETCH completed");
        s.send("A", "f2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 11 VANISHED)").is("* VANISHED (EARLIER) 1:3",
                "f2 OK UID FETCH completed");
    }

    @Test
    void r100_oneExpungeLargerThanTheBoundIsForgottenWhole() {
        // Three UIDs share mod-sequence 11 and only two fit: none can stay, 11 becomes the floor.
        Scenario s = qresync(mailbox("INBOX").uidValidity(7).messages(1, 5, 10).message(2, 10, "\\Deleted")
                .message(3, 10, "\\Deleted").message(4, 10, "\\Deleted").historyBound(2));
        s.send("A", "x1 EXPUNGE").is("* VANISHED 2:4", "x1 OK [HIGHESTMODSEQ 11] EXPUNGE completed");
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 10 VANISHED)").is("* VANISHED (EARLIER) 2:4",
                "f1 OK UID FETCH completed");
        s.send("A", "f2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 11 VANISHED)").is("f2 OK UID FETCH completed");
    }

    @Test
    void r103_r104_closedOnSelectOfAnotherMailboxWithoutAnyEnablingCommand() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("Trash").uidValidity(8)).login("A", "alex");
        s.send("A", "s1 SELECT INBOX").lacks("* OK [CLOSED]").taggedOk();
        List<String> lines = s.send("A", "s2 EXAMINE Trash").taggedOk().lines();
        assertEquals("* OK [CLOSED] Previous mailbox closed", lines.get(0));
        assertEquals("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", lines.get(1));
        s.send("A", "s3 SELECT Trash").contains("* OK [CLOSED] Previous mailbox closed").taggedOk();
    }

    @Test
    void r103_closedAlsoWhenTheNewSelectFails() {
        Scenario s = Scenario.rfcDefaults().login("A", "alex");
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("A", "s2 SELECT Nowhere").is("* OK [CLOSED] Previous mailbox closed", "s2 NO [NONEXISTENT] No such mailbox");
        s.send("A", "f1 FETCH 1:* (FLAGS)").lacks("*").taggedBad();
        s.send("A", "s3 SELECT INBOX").lacks("* OK [CLOSED]").taggedOk();
    }

    @Test
    void r105_noClosedOnCloseOrUnselect() {
        Scenario s = Scenario.rfcDefaults().login("A", "alex");
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("A", "c1 CLOSE").is("c1 OK CLOSE completed");
        s.send("A", "s2 SELECT INBOX").lacks("* OK [CLOSED]").taggedOk();
        s.send("A", "u1 UNSELECT").is("u1 OK UNSELECT completed");
        s.send("A", "s3 EXAMINE INBOX").lacks("* OK [CLOSED]").taggedOk();
    }
}
