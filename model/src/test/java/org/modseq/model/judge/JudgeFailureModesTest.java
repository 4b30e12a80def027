package org.modseq.model.judge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.server.ServerChoices;

/**
 * The judge catches each failure mode that issue 4 lists, as servers in the wild shipped them:
 * the history is the model's own answers up to the exchange under test, which is answered as a
 * faulty server answers it. Each test asserts the requirement broken and the offending line.
 */
class JudgeFailureModesTest {

    /**
     * A with QRESYNC and INBOX selected, holding UIDs 1 (unseen), 2 (\Seen) and 3 at
     * mod-sequences 2, 3 and 4: HIGHESTMODSEQ 4.
     */
    private static JudgeTranscript inbox() {
        return inbox(JudgeTranscript.rfcDefaults());
    }

    private static JudgeTranscript inbox(JudgeTranscript t) {
        return t.login("A", "alex")
                .run("A", "a1 ENABLE QRESYNC")
                .run("A", "a2 SELECT INBOX")
                .run("A", "a3 APPEND INBOX {4}\r\nbody")
                .run("A", "a4 APPEND INBOX (\\Seen) {4}\r\nbody")
                .run("A", "a5 APPEND INBOX {4}\r\nbody");
    }

    /** {@link #inbox()} with UID {@code uid} expunged by A: \Deleted at 5, expunged at 6. */
    private static JudgeTranscript expunged(JudgeTranscript t, int uid) {
        return t.run("A", "e1 UID STORE " + uid + " +FLAGS (\\Deleted)").run("A", "e2 EXPUNGE");
    }

