package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.scenario.MailboxFixture;
import org.modseq.model.scenario.Scenario;

/** The QRESYNC parameter to SELECT and EXAMINE (RFC 7162 §3.2.5, §3.2.5.1, §3.2.5.2, §3.2.11): R64-R74. */
class QresyncSelectTest {

    /**
     * INBOX (UIDVALIDITY 67890007): live UIDs 1, 2, 4, 6; UID 3 expunged at 8, UID 5 at 14, UIDs 8
     * and 9 at 16, so UIDNEXT is 10 and the last two expunges lie above the last live UID.
     */
    private static MailboxFixture inbox() {
        return mailbox("INBOX").uidValidity(67890007).message(1, 5).message(2, 12, "\\Seen").message(4, 5)
                .message(6, 15, "\\Flagged").expunged(8, 3).expunged(14, 5).expunged(16, 8, 9);
    }

    private static Scenario qresync(MailboxFixture fixture, String... sessions) {
        Scenario s = Scenario.rfcDefaults().with(fixture).with(mailbox("Trash").uidValidity(3));
        for (String id : sessions) {
            s.login(id, "alex");
            s.send(id, id + "0 ENABLE QRESYNC").taggedOk();
        }
        return s;
    }

    /** The untagged responses other than VANISHED and FETCH: what a plain SELECT sends. */
    private static List<String> standard(Scenario.Exchange ex) {
        return ex.lines().stream().filter(l -> !l.startsWith("* VANISHED") && !l.matches("\\* \\d+ FETCH .*")).toList();
    }

    /** The VANISHED and FETCH responses, in order. */
    private static List<String> changes(Scenario.Exchange ex) {
        return ex.lines().stream().filter(l -> l.startsWith("* VANISHED") || l.matches("\\* \\d+ FETCH .*")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(QRESYNC (67890007 5 1:*))", // '*' in known-uids
        "(QRESYNC (67890007 0 1:9))", // mod-sequence 0
        "(QRESYNC (0 5))", // UIDVALIDITY 0
        "(QRESYNC (4294967296 5))", // UIDVALIDITY above 2^32-1
        "(QRESYNC (67890007 5 1:9 (1:3 1:2)))", // more message numbers than UIDs
        "(QRESYNC (67890007 5 1:9 (1,3 4,2)))", // UIDs descending
        "(QRESYNC (67890007 5 1:9 (3,1 2,4)))", // message numbers descending
        "(QRESYNC (67890007 5 1:9 (2:1 1:2)))", // a descending range
        "(QRESYNC (67890007 5 (1:* 1:4)))", // '*' in the match data
    })
    void r64_r65_malformedQresyncIsBadAndTheOldMailboxStaysSelected(String parameter) {
        Scenario s = qresync(inbox(), "A");
        s.send("A", "s1 SELECT Trash").taggedOk();
        // Checked before anything is opened or closed: no CLOSED, no untagged response at all.
        s.send("A", "s2 SELECT INBOX " + parameter).lacks("*").taggedBad();
        s.send("A", "u1 UNSELECT").is("u1 OK UNSELECT completed"); // Trash is still selected
    }

    @Test
    void r65_argumentsAreCheckedBeforeTheMailboxIsLookedUp() {
        Scenario s = qresync(inbox(), "A");
        s.send("A", "s1 SELECT INBOX").taggedOk();
        s.send("A", "s2 SELECT Nowhere (QRESYNC (0 5))").lacks("*").taggedBad(); // BAD, not NO [NONEXISTENT]
        s.send("A", "s3 SELECT Nowhere (QRESYNC (1 5))").contains("* OK [CLOSED] Previous mailbox closed").taggedNo();
    }

