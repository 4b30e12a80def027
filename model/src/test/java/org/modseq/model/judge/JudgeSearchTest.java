package org.modseq.model.judge;

import org.junit.jupiter.api.Test;
import org.modseq.model.rfc.Requirement;

/** SEARCH and SEARCH RETURN with MODSEQ: the result against what must and must not match (R49, R53, R55; RFC 4731). */
class JudgeSearchTest {

    /** A with QRESYNC and INBOX selected: UIDs 1, 2, 3 at 2, 3, 4, then UID 1 flagged at 5. */
    private static JudgeTranscript inbox() {
        return JudgeTranscript.rfcDefaults().login("A", "alex")
                .run("A", "a1 ENABLE QRESYNC")
                .run("A", "a2 SELECT INBOX")
                .run("A", "a3 APPEND INBOX {4}\r\nbody")
                .run("A", "a4 APPEND INBOX (\\Seen) {4}\r\nbody")
                .run("A", "a5 APPEND INBOX {4}\r\nbody")
                .run("A", "a6 STORE 1 +FLAGS (\\Flagged)");
    }

    @Test
    void theModelsSearchesConform() {
        inbox().run("A", "a7 SEARCH MODSEQ 4").run("A", "a8 UID SEARCH RETURN (MIN MAX) MODSEQ 3")
                .run("A", "a9 SEARCH RETURN (ALL COUNT) NOT MODSEQ 4").conforms();
    }

    @Test
    void searchLeavesOutAMessageChangedSince_R49() {
        inbox().answer("A", "a7 SEARCH MODSEQ 5", "* SEARCH 2 (MODSEQ 3)", "a7 OK SEARCH completed")
                .expect(Requirement.R49, "* SEARCH 2 (MODSEQ 3)");
    }

    @Test
    void searchModSeqIsTheHighestOfTheResult_R53() {
        inbox().answer("A", "a7 SEARCH MODSEQ 2", "* SEARCH 1 2 3 (MODSEQ 4)", "a7 OK SEARCH completed")
                .expect(Requirement.R53, "* SEARCH 1 2 3 (MODSEQ 4)");
    }

    @Test
    void searchWithoutModSeqCarriesNone_R53() {
        inbox().answer("A", "a7 SEARCH ALL", "* SEARCH 1 2 3 (MODSEQ 5)", "a7 OK SEARCH completed")
                .expect(Requirement.R53, "* SEARCH 1 2 3 (MODSEQ 5)");
    }

    @Test
    void esearchMinIsTheLowestMatch() {
        inbox().answer("A", "a7 SEARCH RETURN (MIN) MODSEQ 3", "* ESEARCH (TAG \"a7\") MIN 2 MODSEQ 3", "a7 OK SEARCH completed")
                .expect("RFC 4731 §3.1", "* ESEARCH (TAG \"a7\") MIN 2 MODSEQ 3");
    }

    @Test
    void esearchModSeqForAnEmptyResult_R55() {
        inbox().answer("A", "a7 SEARCH RETURN (COUNT) MODSEQ 99", "* ESEARCH (TAG \"a7\") COUNT 0 MODSEQ 5",
                "a7 OK SEARCH completed")
                .expect(Requirement.R55, "* ESEARCH (TAG \"a7\") COUNT 0 MODSEQ 5");
    }

    @Test
    void esearchCarriesTheCommandsTag() {
        inbox().answer("A", "a7 SEARCH RETURN (COUNT) ALL", "* ESEARCH (TAG \"x\") COUNT 3", "a7 OK SEARCH completed")
                .expect("RFC 4731 §3.1", "* ESEARCH (TAG \"x\") COUNT 3");
    }
}
