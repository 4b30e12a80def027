package org.modseq.model.judge;

import org.junit.jupiter.api.Test;
import org.modseq.model.rfc.Requirement;

/**
 * The judge accepts what RFC 7162 and RFC 3501 let a server do, also where the model does it
 * differently: each test answers one exchange by hand the way another conforming server would.
 */
class JudgeFreedomsTest {

    /** A with QRESYNC and INBOX selected: UIDs 1 (no flags), 2 (\Seen), 3 at mod-sequences 2, 3, 4. */
    private static JudgeTranscript inbox() {
        return JudgeTranscript.rfcDefaults().login("A", "alex")
                .run("A", "a1 ENABLE QRESYNC")
                .run("A", "a2 SELECT INBOX")
                .run("A", "a3 APPEND INBOX {4}\r\nbody")
                .run("A", "a4 APPEND INBOX (\\Seen) {4}\r\nbody")
                .run("A", "a5 APPEND INBOX {4}\r\nbody");
    }

    /** {@link #inbox()} and B, another connection of the same user, with INBOX selected. */
    private static JudgeTranscript withB() {
        return inbox().login("B", "alex").run("B", "b1 SELECT INBOX (CONDSTORE)");
    }

    @Test
    void oneStoreMayGiveEachMessageItsOwnModSeq_R2() {
        inbox().answer("A", "a6 STORE 1:3 +FLAGS (\\Flagged)", "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))",
                "* 2 FETCH (UID 2 FLAGS (\\Seen \\Flagged) MODSEQ (6))", "* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (7))",
                "a6 OK STORE completed").conforms();
    }

    @Test
    void aNoOpStoreMayKeepOrBumpTheModSeq_R5() {
        inbox().answer("A", "a6 STORE 2 +FLAGS (\\Seen)", "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (3))",
                "a6 OK STORE completed").conforms();
        inbox().answer("A", "a6 STORE 2 +FLAGS (\\Seen)", "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (5))",
                "a6 OK STORE completed").conforms();
    }

    /** R78: an expunge not yet told may be reported by the answer's plain VANISHED rather than VANISHED (EARLIER). */
    @Test
    void anUnannouncedExpungeMayComeAsPlainVanished_R78() {
        withB().run("B", "b2 STORE 2 +FLAGS (\\Deleted)").run("B", "b3 EXPUNGE")
                .answer("A", "a6 UID FETCH 1:3 (FLAGS) (CHANGEDSINCE 4 VANISHED)", "* VANISHED 2", "a6 OK FETCH completed")
                .conforms();
        withB().run("B", "b2 STORE 2 +FLAGS (\\Deleted)").run("B", "b3 EXPUNGE")
                .answer("A", "a6 UID FETCH 1:3 (FLAGS) (CHANGEDSINCE 4 VANISHED)", "a6 OK FETCH completed")
                .expect(Requirement.R78, "a6 OK FETCH completed");
    }

    /** RFC 3501 §6.3.3: a server that does not need the trailing delimiter's declaration ignores it, creating nothing. */
    @Test
    void aCreateWithATrailingDelimiterMayCreateNothing_Rfc3501_6_3_3() {
        JudgeTranscript.rfcDefaults().login("A", "alex").answer("A", "a1 CREATE Work/", "a1 OK Create completed")
                .answer("A", "a2 CREATE Work", "a2 OK Create completed").conforms();
        JudgeTranscript.rfcDefaults().login("A", "alex").answer("A", "a1 CREATE Work", "a1 OK Create completed")
                .answer("A", "a2 CREATE Work", "a2 OK Create completed").expect("RFC 3501 §6.3.3", "a2 OK Create completed");
    }

    /** RFC 3501 §6.4.7: an error for a missing destination is a SHOULD; a COPY of nothing may succeed. */
    @Test
    void aCopyOfNothingToADeletedMailboxMaySucceed_Rfc3501_6_4_7() {
        JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX").run("A", "a2 CREATE Gone")
                .run("A", "a3 DELETE Gone").answer("A", "a4 UID COPY 1:* Gone", "a4 OK No messages found").conforms();
        JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX").run("A", "a2 CREATE Gone")
                .run("A", "a3 DELETE Gone").run("A", "a4 APPEND INBOX {4}\r\nbody")
                .answer("A", "a5 UID COPY 1:* Gone", "a5 OK Copy completed")
                .expect("RFC 3501 §6.3.4", "a5 OK Copy completed");
    }