    /** The untagged responses of SELECT INBOX after {@link #inbox()} (three messages, UIDNEXT 4). */
    private static String[] selectInbox(String tag, String highestModSeq, String... more) {
        String[] standard = {"* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS", "* 0 RECENT",
                "* OK [UNSEEN 1] First unseen", "* OK [UIDVALIDITY 1] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                "* OK [HIGHESTMODSEQ " + highestModSeq + "] Highest mod-sequence"};
        String[] all = new String[standard.length + more.length + 1];
        System.arraycopy(standard, 0, all, 0, standard.length);
        System.arraycopy(more, 0, all, standard.length, more.length);
        all[all.length - 1] = tag + " OK [READ-WRITE] SELECT completed";
        return all;
    }

    @Nested
    class TheModelItself {

        @Test
        void theModelsAnswersConform() {
            expunged(inbox(), 3).run("A", "a6 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)").conforms();
        }
    }

    /** 1. {@code UID FETCH 1:* ... (CHANGEDSINCE n VANISHED)} misses expunged UIDs above the highest live UID. */
    @Test
    void vanishedMissesExpungesAboveTheHighestLiveUid_R78() {
        Violation v = expunged(inbox(), 3)
                .answer("A", "a6 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)", "a6 OK UID FETCH completed")
                .expect(Requirement.R78, "a6 OK UID FETCH completed");
        assertTrue(v.reason().contains("above the highest live UID"), v.reason());
    }

    /** 2. VANISHED (EARLIER) names a UID that still exists. */
    @Test
    void vanishedEarlierNamesALiveUid_R78() {
        expunged(inbox(), 3)
                .answer("A", "a6 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)", "* VANISHED (EARLIER) 2:3",
                        "a6 OK UID FETCH completed")
                .expect(Requirement.R78, "* VANISHED (EARLIER) 2:3");
    }

    @Test
    void qresyncSelectNamesALiveUid_R78() {
        expunged(inbox(), 3).login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                .answer("B", "b2 SELECT INBOX (QRESYNC (1 4))", selectInboxAfterExpunge("b2", "6",
                        "* VANISHED (EARLIER) 1,3"))
                .expect(Requirement.R78, "* VANISHED (EARLIER) 1,3");
    }

    /** SELECT INBOX after UID 3 was expunged: two messages, UIDNEXT 4. */
    private static String[] selectInboxAfterExpunge(String tag, String highestModSeq, String... more) {
        String[] lines = selectInbox(tag, highestModSeq, more);
        lines[1] = "* 2 EXISTS";
        return lines;
    }

    @Nested
    class HighestModSeqMustRise {

        /** 3. HIGHESTMODSEQ fails to rise on APPEND (here in STATUS). */
        @Test
        void highestModSeqDoesNotRiseOnAppend_R57() {
            inbox().answer("A", "a6 STATUS INBOX (HIGHESTMODSEQ)", "* STATUS INBOX (HIGHESTMODSEQ 3)",
                    "a6 OK STATUS completed")
                    .expect(Requirement.R57, "* STATUS INBOX (HIGHESTMODSEQ 3)");
        }

        @Test
        void highestModSeqDoesNotRiseOnExpunge_R25() {
            expunged(inbox(), 3).login("B", "alex")
                    .answer("B", "b1 SELECT INBOX (CONDSTORE)", selectInboxAfterExpunge("b1", "5"))
                    .expect(Requirement.R25, "* OK [HIGHESTMODSEQ 5] Highest mod-sequence");
        }

        @Test
        void highestModSeqDoesNotRiseOnFlagChange_R25() {
            inbox().run("A", "a6 STORE 1 +FLAGS (\\Flagged)").login("B", "alex")
                    .answer("B", "b1 SELECT INBOX (CONDSTORE)", selectInbox("b1", "4"))
                    .expect(Requirement.R25, "* OK [HIGHESTMODSEQ 4] Highest mod-sequence");
        }

        @Test
        void highestModSeqDoesNotRiseOnMove_R25() {
            inbox().run("A", "a6 CREATE Archive").run("A", "a7 MOVE 3 Archive").login("B", "alex")
                    .answer("B", "b1 SELECT INBOX (CONDSTORE)", selectInboxAfterExpunge("b1", "4"))
                    .expect(Requirement.R25, "* OK [HIGHESTMODSEQ 4] Highest mod-sequence");
        }

        @Test
        void statusDiffersFromSelect_R57() {
            inbox().login("B", "alex").run("B", "b1 SELECT INBOX (CONDSTORE)")
                    .answer("B", "b2 STATUS INBOX (HIGHESTMODSEQ)", "* STATUS INBOX (HIGHESTMODSEQ 5)",
                            "b2 OK STATUS completed")
                    .expect(Requirement.R57, "* STATUS INBOX (HIGHESTMODSEQ 5)");
        }
    }

    /** 4. A client's mod-sequence passes an expunge it was not yet told of. */
    @Test
    void highestModSeqPassesAnUnreportedExpunge_R96() {
        inbox().login("B", "alex")
                .run("B", "b1 SELECT INBOX (CONDSTORE)")
                .run("B", "b2 STORE 2 +FLAGS (\\Deleted)")
                .run("B", "b3 EXPUNGE")
                .run("B", "b4 STATUS INBOX (HIGHESTMODSEQ)")
                .answer("A", "a6 NOOP", "* OK [HIGHESTMODSEQ 6] Highest mod-sequence", "a6 OK NOOP completed")
                .expect(Requirement.R96, "* OK [HIGHESTMODSEQ 6] Highest mod-sequence");
    }

    /**
     * 4. The same, seen only later: a HIGHESTMODSEQ before the VANISHED it covers makes the judge
     * learn that the expunge came after it (R96), and a later change after the expunge contradicts
     * the value it was given. The bound rests on R96, so R96 is the rule broken.
     */
    @Test
    void highestModSeqBeforeTheVanishedItCovers_R96() {
        inbox().run("A", "e1 UID STORE 3 +FLAGS (\\Deleted)")
                .answer("A", "e2 EXPUNGE", "* OK [HIGHESTMODSEQ 6] Highest mod-sequence", "* VANISHED 3",
                        "e2 OK [HIGHESTMODSEQ 6] EXPUNGE completed")
                .answer("A", "a7 STORE 1 +FLAGS (\\Flagged)", "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (7))",
                        "a7 OK STORE completed")
                .expect(Requirement.R96, "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (7))");
    }

    @Nested
    class ZeroAndNegative {

        /** 5. HIGHESTMODSEQ 0 for an empty persistent mailbox. */
        @Test
        void highestModSeqZeroForAnEmptyMailbox_R31() {
            JudgeTranscript.rfcDefaults().login("A", "alex")
                    .answer("A", "a1 SELECT INBOX (CONDSTORE)", "* FLAGS (\\Seen)", "* 0 EXISTS", "* 0 RECENT",
                            "* OK [UIDVALIDITY 1] UIDs valid", "* OK [UIDNEXT 1] Predicted next UID",
                            "* OK [HIGHESTMODSEQ 0] Highest mod-sequence", "a1 OK [READ-WRITE] SELECT completed")
                    .expect(Requirement.R31, "* OK [HIGHESTMODSEQ 0] Highest mod-sequence");
        }

        @Test
        void zeroModSeq_R1() {
            inbox().answer("A", "a6 FETCH 1 (MODSEQ)", "* 1 FETCH (MODSEQ (0))", "a6 OK FETCH completed")
                    .expect(Requirement.R1, "* 1 FETCH (MODSEQ (0))");
        }

        @Test
        void negativeModSeq_R1() {
            inbox().answer("A", "a6 FETCH 1 (MODSEQ)", "* 1 FETCH (MODSEQ (-1))", "a6 OK FETCH completed")
                    .expect(Requirement.R1, "* 1 FETCH (MODSEQ (-1))");
        }

        /** CHANGEDSINCE 0 is BAD by the grammar, or read as "since the beginning" (R46); never as "nothing". */
        @Test
        void changedSinceZeroAnsweredWithNothing_R45() {
            inbox().answer("A", "a6 FETCH 1:* (FLAGS) (CHANGEDSINCE 0)", "a6 OK FETCH completed")
                    .expect(Requirement.R45, "a6 OK FETCH completed");
        }

        @Test
        void changedSinceZeroMayBeRefused_R46() {
            inbox().answer("A", "a6 FETCH 1:* (FLAGS) (CHANGEDSINCE 0)", "a6 BAD CHANGEDSINCE 0").conforms();
        }

        @Test
        void qresyncZeroAnsweredWithNothing_R69() {
            inbox().login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                    .answer("B", "b2 SELECT INBOX (QRESYNC (1 0))", selectInbox("b2", "4"))
                    .expect(Requirement.R69, "b2 OK [READ-WRITE] SELECT completed");
        }
    }

    @Nested
    class MalformedSets {

        /** 6. Malformed VANISHED and MODIFIED sets. */
        @Test
        void vanishedSetWithZero_R89() {
            inbox().answer("A", "a6 NOOP", "* VANISHED 0", "a6 OK NOOP completed").expect(Requirement.R89, "* VANISHED 0");
        }

        @Test
        void vanishedSetWithStar_R89() {
            inbox().answer("A", "a6 NOOP", "* VANISHED 2:*", "a6 OK NOOP completed").expect(Requirement.R89, "* VANISHED 2:*");
        }

        @Test
        void emptyVanished_R89() {
            inbox().answer("A", "a6 NOOP", "* VANISHED", "a6 OK NOOP completed").expect(Requirement.R89, "* VANISHED");
        }

        @Test
        void modifiedSetWithZero_R35() {
            inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 1) +FLAGS (\\Seen)", "a6 OK [MODIFIED 0] Conditional STORE failed")
                    .expect(Requirement.R35, "a6 OK [MODIFIED 0] Conditional STORE failed");
        }
    }

