package org.modseq.model.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.rfc.Covers;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerChoices.ConflictDetection;

/**
 * RFC 7162 §3.1.4 and §3.1.5, Examples 12-16 (X16-X20): CHANGEDSINCE, the MODSEQ fetch item,
 * Example 14's three sessions, and SEARCH MODSEQ.
 */
class CondstoreFetchSearchExamplesTest {

    @Test
    @Covers({"X16", "R45", "R15", "R17"})
    void x16_uidFetchChangedSince() {
        // UID 7 changed exactly at 12345: CHANGEDSINCE is strict, so it is left out.
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(4, 65402, "\\Seen").message(6, 75403, "\\Deleted").message(7, 12345)
                        .message(8, 29738, "$NoJunk", "$AutoJunk", "$MDNSent"))
                .login("A", "alex");
        s.send("A", "s099 SELECT INBOX").taggedOk();
        // CHANGEDSINCE is an enabling command (R15), here the first one with the mailbox selected, hence
        // the HIGHESTMODSEQ (R17); the RFC's client had enabled CONDSTORE before.
        s.send("A", "s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)").is(
                "* OK [HIGHESTMODSEQ 75403] Highest mod-sequence",
                "* 1 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (65402))",
                "* 2 FETCH (UID 6 FLAGS (\\Deleted) MODSEQ (75403))",
                "* 4 FETCH (UID 8 FLAGS ($AutoJunk $MDNSent $NoJunk) MODSEQ (29738))",
                "s100 OK UID FETCH completed");
    }

    @Test
    @Covers({"X17", "R47", "R15", "R17", "R16"})
    void x17_fetchModSeqItem() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(1, 624140003).message(2, 624140007).message(3, 624140005))
                .login("A", "alex").login("B", "alex");
        s.send("A", "a0 SELECT INBOX").taggedOk(); // not an enabling command (R15)
        // The MODSEQ item enables CONDSTORE (R15); being the first enabling command while selected, it
        // brings HIGHESTMODSEQ (R17), which the RFC's example, from an already enabled session, does not show.
        Scenario.Exchange first = s.send("A", "a FETCH 1:3 (MODSEQ)").is(
                "* OK [HIGHESTMODSEQ 624140007] Highest mod-sequence",
                "* 1 FETCH (MODSEQ (624140003))",
                "* 2 FETCH (MODSEQ (624140007))",
                "* 3 FETCH (MODSEQ (624140005))",
                "a OK FETCH completed");
        assertEquals(1, first.starting("* OK [HIGHESTMODSEQ").size());
        s.send("A", "b FETCH 1:3 (MODSEQ)").is(
                "* 1 FETCH (MODSEQ (624140003))",
                "* 2 FETCH (MODSEQ (624140007))",
                "* 3 FETCH (MODSEQ (624140005))",
                "b OK FETCH completed");
        // R16: from now on unsolicited FETCHes carry MODSEQ (and UID, the default R21 choice).
        s.send("B", "d1 SELECT INBOX").taggedOk();
        s.send("B", "d2 STORE 2 +FLAGS.SILENT (\\Flagged)").taggedOk();
        s.send("A", "c NOOP").is("* 2 FETCH (UID 2 FLAGS (\\Flagged) MODSEQ (624140008))", "c OK NOOP completed");
    }

    /**
     * Example 14: alex in sessions A and C, andrew in session D; \Seen is private (R9). The RFC's server
     * leaves UID out (R21 is a SHOULD), so this one does too.
     */
    @Test
    @Covers({"X18", "R16", "R18", "R8", "R9"})
    void x18_sharedAndPrivateFlagChangesAcrossThreeSessions() {
        ServerChoices choices = ServerChoices.RFC_DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN))
                .withUidInCondstoreFetch(false);
        Scenario s = Scenario.with(choices)
                .with(mailbox("INBOX").messages(1, 6, 12121230000L).message(7, 12121230000L, "\\Answered")
                        .highestModSeq(12121230999L))
                .login("A", "alex").login("C", "alex").login("D", "andrew");
        s.send("A", "A142 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("C", "C142 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("D", "D142 SELECT INBOX (CONDSTORE)").taggedOk();
        // The RFC's server volunteers "* 7 FETCH (MODSEQ (2121231000))" (a typo for 12121231000); for a plain
        // .SILENT STORE that FETCH is optional (§3.1.3 L856-859), and the model sends none.
        s.send("A", "A160 STORE 7 +FLAGS.SILENT (\\Deleted)").is("A160 OK STORE completed");
        s.send("C", "C180 NOOP").is(
                "* 7 FETCH (FLAGS (\\Answered \\Deleted) MODSEQ (12121231000))",
                "C180 OK NOOP completed");
        s.send("D", "D210 NOOP").is(
                "* 7 FETCH (FLAGS (\\Answered \\Deleted) MODSEQ (12121231000))",
                "D210 OK NOOP completed");
        // The RFC's 12121231777 and 12121245160 are the model's next values, 12121231001 and 12121231002.
        s.send("A", "A240 STORE 7 +FLAGS.SILENT (\\Seen)").is("A240 OK STORE completed");
        s.send("C", "C270 NOOP").is(
                "* 7 FETCH (FLAGS (\\Seen \\Answered \\Deleted) MODSEQ (12121231001))",
                "C270 OK NOOP completed");
        // alex's private \Seen is invisible to andrew and does not raise his mod-sequence of message 7 (R8).
        s.send("D", "D300 NOOP").is("D300 OK NOOP completed");
        s.send("A", "A330 STORE 7 -FLAGS.SILENT (\\Answered \\Seen)").is("A330 OK STORE completed");
        s.send("C", "C360 NOOP").is(
                "* 7 FETCH (FLAGS (\\Deleted) MODSEQ (12121231002))",
                "C360 OK NOOP completed");
        s.send("D", "D390 NOOP").is(
                "* 7 FETCH (FLAGS (\\Deleted) MODSEQ (12121231002))",
                "D390 OK NOOP completed");
        s.send("D", "D400 FETCH 7 (MODSEQ)").is("* 7 FETCH (MODSEQ (12121231002))", "D400 OK FETCH completed");
    }

    /**
     * Example 15's mailbox: \Draft changed on the ten hits between 620162338 (inclusive, R49) and
     * 917162500; on 3 just before; on 4 only \Flagged changed, later than any hit.
     */
    private static MailboxFixture example15Inbox() {
        MailboxFixture inbox = mailbox("INBOX").messages(1, 25, 600000000);
        for (long uid : new long[] {5, 6, 7, 11, 12, 18, 19, 20}) {
            inbox.message(uid, 600000000, "\\Draft").flagChanged(uid, "\\Draft", 700000000);
        }
        return inbox.message(2, 600000000, "\\Draft").flagChanged(2, "\\Draft", 620162338)
                .message(23, 600000000).flagChanged(23, "\\Draft", 917162500)
                .message(3, 600000000, "\\Draft").flagChanged(3, "\\Draft", 620162337)
                .message(4, 600000000, "\\Flagged").flagChanged(4, "\\Flagged", 917162600);
    }

    @Test
    @Covers({"X19", "R49", "R51", "R52", "R53"})
    void x19_searchModSeqWithEntryNameNarrowsByFlag() {
        Scenario s = Scenario.rfcDefaults().with(example15Inbox()).login("A", "alex");
        s.send("A", "a0 SELECT INBOX (CONDSTORE)").taggedOk();
        // PER_FLAG (the default) keeps a mod-sequence per flag, so the entry narrows the search (R51).
        s.send("A", "a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338").is(
                "* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)",
                "a OK SEARCH completed");
    }

    @Test
    @Covers({"X19", "R49", "R51", "R53"})
    void x19_perMessageServerIgnoresEntryName() {
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withConflictDetection(ConflictDetection.PER_MESSAGE))
                .with(example15Inbox()).login("A", "alex");
        s.send("A", "a0 SELECT INBOX (CONDSTORE)").taggedOk();
        // One mod-sequence per message: the entry name and type must be ignored (R51), so 4 matches too.
        s.send("A", "a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338").is(
                "* SEARCH 2 4 5 6 7 11 12 18 19 20 23 (MODSEQ 917162600)",
                "a OK SEARCH completed");
    }

    @Test
    @Covers({"X20", "R53", "R49"})
    void x20_emptyModSeqSearchHasNoModSeq() {
        // Message 1 is exactly at 720162338: MODSEQ matches it (R49), so NOT MODSEQ does not.
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(1, 720162338).message(2, 720162339).message(3, 800000000))
                .login("A", "alex");
        s.send("A", "t0 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "t SEARCH OR NOT MODSEQ 720162338 LARGER 50000").is("* SEARCH", "t OK SEARCH completed");
        // The non-empty counterpart carries the highest mod-sequence of what it returns.
        s.send("A", "u SEARCH OR NOT MODSEQ 720162339 LARGER 50000").is(
                "* SEARCH 1 (MODSEQ 720162338)",
                "u OK SEARCH completed");
    }
}