    /** R17: an enabling command answered BAD may have enabled CONDSTORE (it was issued, RFC 7162 §3.1). */
    @Test
    void anEnablingCommandAnsweredBadMayCountAsTheFirst_R17() {
        JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX")
                .answer("A", "a2 UID FETCH 1:* (MODSEQ) (VANISHED)", "* OK [HIGHESTMODSEQ 1] Highest",
                        "a2 BAD QRESYNC not enabled")
                .answer("A", "a3 SEARCH MODSEQ 4", "* SEARCH", "a3 OK SEARCH completed").conforms();
        JudgeTranscript.rfcDefaults().login("A", "alex").answer("A", "a1 SELECT Nowhere (CONDSTORE)", "a1 NO No such mailbox")
                .run("A", "a2 SELECT INBOX")
                .answer("A", "a3 SEARCH MODSEQ 4", "* SEARCH", "a3 OK SEARCH completed").conforms();
        JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX")
                .answer("A", "a2 SEARCH MODSEQ 4", "* SEARCH", "a2 OK SEARCH completed")
                .expect(Requirement.R17, "a2 OK SEARCH completed");
    }

    /** RFC 3501 §7.1 PERMANENTFLAGS: a STORE of a flag that cannot be set permanently may be ignored. */
    @Test
    void aStoreInAReadOnlyMailboxMayBeIgnoredWithOk_Rfc3501_7_1() {
        inbox().run("A", "a6 EXAMINE INBOX").answer("A", "a7 STORE 1 +FLAGS (\\Flagged)", "a7 OK Store ignored")
                .conforms();
        inbox().run("A", "a6 EXAMINE INBOX").answer("A", "a7 STORE 1 +FLAGS (\\Flagged)", "a7 OK Store ignored")
                .run("A", "a8 FETCH 1 (FLAGS)").conforms();
    }

    /** RFC 3501 §6.4.6: a STORE "normally" returns the updated value; one that updated nothing may stay silent. */
    @Test
    void aNoOpStoreWithoutSilentMayReturnNoFetch_Rfc3501_6_4_6() {
        inbox().answer("A", "a6 STORE 2 +FLAGS (\\Seen)", "a6 OK STORE completed").conforms();
        inbox().answer("A", "a6 STORE 1 -FLAGS (\\Flagged)", "a6 OK STORE completed").conforms();
    }

    @Test
    void aStoreThatChangesAFlagStillReturnsIt_Rfc3501_6_4_6() {
        inbox().answer("A", "a6 STORE 1 +FLAGS (\\Flagged)", "a6 OK STORE completed")
                .expect("RFC 3501 §6.4.6", "a6 OK STORE completed");
    }