    @Nested
    class Ordering {

        /** 7. The QRESYNC resync before CLOSED. */
        @Test
        void qresyncResyncBeforeClosed_R74() {
            String[] lines = selectInbox("a6", "4");
            String[] all = new String[lines.length + 2];
            all[0] = "* VANISHED (EARLIER) 5";
            all[1] = "* OK [CLOSED] Previous mailbox closed";
            System.arraycopy(lines, 0, all, 2, lines.length);
            inbox().answer("A", "a6 SELECT INBOX (QRESYNC (1 2))", all).expect(Requirement.R74, "* VANISHED (EARLIER) 5");
        }

        /** 7. The QRESYNC resync before the standard SELECT responses. */
        @Test
        void qresyncResyncBeforeTheMailboxIsOpened_R66() {
            inbox().login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                    .answer("B", "b2 SELECT INBOX (QRESYNC (1 2))", "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (3))",
                            "* FLAGS (\\Seen)", "* 3 EXISTS", "* 0 RECENT", "* OK [UIDVALIDITY 1] x", "* OK [UIDNEXT 4] x",
                            "* OK [HIGHESTMODSEQ 4] x", "b2 OK [READ-WRITE] done")
                    .expect(Requirement.R66, "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (3))");
        }

        /** 7. FETCH before VANISHED (EARLIER). */
        @Test
        void fetchBeforeVanishedEarlier_R79() {
            expunged(inbox().run("A", "a6 STORE 1 +FLAGS (\\Flagged)"), 3)
                    .answer("A", "a7 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)",
                            "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))", "* VANISHED (EARLIER) 3",
                            "a7 OK UID FETCH completed")
                    .expect(Requirement.R79, "* VANISHED (EARLIER) 3");
        }

