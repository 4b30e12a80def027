package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.mailbox.ExpungeHistory;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices.ModSeqGranularity;

/**
 * Requirement tests for RFC 7162 §3.1, §3.1.1, §3.1.2 and §3.2.4 (R1-R31): how mod-sequences are
 * assigned, when MODSEQ and UID appear in untagged FETCH, and what SELECT/EXAMINE report.
 */
class ModSeqAssignmentTest {

    private static final ServerChoices DEFAULTS = ServerChoices.RFC_DEFAULTS;

    /** The mod-sequence in the FETCH response for message {@code number}. */
    private static long modSeq(Scenario.Exchange e, long number) {
        String line = e.starting("* " + number + " FETCH ").stream().filter(l -> l.contains("MODSEQ (")).findFirst()
                .orElseThrow(() -> new AssertionError("no FETCH with MODSEQ for " + number + " in " + e.lines()));
        int at = line.indexOf("MODSEQ (") + "MODSEQ (".length();
        return Long.parseLong(line.substring(at, line.indexOf(')', at)));
    }

    /** Sends the command lines separated by "; " for session A, tagged e1, e2, ... */
    private static void sendAll(Scenario s, String lines) {
        int n = 1;
        for (String line : lines.split("; ")) {
            s.send("A", "e" + n++ + " " + line).taggedOk();
        }
    }