    /** R33's FETCH updates the client's cache; a no-op leaves the mod-sequence as it was (R5, §3.1.11). */
    @Test
    void aNoOpUnchangedSinceStoreMayReturnNoModSeqFetch_R33() {
        inbox().answer("A", "a6 STORE 2 (UNCHANGEDSINCE 9) +FLAGS.SILENT (\\Seen)", "a6 OK STORE completed")
                .conforms();
        inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 9) +FLAGS.SILENT (\\Flagged)", "a6 OK STORE completed")
                .expect(Requirement.R33, "a6 OK STORE completed");
    }

    @Test
    void aStoreAnswerMayShowTheEarlierStateBeforeTheNewOne() {
        inbox().answer("A", "a6 STORE 1 +FLAGS (\\Flagged)", "* 1 FETCH (UID 1 FLAGS () MODSEQ (2))",
                "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))", "a6 OK STORE completed").conforms();
    }

    @Test
    void unchangedSinceZeroMayFailOrPassForAnUnsetKeyword_R37() {
        inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 0) +FLAGS ($Label)",
                "* 1 FETCH (UID 1 FLAGS ($Label) MODSEQ (5))", "a6 OK STORE completed").conforms();
        inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 0) +FLAGS ($Label)",
                "a6 OK [MODIFIED 1] Conditional STORE failed").conforms();
    }

    @Test
    void unchangedSinceZeroFailsForASystemFlag_R37() {
        inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 0) +FLAGS (\\Flagged)",
                "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))", "a6 OK STORE completed")
                .expect(Requirement.R37, "a6 OK STORE completed");
    }

    @Test
    void aStoreOnAMessageExpungedElsewhereMayAnswerNoWithModified_R36() {
        withB().run("B", "b2 STORE 2 +FLAGS (\\Deleted)").run("B", "b3 EXPUNGE")
                .answer("A", "a6 STORE 1:3 (UNCHANGEDSINCE 9) +FLAGS (\\Flagged)",
                        "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (7))", "* 3 FETCH (UID 3 FLAGS (\\Flagged) MODSEQ (7))",
                        "a6 NO [MODIFIED 2] Some of the messages no longer exist")
                .conforms();
    }

    @Test
    void existsMayAnnounceAMessageThatIsThenReportedGone_R85() {
        withB().run("B", "b2 APPEND INBOX {4}\r\nbody").run("B", "b3 STORE 4 +FLAGS (\\Deleted)").run("B", "b4 EXPUNGE")
                .answer("A", "a6 NOOP", "* 4 EXISTS", "* VANISHED 4", "a6 OK NOOP completed").conforms();
    }

    @Test
    void aSearchMayIncludeAMessageAnnouncedBeforeItsResult() {
        withB().run("B", "b2 APPEND INBOX {4}\r\nbody")
                .answer("A", "a6 SEARCH ALL", "* 4 EXISTS", "* SEARCH 1 2 3 4", "a6 OK SEARCH completed").conforms();
    }

    @Test
    void vanishedEarlierMayOverReportAndComeInParts_R80() {
        inbox().run("A", "a6 UID STORE 3 +FLAGS (\\Deleted)").run("A", "a7 EXPUNGE")
                .answer("A", "a8 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 6 VANISHED)", "* VANISHED (EARLIER) 3",
                        "a8 OK UID FETCH completed").conforms();
        inbox().run("A", "a6 UID STORE 2:3 +FLAGS (\\Deleted)").run("A", "a7 EXPUNGE")
                .answer("A", "a8 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)", "* VANISHED (EARLIER) 2",
                        "* VANISHED (EARLIER) 3", "a8 OK UID FETCH completed").conforms();
    }

    @Test
    void aHighestModSeqBelowHeldBackChangesIsSafe_R96() {
        withB().run("B", "b2 STORE 2 +FLAGS (\\Deleted)").run("B", "b3 EXPUNGE").run("B", "b4 STORE 1 +FLAGS (\\Flagged)")
                .answer("A", "a6 FETCH 1 (FLAGS MODSEQ)", "* 1 FETCH (FLAGS (\\Flagged) MODSEQ (7))",
                        "* OK [HIGHESTMODSEQ 5] Some changes are not reported yet", "a6 OK FETCH completed")
                .conforms();
    }

    /** R96 guards changes a resync could miss; new messages it finds by UID (RFC 7162 §6 step 2). */
    @Test
    void aHighestModSeqMayPassAMessageNotYetAnnounced_R96() {
        withB().run("B", "b2 APPEND INBOX {4}\r\nbody")
                .answer("A", "a6 NOOP", "* OK [HIGHESTMODSEQ 5] Highest", "* 4 EXISTS", "a6 OK NOOP completed")
                .conforms();
    }

    @Test
    void aHighestModSeqAtAHeldBackExpungeIsNot_R96() {
        withB().run("B", "b2 STORE 2 +FLAGS (\\Deleted)").run("B", "b3 EXPUNGE").run("B", "b4 STORE 1 +FLAGS (\\Flagged)")
                .answer("A", "a6 FETCH 1 (FLAGS MODSEQ)", "* 1 FETCH (FLAGS (\\Flagged) MODSEQ (7))",
                        "* OK [HIGHESTMODSEQ 6] Some changes are not reported yet", "a6 OK FETCH completed")
                .expect(Requirement.R96, "* OK [HIGHESTMODSEQ 6] Some changes are not reported yet");
    }

    @Test
    void expungeNoticesMayComeHighestFirst() {
        JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX")
                .run("A", "a2 APPEND INBOX (\\Deleted) {4}\r\nbody").run("A", "a3 APPEND INBOX {4}\r\nbody")
                .run("A", "a4 APPEND INBOX (\\Deleted) {4}\r\nbody")
                .answer("A", "a5 EXPUNGE", "* 3 EXPUNGE", "* 1 EXPUNGE", "a5 OK EXPUNGE completed").conforms();
    }

    @Test
    void aUidCommandMayCarryExpungeNotices_R87() {
        withB().run("B", "b2 STORE 3 +FLAGS (\\Deleted)").run("B", "b3 EXPUNGE")
                .answer("A", "a6 UID SEARCH ALL", "* VANISHED 3", "* SEARCH 1 2", "a6 OK SEARCH completed").conforms();
    }

    @Test
    void aValidConditionalStoreIsNotBad_R32() {
        inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 4) +FLAGS (\\Flagged)", "a6 BAD not supported")
                .expect(Requirement.R32, "a6 BAD not supported");
    }
}