        /** 7. No FETCH for changed flags at all. */
        @Test
        void noFetchForChangedFlags_R69() {
            inbox().run("A", "a6 STORE 1 +FLAGS (\\Flagged)").login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                    .answer("B", "b2 SELECT INBOX (QRESYNC (1 4))", selectInbox("b2", "5"))
                    .expect(Requirement.R69, "b2 OK [READ-WRITE] SELECT completed");
        }
    }

    /** 8. Below the history floor the answer is a subset of the true expunges. */
    @Test
    void belowTheFloorTheAnswerIsASubset_R78() {
        JudgeTranscript t = inbox(JudgeTranscript.with(ServerChoices.RFC_DEFAULTS.withExpungeHistoryBound(1)));
        t.run("A", "a6 STORE 2 +FLAGS (\\Deleted)").run("A", "a7 EXPUNGE")
                .run("A", "a8 UID STORE 3 +FLAGS (\\Deleted)").run("A", "a9 EXPUNGE")
                .run("A", "a10 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)")
                .answer("A", "a11 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)", "* VANISHED (EARLIER) 3",
                        "a11 OK UID FETCH completed");
        Violation v = t.expect(Requirement.R78, "* VANISHED (EARLIER) 3");
        assertTrue(v.reason().startsWith("UID 2 was expunged after 4"), v.reason());
    }

    @Nested
    class OffByOne {

        /** 9. CHANGEDSINCE n returns a message whose mod-sequence is n. */
        @Test
        void changedSinceReturnsModSeqEqualToIt_R45() {
            inbox().run("A", "a6 STORE 1 +FLAGS (\\Flagged)")
                    .answer("A", "a7 FETCH 1:* (FLAGS) (CHANGEDSINCE 5)", "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))",
                            "a7 OK FETCH completed")
                    .expect(Requirement.R45, "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (5))");
        }

        /** 9. UNCHANGEDSINCE n fails a message whose mod-sequence is n. */
        @Test
        void unchangedSinceFailsAMessageAtTheValue_R32() {
            inbox().run("A", "a6 STORE 1 +FLAGS (\\Flagged)")
                    .answer("A", "a7 STORE 1 (UNCHANGEDSINCE 5) +FLAGS (\\Seen)", "a7 OK [MODIFIED 1] Conditional STORE failed")
                    .expect(Requirement.R32, "a7 OK [MODIFIED 1] Conditional STORE failed");
        }

        /** 9. UNCHANGEDSINCE n stores a message whose flag changed at n+1. */
        @Test
        void unchangedSinceStoresAMessageChangedAfterTheValue_R34() {
            inbox().run("A", "a6 STORE 1 +FLAGS (\\Flagged)")
                    .answer("A", "a7 STORE 1 (UNCHANGEDSINCE 4) -FLAGS (\\Flagged)", "* 1 FETCH (UID 1 FLAGS () MODSEQ (6))",
                            "a7 OK STORE completed")
                    .expect(Requirement.R34, "a7 OK STORE completed");
        }