    @Test
    void r1_modSeqsReachTheTopOfThe63BitRange() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, Long.MAX_VALUE - 1)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)")
                .contains("* OK [HIGHESTMODSEQ 9223372036854775806] Highest mod-sequence");
        s.send("A", "a2 STORE 1 +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (9223372036854775807))", "a2 OK STORE completed");
        s.send("A", "a3 FETCH 1 (MODSEQ)").is("* 1 FETCH (MODSEQ (9223372036854775807))", "a3 OK FETCH completed");
    }

    @Test
    void r1_storeBeyondTheLargestModSeqIsRefusedNotCrashed() {
        // R1 forbids a value above 2^63-1 and R4 a flag change without a new one, so the change cannot
        // be made; RFC 3501 §2.2.2 still requires a tagged answer to the command.
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, Long.MAX_VALUE)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        Mailbox before = s.mailbox("INBOX");
        s.send("A", "a2 STORE 1 +FLAGS (\\Seen)").is("a2 NO [LIMIT] Mod-sequence space of this mailbox is exhausted");
        assertEquals(before, s.mailbox("INBOX"));
        s.send("A", "a3 APPEND INBOX {1}\r\nx").tagged("NO [LIMIT] Mod-sequence space of this mailbox is exhausted");
        s.send("A", "a4 FETCH 1 (FLAGS)").is("* 1 FETCH (FLAGS () MODSEQ (9223372036854775807))", "a4 OK FETCH completed");
    }

    @Test
    void r1_r31_firstMessageOfANewMailboxGetsAPositiveModSeq() {
        Scenario s = Scenario.rfcDefaults().login("A", "alex");
        // R31: a fresh mailbox still reports at least 1.
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 1] Highest mod-sequence");
        s.send("A", "a2 APPEND INBOX {5}\r\nhello").taggedOk();
        s.send("A", "a3 FETCH 1 (MODSEQ)").is("* 1 FETCH (MODSEQ (2))", "a3 OK FETCH completed");
    }

    @ParameterizedTest
    @EnumSource(ModSeqGranularity.class)
    void r2_storesFromTwoSessionsNeverShareAModSeq(ModSeqGranularity granularity) {
        Scenario s = Scenario.with(DEFAULTS.withModSeqGranularity(granularity))
                .with(mailbox("INBOX").messages(1, 3, 5)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX (CONDSTORE)").taggedOk();
        Scenario.Exchange a = s.send("A", "a2 STORE 1:2 +FLAGS (\\Seen)");
        // A different item on a different message, from another connection.
        Scenario.Exchange b = s.send("B", "b2 STORE 3 +FLAGS (\\Flagged)");
        long a1 = modSeq(a, 1);
        long a2 = modSeq(a, 2);
        long b3 = modSeq(b, 3);
        assertNotEquals(a1, b3);
        assertNotEquals(a2, b3);
        // One STORE may give its messages one value (PER_COMMAND) or one each (PER_MESSAGE).
        assertEquals(granularity == ModSeqGranularity.PER_COMMAND, a1 == a2);
    }

    @ParameterizedTest
    @EnumSource(ModSeqGranularity.class)
    void r3_aLaterStoreOfTheSameSessionGetsAGreaterModSeq(ModSeqGranularity granularity) {
        Scenario s = Scenario.with(DEFAULTS.withModSeqGranularity(granularity))
                .with(mailbox("INBOX").messages(1, 3, 5)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        Scenario.Exchange first = s.send("A", "a2 STORE 1:2 +FLAGS (\\Seen)");
        s.send("B", "b2 STORE 3 +FLAGS (\\Draft)").taggedOk();
        Scenario.Exchange second = s.send("A", "a3 STORE 3 +FLAGS (\\Flagged)");
        Scenario.Exchange third = s.send("A", "a4 STORE 1 -FLAGS (\\Seen)");
        long firstHighest = Math.max(modSeq(first, 1), modSeq(first, 2));
        assertTrue(modSeq(second, 3) > firstHighest, "second STORE above every value of the first");
        assertTrue(modSeq(third, 1) > modSeq(second, 3), "third STORE above the second");
    }

    @Test
    void r4_addingAnAbsentOrRemovingAPresentFlagRaisesTheModSeq() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5, "\\Seen")).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1 -FLAGS (\\Seen)").is("* 1 FETCH (UID 1 FLAGS () MODSEQ (6))", "a2 OK STORE completed");
        s.send("A", "a3 STORE 1 +FLAGS ($Work)")
                .is("* 1 FETCH (UID 1 FLAGS ($Work) MODSEQ (7))", "a3 OK STORE completed");
        // FLAGS replace: \Answered added and $Work removed in one change.
        s.send("A", "a4 STORE 1 FLAGS (\\Answered)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Answered) MODSEQ (8))", "a4 OK STORE completed");
    }

    @Test
    void r5_storesThatChangeNothingKeepTheModSeq() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5, "\\Seen")).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1 +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (5))", "a2 OK STORE completed");
        s.send("A", "a3 STORE 1 -FLAGS (\\Flagged $Work)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (5))", "a3 OK STORE completed");
        s.send("A", "a4 STORE 1 FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (5))", "a4 OK STORE completed");
        // §3.1.11: the rule holds with UNCHANGEDSINCE too.
        s.send("A", "a5 STORE 1 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (5))", "a5 OK STORE completed");
        assertEquals(ModSeq.of(5), s.mailbox("INBOX").highestModSeq());
    }

    @Test
    void r5_noOpStoreBumpsWhenTheServerChoosesTo() {
        // R5 is a SHOULD NOT; noOpStoreBumpsModSeq is the permitted alternative (R6: clients cope).
        Scenario s = Scenario.with(DEFAULTS.withNoOpStoreBumpsModSeq(true))
                .with(mailbox("INBOX").message(1, 5, "\\Seen")).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1 +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (6))", "a2 OK STORE completed");
    }

    @Test
    void r7_appendCopyAndMoveGetAModSeqAboveEveryOtherInTheTarget() {
        // The sources' mod-sequences (5 to 7) are below the target's 500: a copy must not keep them.
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5).message(2, 7).message(3, 6))
                .with(mailbox("Archive").uidValidity(9).message(1, 500)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 COPY 1:2 Archive").taggedOk();
        s.send("A", "a3 MOVE 3 Archive").taggedOk();
        s.send("A", "a4 APPEND Archive {5}\r\nhello").taggedOk();
        s.send("B", "b1 EXAMINE Archive (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 503] Highest mod-sequence");
        // PER_COMMAND (the default): the two copies of one COPY share 501.
        s.send("B", "b2 FETCH 1:* (MODSEQ)").is("* 1 FETCH (MODSEQ (500))", "* 2 FETCH (MODSEQ (501))",
                "* 3 FETCH (MODSEQ (501))", "* 4 FETCH (MODSEQ (502))", "* 5 FETCH (MODSEQ (503))",
                "b2 OK FETCH completed");
    }

    @Test
    void r7_copiesGetOneNewModSeqEachUnderPerMessageGranularity() {
        // Here the sources (900, 901) are above the target's 500: the copies still take the target's next values.
        Scenario s = Scenario.with(DEFAULTS.withModSeqGranularity(ModSeqGranularity.PER_MESSAGE))
                .with(mailbox("INBOX").message(1, 900).message(2, 901))
                .with(mailbox("Archive").uidValidity(9).message(1, 500)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 COPY 1:2 Archive").taggedOk();
        s.send("A", "a3 EXAMINE Archive (CONDSTORE)").taggedOk();
        s.send("A", "a4 FETCH 2:3 (MODSEQ)").is("* 2 FETCH (MODSEQ (501))", "* 3 FETCH (MODSEQ (502))",
                "a4 OK FETCH completed");
    }

    @Test
    void r8_r9_privateFlagChangesAreVisibleOnlyToTheirOwner() {
        Scenario s = Scenario.with(DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN)))
                .with(mailbox("INBOX").message(1, 5).message(2, 5)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1 +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (6))", "a2 OK STORE completed");
        // Bob cannot see alex's private \Seen, so neither the flag nor its mod-sequence reaches him.
        s.send("B", "b2 NOOP").is("b2 OK NOOP completed");
        s.send("B", "b3 FETCH 1 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS () MODSEQ (5))", "b3 OK FETCH completed");
        // A shared flag is seen by both users, with its new mod-sequence.
        s.send("A", "a3 STORE 1 +FLAGS (\\Flagged)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen \\Flagged) MODSEQ (7))", "a3 OK STORE completed");
        s.send("B", "b4 NOOP").is("* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (7))", "b4 OK NOOP completed");
    }

    @Test
    void r8_perUserModSeqIsTheHighestOverItemsThatUserCanSee() {
        Scenario s = Scenario.with(DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN)))
                .with(mailbox("INBOX").message(1, 5).privateFlags(1, "bob", 9, "\\Seen")).login("A", "alex")
                .login("B", "bob");
        s.send("A", "a1 EXAMINE INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 FETCH 1 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS () MODSEQ (5))", "a2 OK FETCH completed");
        s.send("B", "b1 EXAMINE INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b2 FETCH 1 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS (\\Seen) MODSEQ (9))", "b2 OK FETCH completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPUNGE", "UID EXPUNGE 20", "CLOSE", "MOVE 2 Trash"})
    void r12_expungesRaiseTheMailboxModSeqAndRecordItWithTheUid(String command) {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(10, 5).message(20, 6, "\\Deleted").message(30, 7))
                .with(mailbox("Trash").uidValidity(9)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 " + command).taggedOk();
        Mailbox inbox = s.mailbox("INBOX");
        assertEquals(ModSeq.of(8), inbox.highestModSeq());
        assertEquals(List.of(new ExpungeHistory.Expunged(Uid.of(20), ModSeq.of(8))), inbox.expunged().entries());
        s.send("B", "b1 STATUS INBOX (HIGHESTMODSEQ)").contains("* STATUS INBOX (HIGHESTMODSEQ 8)");
    }

    @Test
    void r14_r24_mailboxWithoutPersistentModSeqsIsAnnouncedWithNoModSeq() {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("Junk"))).login("A", "alex");
        s.send("A", "a1 CREATE Junk").taggedOk();
        s.send("A", "a2 SELECT Junk (CONDSTORE)").contains("* OK [NOMODSEQ] No mod-sequences in this mailbox")
                .lacks("* OK [HIGHESTMODSEQ");
        s.send("A", "a3 SELECT INBOX (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 1] Highest mod-sequence")
                .lacks("* OK [NOMODSEQ");
    }

    /** A FETCH caused by bob's STORE on message 2, as alex's client must see it once CONDSTORE-aware. */
    private static final String UNSOLICITED_WITH_MODSEQ = "* 2 FETCH (UID 2 FLAGS (\\Flagged) MODSEQ (11))";

    /**
     * A server that reports mod-sequences only after an enabling command (§3.1.2.1), so that what
     * changes at the enabling command is visible; the default reports on every SELECT (§3.1.2).
     */
    private static Scenario enablingScenario() {
        return Scenario.with(DEFAULTS.withModSeqOnEverySelect(false)).with(mailbox("INBOX").message(1, 10, "\\Seen").message(2, 4))
                .with(mailbox("Archive").uidValidity(9).message(1, 500)).login("A", "alex").login("B", "bob");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT INBOX (CONDSTORE)",
        "EXAMINE INBOX (CONDSTORE)",
        "STATUS Archive (HIGHESTMODSEQ); SELECT INBOX",
        "SELECT INBOX; STATUS INBOX (HIGHESTMODSEQ)",
        "SELECT INBOX; FETCH 1 (MODSEQ)",
        "SELECT INBOX; UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1)",
        // A no-op on message 1 (R5), so that bob's change still takes 11.
        "SELECT INBOX; STORE 1 (UNCHANGEDSINCE 10) +FLAGS.SILENT (\\Seen)",
        "SELECT INBOX; SEARCH MODSEQ 1",
        "ENABLE CONDSTORE; SELECT INBOX",
        "ENABLE QRESYNC; SELECT INBOX"})
    void r15_r16_r18_r19_r43_everyEnablingCommandPutsModSeqInLaterUnsolicitedFetch(String commands) {
        Scenario s = enablingScenario();
        sendAll(s, commands);
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Flagged)").taggedOk();
        s.send("A", "a9 NOOP").is(UNSOLICITED_WITH_MODSEQ, "a9 OK NOOP completed");
    }

    @Test
    void r24_everySelectReportsHighestModSeqByDefault() {
        // §3.1.2: "When opening a mailbox ... the server MUST send an OK untagged response, including
        // the HIGHESTMODSEQ response code". That alone enables nothing: no MODSEQ in FETCH yet (R16).
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 10)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX").contains("* OK [HIGHESTMODSEQ 10] Highest mod-sequence");
        s.send("A", "a2 FETCH 1 (FLAGS)").is("* 1 FETCH (FLAGS ())", "a2 OK FETCH completed");
    }

    @Test
    void r16_noModSeqInUntaggedFetchBeforeAnyEnablingCommand() {
        Scenario s = enablingScenario();
        s.send("A", "a1 SELECT INBOX").lacks("* OK [HIGHESTMODSEQ");
        s.send("A", "a2 FETCH 1:2 (UID FLAGS)").is("* 1 FETCH (UID 1 FLAGS (\\Seen))", "* 2 FETCH (UID 2 FLAGS ())",
                "a2 OK FETCH completed");
        s.send("A", "a3 STORE 1 +FLAGS (\\Answered)")
                .is("* 1 FETCH (FLAGS (\\Seen \\Answered))", "a3 OK STORE completed");
        s.send("A", "a4 SEARCH ALL").is("* SEARCH 1 2", "a4 OK SEARCH completed");
        s.send("A", "a5 STATUS Archive (MESSAGES UIDNEXT)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Flagged)").taggedOk();
        s.send("A", "a6 NOOP").is("* 2 FETCH (FLAGS (\\Flagged))", "a6 OK NOOP completed");
    }

    @Test
    void r16_modSeqStaysOnUntilTheConnectionEnds() {
        Scenario s = enablingScenario();
        s.send("A", "a1 ENABLE CONDSTORE").taggedOk();
        s.send("A", "a2 SELECT Archive").taggedOk();
        s.send("A", "a3 UNSELECT").taggedOk();
        s.send("A", "a4 EXAMINE INBOX").contains("* OK [HIGHESTMODSEQ 10] Highest mod-sequence");
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Flagged)").taggedOk();
        s.send("A", "a5 NOOP").is(UNSOLICITED_WITH_MODSEQ, "a5 OK NOOP completed");
        // A new connection starts unaware again.
        s.send("A", "a6 LOGOUT").taggedOk();
        s.login("A", "alex");
        s.send("A", "a7 SELECT INBOX").lacks("* OK [HIGHESTMODSEQ");
        s.send("B", "b3 STORE 2 -FLAGS (\\Flagged)").taggedOk();
        s.send("A", "a8 NOOP").is("* 2 FETCH (FLAGS ())", "a8 OK NOOP completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FETCH 1 (MODSEQ)",
        "FETCH 1:* (FLAGS) (CHANGEDSINCE 1)",
        "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1)",
        "STORE 1 (UNCHANGEDSINCE 10) +FLAGS.SILENT (\\Seen)",
        "SEARCH MODSEQ 1",
        "UID SEARCH MODSEQ 1"})
    void r17_firstEnablingCommandWithAMailboxSelectedReportsHighestModSeqOnce(String command) {
        Scenario s = enablingScenario();
        s.send("A", "a1 SELECT INBOX").lacks("* OK [HIGHESTMODSEQ");
        s.send("A", "a2 " + command).contains("* OK [HIGHESTMODSEQ 10] Highest mod-sequence").taggedOk();
        s.send("A", "a3 " + command).lacks("* OK [HIGHESTMODSEQ").taggedOk();
    }

    @Test
    void r17_firstEnablingCommandOnAPlainlySelectedNoModSeqMailboxStillReportsIt() {
        // A server that reports nothing on a plain SELECT (§3.1.2.1) is the one this case can arise in.
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("Junk")).withModSeqOnEverySelect(false))
                .login("A", "alex");
        s.send("A", "a1 CREATE Junk").taggedOk();
        s.send("A", "a2 SELECT Junk").lacks("* OK [NOMODSEQ]");
        // §3.1 (L403-407) excuses only a server that sent NOMODSEQ when the mailbox was selected;
        // none was sent, so the client must learn now (NOMODSEQ being the only truthful code).
        assertEquals(1, modSeqCodes(s.send("A", "a3 STATUS INBOX (HIGHESTMODSEQ)").taggedOk()));
    }

    @Test
    void r17_statusOfAnotherMailboxReportsTheSelectedMailboxsHighestModSeq() {
        Scenario s = enablingScenario();
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 STATUS Archive (HIGHESTMODSEQ)").is("* OK [HIGHESTMODSEQ 10] Highest mod-sequence",
                "* STATUS Archive (HIGHESTMODSEQ 500)", "a2 OK STATUS completed");
    }

    @ParameterizedTest
    @EnumSource(names = {"EAGER", "ON_NOOP"})
    void r18_unsolicitedFetchToACondstoreAwareClientCarriesModSeq(ServerChoices.UpdateDelivery delivery) {
        Scenario s = Scenario.with(DEFAULTS.withUpdateDelivery(delivery))
                .with(mailbox("INBOX").message(1, 10, "\\Seen").message(2, 4)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Flagged)").taggedOk();
        s.send("B", "b3 STORE 1 -FLAGS (\\Seen)").taggedOk();
        s.send("A", "a2 NOOP").is("* 1 FETCH (UID 1 FLAGS () MODSEQ (12))", UNSOLICITED_WITH_MODSEQ,
                "a2 OK NOOP completed");
    }

    @Test
    void r20_qresyncPutsUidAndModSeqInEveryUntaggedFetchWhateverTheCondstoreChoice() {
        // uidInCondstoreFetch=false affects CONDSTORE-only clients; under QRESYNC UID is a MUST.
        Scenario s = Scenario.with(DEFAULTS.withUidInCondstoreFetch(false))
                .with(mailbox("INBOX").message(1, 10).message(2, 4)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 ENABLE QRESYNC").taggedOk();
        s.send("A", "a2 SELECT INBOX").taggedOk();
        s.send("A", "a3 STORE 1 +FLAGS (\\Flagged)").is("* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (11))",
                "a3 OK STORE completed");
        s.send("A", "a4 STORE 1 (UNCHANGEDSINCE 11) -FLAGS.SILENT (\\Flagged)").is("* 1 FETCH (UID 1 MODSEQ (12))",
                "a4 OK STORE completed");
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Seen)").taggedOk();
        s.send("A", "a5 NOOP").is("* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (13))", "a5 OK NOOP completed");
        // The exception of §3.2.4: a FETCH that asks for neither UID nor MODSEQ and sets no \Seen.
        s.send("A", "a6 FETCH 1 (RFC822.SIZE)").is("* 1 FETCH (RFC822.SIZE 9)", "a6 OK FETCH completed");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void r21_condstoreOnlyClientGetsUidInUnsolicitedFetchWhenTheServerFollowsR20(boolean uidInCondstoreFetch) {
        Scenario s = Scenario.with(DEFAULTS.withUidInCondstoreFetch(uidInCondstoreFetch))
                .with(mailbox("INBOX").message(1, 10, "\\Seen").message(2, 4)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 ENABLE CONDSTORE").taggedOk();
        s.send("A", "a2 SELECT INBOX").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Flagged)").taggedOk();
        s.send("A", "a3 NOOP")
                .is(uidInCondstoreFetch ? UNSOLICITED_WITH_MODSEQ : "* 2 FETCH (FLAGS (\\Flagged) MODSEQ (11))",
                "a3 OK NOOP completed");
        s.send("A", "a4 STORE 1 -FLAGS (\\Seen)").is(uidInCondstoreFetch ? "* 1 FETCH (UID 1 FLAGS () MODSEQ (12))"
                : "* 1 FETCH (FLAGS () MODSEQ (12))", "a4 OK STORE completed");
    }

    @Test
    void r22_condstoreIsAdvertisedBeforeAndAfterLogin() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        assertTrue(List.of(s.send("A", "a1 CAPABILITY").lines().get(0).split(" ")).contains("CONDSTORE"));
        s.send("A", "a2 LOGIN alex pw").taggedOk();
        assertTrue(List.of(s.send("A", "a3 CAPABILITY").lines().get(0).split(" ")).contains("CONDSTORE"));
    }

    private static int modSeqCodes(Scenario.Exchange e) {
        return e.starting("* OK [HIGHESTMODSEQ ").size() + e.starting("* OK [NOMODSEQ]").size();
    }

    @Test
    void r23_afterEnablingEverySuccessfulSelectReportsExactlyOneOfHighestModSeqOrNoModSeq() {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("Junk")).withModSeqOnEverySelect(false))
                .login("A", "alex").login("B", "bob");
        s.send("A", "a1 CREATE Junk").taggedOk();
        assertEquals(0, modSeqCodes(s.send("A", "a2 SELECT INBOX")), "not enabled yet");
        s.send("A", "a3 UNSELECT").taggedOk();
        s.send("A", "a4 ENABLE CONDSTORE").taggedOk();
        for (String line : List.of("SELECT INBOX", "EXAMINE INBOX", "SELECT Junk", "EXAMINE Junk",
                "SELECT INBOX (CONDSTORE)", "EXAMINE Junk (CONDSTORE)")) {
            assertEquals(1, modSeqCodes(s.send("A", "a5 " + line).taggedOk()), line);
        }
        // A failed SELECT reports neither.
        assertEquals(0, modSeqCodes(s.send("A", "a6 SELECT Nowhere").taggedNo()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENABLE CONDSTORE", "ENABLE QRESYNC", "STATUS INBOX (HIGHESTMODSEQ)",
        "STATUS Junk (HIGHESTMODSEQ)", "SELECT INBOX (CONDSTORE)", "EXAMINE INBOX (CONDSTORE)"})
    void r24_r29_noModSeqMailboxAnswersNoModSeqAfterEveryKindOfEnabling(String enabling) {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("Junk"))).login("A", "alex");
        s.send("A", "a1 CREATE Junk").taggedOk();
        s.send("A", "a2 " + enabling).taggedOk();
        for (String line : List.of("SELECT Junk", "EXAMINE Junk")) {
            s.send("A", "a3 " + line).contains("* OK [NOMODSEQ] No mod-sequences in this mailbox")
                    .lacks("* OK [HIGHESTMODSEQ").taggedOk();
        }
    }

    @Test
    void r25_everySelectAfterEnablingReportsTheLargestModSeqInTheMailbox() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5).message(2, 17).message(3, 9))
                .login("A", "alex").login("B", "bob");
        // The largest is not the last message's.
        s.send("A", "a1 EXAMINE INBOX (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 17] Highest mod-sequence");
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 1 +FLAGS (\\Seen)").taggedOk();
        s.send("A", "a2 SELECT INBOX").contains("* OK [HIGHESTMODSEQ 18] Highest mod-sequence");
        s.send("A", "a3 EXAMINE INBOX").contains("* OK [HIGHESTMODSEQ 18] Highest mod-sequence");
    }

    @Test
    void r26_highestModSeqMayStartOverWithANewUidValidity() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("Archive").uidValidity(7).message(1, 500)).login("A", "alex");
        s.send("A", "a1 SELECT Archive (CONDSTORE)").contains("* OK [UIDVALIDITY 7] UIDs valid",
                "* OK [HIGHESTMODSEQ 500] Highest mod-sequence");
        s.send("A", "a2 UNSELECT").taggedOk();
        s.send("A", "a3 DELETE Archive").taggedOk();
        s.send("A", "a4 CREATE Archive").taggedOk();
        // The recreated mailbox has a new UIDVALIDITY, so its HIGHESTMODSEQ may (and here does) restart.
        s.send("A", "a5 SELECT Archive").contains("* OK [HIGHESTMODSEQ 1] Highest mod-sequence")
                .lacks("* OK [UIDVALIDITY 7]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FETCH 1 (FLAGS) (CHANGEDSINCE 1)",
        "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 1)",
        "FETCH 1 (MODSEQ)",
        "UID FETCH 1 (FLAGS MODSEQ)",
        "SEARCH MODSEQ 1",
        "UID SEARCH MODSEQ 1",
        "SEARCH RETURN (ALL) MODSEQ 1",
        "STORE 1 (UNCHANGEDSINCE 100) +FLAGS (\\Seen)",
        "UID STORE 1 (UNCHANGEDSINCE 100) +FLAGS (\\Seen)"})
    void r30_modSeqCommandsAreBadWhileANoModSeqMailboxIsSelected(String command) {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("INBOX"))).login("A", "alex");
        s.send("A", "a1 APPEND INBOX {5}\r\nhello").taggedOk();
        s.send("A", "a2 CREATE Archive").taggedOk();
        s.send("A", "a3 APPEND Archive {5}\r\nhello").taggedOk();
        s.send("A", "a4 SELECT INBOX (CONDSTORE)").contains("* OK [NOMODSEQ] No mod-sequences in this mailbox");
        Mailbox before = s.mailbox("INBOX");
        assertEquals(1, s.send("A", "a5 " + command).taggedBad().lines().size());
        assertEquals(before, s.mailbox("INBOX"), "a BAD command changes nothing");
        // Only while the NOMODSEQ mailbox stays selected.
        s.send("A", "a6 SELECT Archive").taggedOk();
        s.send("A", "a7 " + command).taggedOk();
    }

    @Test
    void r31_highestModSeqIsAtLeastOneAndBothCodesCarryText() {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("Junk"))).login("A", "alex");
        s.send("A", "a1 CREATE Junk").taggedOk();
        s.send("A", "a2 SELECT INBOX (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 1] Highest mod-sequence");
        s.send("A", "a3 SELECT Junk").contains("* OK [NOMODSEQ] No mod-sequences in this mailbox");
    }
}