    @Test
    void r64_zeroModSeqMayBeReadAsEverythingByALenientServer() {
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS
                .withZeroModSeqArgument(ServerChoices.ZeroModSeqArgument.ACCEPT_AS_EVERYTHING)).with(inbox()).login("A", "alex");
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        assertEquals(List.of("* VANISHED (EARLIER) 3,5,8:9", "* 1 FETCH (UID 1 FLAGS () MODSEQ (5))",
                "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (12))", "* 3 FETCH (UID 4 FLAGS () MODSEQ (5))",
                "* 4 FETCH (UID 6 FLAGS (\\Flagged) MODSEQ (15))"),
                changes(s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 0))").taggedOk()));
    }

    @Test
    void r66_qresyncSelectSendsEveryResponseOfAPlainSelect() {
        Scenario s = qresync(inbox(), "A").login("B", "bob");
        Scenario.Exchange resync = s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 12))");
        Scenario.Exchange plain = s.send("B", "s1 SELECT INBOX (CONDSTORE)");
        assertFalse(changes(resync).isEmpty());
        assertEquals(plain.lines(), standard(resync));
    }

    @Test
    void r67_uidValidityMismatchIgnoresTheRestAndReportsNoChange() {
        Scenario s = qresync(inbox(), "A").login("B", "bob");
        Scenario.Exchange resync = s.send("A", "s1 EXAMINE INBOX (QRESYNC (67890006 1 1:9 (1:2 1:2)))");
        assertEquals(s.send("B", "s1 EXAMINE INBOX (CONDSTORE)").lines(), resync.lines());
    }

    @Test
    void r68_noModSeqMailboxIgnoresTheRemainingArguments() {
        Scenario s = qresync(inbox(), "A").with(mailbox("Drafts").uidValidity(9).noModSeq().message(1, 3)
                .message(2, 8, "\\Seen").expunged(6, 4)).login("B", "bob");
        Scenario.Exchange resync = s.send("A", "s1 SELECT Drafts (QRESYNC (9 1 1:4))")
                .contains("* OK [NOMODSEQ] No mod-sequences in this mailbox");
        assertEquals(s.send("B", "s1 SELECT Drafts (CONDSTORE)").lines(), resync.lines());
    }

    @Test
    void r69_changesStrictlyAfterTheModSeqAreReportedWithUid() {
        // UID 2 changed at exactly 12: not reported. UID 3 went at 8: not reported.
        Scenario s = qresync(inbox(), "A");
        assertEquals(List.of("* VANISHED (EARLIER) 5,8:9", "* 4 FETCH (UID 6 FLAGS (\\Flagged) MODSEQ (15))"),
                changes(s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 12))").taggedOk()));
    }

    @Test
    void r70_withoutKnownUidsTheSetReachesUidNextMinusOne() {
        // UIDs 8 and 9 lie above the last live UID (6) but below UIDNEXT (10).
        Scenario s = qresync(inbox(), "A");
        assertEquals(List.of("* VANISHED (EARLIER) 8:9"), changes(s.send("A", "s1 EXAMINE INBOX (QRESYNC (67890007 15))")));
        // Known UIDs limit both the expunges (not 8:9) and the flag changes (not UID 6) reported.
        assertEquals(List.of("* VANISHED (EARLIER) 5"),
                changes(s.send("A", "s2 EXAMINE INBOX (QRESYNC (67890007 12 2:5))")));
    }

    @Test
    void r70_aMailboxThatNeverHeldAMessageReportsNothingEvenWithoutHistory() {
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withExpungeHistoryBound(0)).login("A", "alex");
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        s.send("A", "c1 CREATE Empty").taggedOk();
        String uidValidity = s.send("A", "s1 STATUS Empty (UIDVALIDITY)").lines().get(0).replaceAll("\\D+", " ").trim();
        assertEquals(List.of(), changes(s.send("A", "s2 SELECT Empty (QRESYNC (" + uidValidity + " 1))").taggedOk()));
    }

    @ParameterizedTest
    @CsvSource({"12, 1:9", "4, 2:6", "7, 1:5", "16, 1:9", "15, 6:9"})
    void r71_qresyncSelectReportsWhatUidFetchChangedSinceVanishedReports(long modSeq, String known) {
        Scenario s = qresync(inbox(), "A", "B");
        Scenario.Exchange resync = s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 " + modSeq + " " + known + "))");
        s.send("B", "s1 SELECT INBOX").taggedOk();
        Scenario.Exchange fetch = s.send("B", "f1 UID FETCH " + known + " (FLAGS) (CHANGEDSINCE " + modSeq + " VANISHED)");
        assertEquals(changes(fetch), changes(resync));
    }

    @Test
    void r71_equivalenceHoldsBelowTheForgottenFloorToo() {
        Scenario s = qresync(inbox().forgottenUpTo(7).historyBound(3), "A", "B");
        Scenario.Exchange resync = s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 6 2:9))");
        s.send("B", "s1 SELECT INBOX").taggedOk();
        Scenario.Exchange fetch = s.send("B", "f1 UID FETCH 2:9 (FLAGS) (CHANGEDSINCE 6 VANISHED)");
        assertEquals(changes(fetch), changes(resync));
        assertEquals("* VANISHED (EARLIER) 3,5,7:9", changes(resync).get(0)); // 7 was never seen live: a superset
    }

    /**
     * The RFC's own example (§3.2.5.2): message 4 is UID 8, so nothing at or below 8 is reported;
     * message 12 is UID 25, not 24, so the lowest reported UID is 9. The server remembers no
     * expunge (floor 50), so without match data every non-live UID would be reported.
     */
    private static MailboxFixture sparse() {
        return mailbox("INBOX").uidValidity(67890007).message(2, 60, "\\Seen").message(4, 5).message(6, 5).message(8, 5)
                .message(10, 5).message(12, 5).message(14, 5).message(16, 5).message(18, 5).message(20, 5)
                .message(22, 5).message(25, 5).forgottenUpTo(50);
    }

    @Test
    void r72_r73_aMatchingPairHidesEveryExpungeUpToItsUid() {
        Scenario s = qresync(sparse(), "A");
        // UID 2 changed after 40: it is reported although it lies below the matching pair.
        assertEquals(List.of("* VANISHED (EARLIER) 9,11,13,15,17,19,21,23:24",
                "* 1 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (60))"),
                changes(s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 40 1:25 (4,12 8,24)))").taggedOk()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " (4 9)", " (13 26)"})
    void r73_withoutAMatchingPairEveryExpungedUidIsReported(String matchData) {
        // (4 9): message 4 is UID 8. (13 26): there is no message 13.
        Scenario s = qresync(sparse(), "A");
        assertEquals(List.of("* VANISHED (EARLIER) 1,3,5,7,9,11,13,15,17,19,21,23:24",
                "* 1 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (60))"),
                changes(s.send("A", "s1 SELECT INBOX (QRESYNC (67890007 40 1:25" + matchData + "))").taggedOk()));
    }

    @Test
    void r74_closedComesBeforeEveryResponseOfTheNewMailbox() {
        Scenario s = qresync(inbox(), "A");
        s.send("A", "s1 SELECT Trash").taggedOk();
        List<String> lines = s.send("A", "s2 SELECT INBOX (QRESYNC (67890007 12))").taggedOk().lines();
        assertEquals("* OK [CLOSED] Previous mailbox closed", lines.get(0));
        assertEquals(List.of("* OK [CLOSED] Previous mailbox closed"),
                lines.stream().filter(l -> l.contains("CLOSED")).toList());
        assertEquals("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", lines.get(1));
        assertEquals("* VANISHED (EARLIER) 5,8:9", lines.get(lines.size() - 3));
    }
}