        /** 9. A change after mod-sequence 2^63-1: no value is left for it. */
        @Test
        void changeAfterTheLastModSeq_R1() {
            JudgeTranscript.rfcDefaults().login("A", "alex")
                    .answer("A", "a1 SELECT INBOX (CONDSTORE)", "* FLAGS (\\Seen)", "* 0 EXISTS", "* 0 RECENT",
                            "* OK [UIDVALIDITY 1] UIDs valid", "* OK [UIDNEXT 1] Predicted next UID",
                            "* OK [HIGHESTMODSEQ 9223372036854775807] Highest mod-sequence",
                            "a1 OK [READ-WRITE] SELECT completed")
                    .answer("A", "a2 APPEND INBOX {4}\r\nbody", "* 1 EXISTS", "a2 OK [APPENDUID 1 1] APPEND completed")
                    .expect(Requirement.R1, "a2 OK [APPENDUID 1 1] APPEND completed");
        }

        /** 9. A MODSEQ beyond 2^63-1. */
        @Test
        void modSeqBeyondTheRange_R1() {
            inbox().answer("A", "a6 FETCH 1 (MODSEQ)", "* 1 FETCH (MODSEQ (9223372036854775808))", "a6 OK FETCH completed")
                    .expect(Requirement.R1, "* 1 FETCH (MODSEQ (9223372036854775808))");
        }
    }

    @Nested
    class SequenceMatchData {

        /** 10. seq-match-data adding UIDs: VANISHED (EARLIER) beyond the known UIDs. */
        @Test
        void seqMatchDataAddsUids_R70() {
            expunged(inbox(), 3).login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                    .answer("B", "b2 SELECT INBOX (QRESYNC (1 4 1:2 (1 1)))", selectInboxAfterExpunge("b2", "6",
                            "* VANISHED (EARLIER) 3"))
                    .expect(Requirement.R70, "* VANISHED (EARLIER) 3");
        }

        /** 10. seq-match-data removing UIDs above the last matching pair. */
        @Test
        void seqMatchDataRemovesUidsAboveTheLastMatchingPair_R73() {
            expunged(inbox(), 2).login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                    .answer("B", "b2 SELECT INBOX (QRESYNC (1 4 1:3 (1 1)))", selectInboxAfterExpunge("b2", "6"))
                    .expect(Requirement.R73, "b2 OK [READ-WRITE] SELECT completed");
        }

        @Test
        void aMatchingPairLetsTheServerLeaveOutEarlierExpunges_R73() {
            expunged(inbox(), 2).login("B", "alex").run("B", "b1 ENABLE QRESYNC")
                    .answer("B", "b2 SELECT INBOX (QRESYNC (1 4 1:3 (2 3)))", selectInboxAfterExpunge("b2", "6"))
                    .conforms();
        }
    }

    @Nested
    class Also {

        @Test
        void modSeqToAClientThatNeverEnabledCondstore_R15() {
            JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX")
                    .run("A", "a2 APPEND INBOX {4}\r\nbody")
                    .answer("A", "a3 FETCH 1 (FLAGS)", "* 1 FETCH (FLAGS () MODSEQ (2))", "a3 OK FETCH completed")
                    .expect(Requirement.R15, "* 1 FETCH (FLAGS () MODSEQ (2))");
        }

        /**
         * Dovecot: a BAD {@code FETCH ... (CHANGEDSINCE 1 VANISHED)} with {@code HIGHESTMODSEQ}
         * (R17) counted as enabling, so the implicit \Seen's FETCH without MODSEQ breaks R16; the
         * MODSEQ after it is owed, not an R15 fault.
         */
        @Test
        void aRefusedEnablingCommandThatReportedHighestModSeqCounted_R16NotR15() {
            JudgeTranscript.rfcDefaults().login("A", "alex").run("A", "a1 SELECT INBOX")
                    .run("A", "a2 APPEND INBOX {4}\r\nbody")
                    .answer("A", "a3 FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)", "* OK [HIGHESTMODSEQ 2] Highest",
                            "a3 BAD Unknown FETCH modifier")
                    .answer("A", "a4 UID FETCH 1:* (BODY[])", "* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) BODY[] {4}\r\nbody)",
                            "* 1 FETCH (MODSEQ (3))", "a4 OK FETCH completed")
                    .expect(Requirement.R16, "* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) BODY[] {4}\r\nbody)");
        }

        @Test
        void silentStoreWithUnchangedSinceDropsTheModSeqFetch_R33() {
            inbox().answer("A", "a6 STORE 1 (UNCHANGEDSINCE 4) +FLAGS.SILENT (\\Flagged)", "a6 OK STORE completed")
                    .expect(Requirement.R33, "a6 OK STORE completed");
        }

        @Test
        void vanishedWithoutEarlierForANeverAnnouncedUid_R85() {
            inbox().answer("A", "a6 NOOP", "* VANISHED 9", "a6 OK NOOP completed").expect(Requirement.R85, "* VANISHED 9");
        }

        @Test
        void moveReportsTheMovedMessagesExpunged_R95() {
            inbox().run("A", "a6 CREATE Archive")
                    .answer("A", "a7 MOVE 3 Archive", "* OK [COPYUID 2 3 1] Moved", "a7 OK [HIGHESTMODSEQ 5] MOVE completed")
                    .expect(Requirement.R95, "a7 OK [HIGHESTMODSEQ 5] MOVE completed");
        }

        @Test
        void moveAfterQresyncReportsHighestModSeq() {
            inbox().run("A", "a6 CREATE Archive")
                    .answer("A", "a7 MOVE 3 Archive", "* OK [COPYUID 2 3 1] Moved", "* VANISHED 3", "a7 OK MOVE completed")
                    .expect("RFC 6851 §4.4", "a7 OK MOVE completed");
        }

        @Test
        void expungeDuringFetch() {
            JudgeTranscript.rfcDefaults().login("A", "alex").login("B", "alex").run("A", "a1 SELECT INBOX")
                    .run("A", "a2 APPEND INBOX (\\Deleted) {4}\r\nbody").run("A", "a3 APPEND INBOX {4}\r\nbody")
                    .run("B", "b1 SELECT INBOX").run("B", "b2 EXPUNGE")
                    .answer("A", "a4 FETCH 1:2 (FLAGS)", "* 1 EXPUNGE", "* 1 FETCH (FLAGS ())", "a4 OK FETCH completed")
                    .expect("RFC 3501 §7.4.1", "* 1 EXPUNGE");
        }

        @Test
        void vanishedDuringStore_R86() {
            inbox().login("B", "alex").run("B", "b1 SELECT INBOX").run("B", "b2 STORE 3 +FLAGS (\\Deleted)")
                    .run("B", "b3 EXPUNGE")
                    .answer("A", "a6 STORE 1 +FLAGS (\\Flagged)", "* VANISHED 3",
                            "* 1 FETCH (UID 1 FLAGS (\\Flagged) MODSEQ (7))", "a6 OK STORE completed")
                    .expect(Requirement.R86, "* VANISHED 3");
        }

        @Test
        void vanishedDuringAUidSearchByMessageNumbers_R87() {
            inbox().login("B", "alex").run("B", "b1 SELECT INBOX").run("B", "b2 STORE 3 +FLAGS (\\Deleted)")
                    .run("B", "b3 EXPUNGE")
                    .answer("A", "a6 UID SEARCH 1:2", "* VANISHED 3", "* SEARCH 1 2", "a6 OK SEARCH completed")
                    .expect(Requirement.R87, "* VANISHED 3");
        }

        @Test
        void closeAnswersWithHighestModSeq_R93() {
            inbox().answer("A", "a6 CLOSE", "a6 OK [HIGHESTMODSEQ 4] CLOSE completed")
                    .expect(Requirement.R93, "a6 OK [HIGHESTMODSEQ 4] CLOSE completed");
        }
    }
}
