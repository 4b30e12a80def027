package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.scenario.Scenario;

/**
 * STATUS HIGHESTMODSEQ, the capabilities, ENABLE QRESYNC (RFC 7162 §3.1.7, §3.2.2, §3.2.3) and the
 * general syntax rules of §7: R57-R60, R63, R108, R109.
 */
class StatusEnableTest {

    /** INBOX (UIDVALIDITY 7): UIDs 1-3 at mod-sequence 10, UID 2 \Deleted; UID 4 expunged at 20. */
    private static Scenario inbox() {
        return Scenario.rfcDefaults().with(mailbox("INBOX").uidValidity(7).message(1, 10).message(2, 10, "\\Deleted")
                .message(3, 10).expunged(20, 4));
    }

    @Test
    void r57_statusGivesTheSelectValueEvenWhenAnExpungeSetIt() {
        // HIGHESTMODSEQ 20 belongs to the expunge of UID 4, not to any live message.
        Scenario s = inbox().login("A", "alex");
        s.send("A", "a1 STATUS INBOX (HIGHESTMODSEQ)").is("* STATUS INBOX (HIGHESTMODSEQ 20)", "a1 OK STATUS completed");
        s.send("A", "a2 SELECT INBOX (CONDSTORE)").contains("* OK [HIGHESTMODSEQ 20] Highest mod-sequence");
    }

    @Test
    void r57_statusFollowsAnotherSessionsStoreAndExpunge() {
        Scenario s = inbox().login("A", "alex").login("B", "bob");
        s.send("B", "b1 SELECT INBOX");
        s.send("B", "b2 STORE 1 +FLAGS.SILENT (\\Seen)");
        s.send("A", "a1 STATUS INBOX (MESSAGES HIGHESTMODSEQ)").is("* STATUS INBOX (MESSAGES 3 HIGHESTMODSEQ 21)",
                "a1 OK STATUS completed");
        s.send("B", "b3 EXPUNGE");
        s.send("A", "a2 STATUS INBOX (HIGHESTMODSEQ MESSAGES)").is("* STATUS INBOX (HIGHESTMODSEQ 22 MESSAGES 2)",
                "a2 OK STATUS completed");
    }

    @Test
    void r57_noModSeqMailboxAnswersZeroAndAnEmptyOneNeverDoes() {
        // 0 is reserved for NOMODSEQ; a mailbox that never changed still reports at least 1 (R31).
        Scenario s = Scenario.with(ServerChoices.RFC_DEFAULTS.withNoModSeqMailboxes(Set.of("Scratch")))
                .with(mailbox("Drafts").uidValidity(9).noModSeq().message(1, 4).message(2, 8))
                .login("A", "alex");
        s.send("A", "a1 STATUS Drafts (MESSAGES HIGHESTMODSEQ)").is("* STATUS Drafts (MESSAGES 2 HIGHESTMODSEQ 0)",
                "a1 OK STATUS completed");
        s.send("A", "a2 CREATE Scratch").taggedOk();
        s.send("A", "a3 CREATE Work").taggedOk();
        s.send("A", "a4 STATUS Scratch (HIGHESTMODSEQ)").is("* STATUS Scratch (HIGHESTMODSEQ 0)", "a4 OK STATUS completed");
        s.send("A", "a5 STATUS Work (HIGHESTMODSEQ)").is("* STATUS Work (HIGHESTMODSEQ 1)", "a5 OK STATUS completed");
    }

    @Test
    void r58_r59_capabilitiesListQresyncCondstoreAndEnableBeforeAndAfterLogin() {
        Scenario s = Scenario.rfcDefaults().connect("A");
        List<String> before = capabilities(s.send("A", "c1 CAPABILITY").taggedOk().lines().get(0));
        s.send("A", "l1 LOGIN alex pw").taggedOk();
        List<String> after = capabilities(s.send("A", "c2 CAPABILITY").taggedOk().lines().get(0));
        for (List<String> list : List.of(before, after)) {
            assertTrue(list.containsAll(List.of("IMAP4rev1", "QRESYNC", "CONDSTORE", "ENABLE")), list.toString());
        }
        // R59: ENABLE is not only advertised but implemented.
        s.send("A", "e1 ENABLE QRESYNC").is("* ENABLED QRESYNC", "e1 OK ENABLE completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QRESYNC", "QRESYNC CONDSTORE", "CONDSTORE QRESYNC", "condstore qresync"})
    void r60_everyFormOfEnableQresyncHasTheSameEffect(String arguments) {
        Scenario s = inbox().login("A", "alex");
        List<String> enabled = s.send("A", "e1 ENABLE " + arguments).taggedOk().starting("* ENABLED");
        assertEquals(1, enabled.size());
        assertTrue(capabilities(enabled.get(0)).contains("QRESYNC"), enabled.toString());
        // The same answers whatever the form: QRESYNC select, MODSEQ in FETCH, VANISHED on EXPUNGE.
        s.send("A", "s1 SELECT INBOX (QRESYNC (7 10))").is(
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* 3 EXISTS",
                "* 0 RECENT",
                "* OK [UNSEEN 1] First unseen",
                "* OK [UIDVALIDITY 7] UIDs valid",
                "* OK [UIDNEXT 5] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted",
                "* OK [HIGHESTMODSEQ 20] Highest mod-sequence",
                "* VANISHED (EARLIER) 4",
                "s1 OK [READ-WRITE] SELECT completed");
        s.send("A", "f1 FETCH 2 (FLAGS)").is("* 2 FETCH (FLAGS (\\Deleted) MODSEQ (10))", "f1 OK FETCH completed");
        s.send("A", "x1 EXPUNGE").is("* VANISHED 2", "x1 OK [HIGHESTMODSEQ 21] EXPUNGE completed");
    }

    @Test
    void r60_enableCondstoreFirstThenQresyncEnablesOnlyWhatIsNew() {
        Scenario s = inbox().login("A", "alex");
        s.send("A", "e1 ENABLE CONDSTORE").is("* ENABLED CONDSTORE", "e1 OK ENABLE completed");
        s.send("A", "e2 ENABLE QRESYNC CONDSTORE").is("* ENABLED QRESYNC", "e2 OK ENABLE completed");
        s.send("A", "e3 ENABLE QRESYNC").is("* ENABLED", "e3 OK ENABLE completed");
        s.send("A", "s1 SELECT INBOX (QRESYNC (7 19))").contains("* VANISHED (EARLIER) 4").taggedOk();
    }

    @Test
    void r63_qresyncParameterIsBadWithoutEnableQresyncOnThisConnection() {
        Scenario s = inbox().login("A", "alex").login("B", "bob");
        s.send("B", "e1 ENABLE QRESYNC").taggedOk(); // another connection's ENABLE does not count
        s.send("A", "s1 SELECT INBOX (QRESYNC (7 10))").lacks("*").taggedBad();
        s.send("A", "e2 ENABLE CONDSTORE").taggedOk(); // CONDSTORE alone is not enough
        s.send("A", "s2 EXAMINE INBOX (QRESYNC (7 10))").lacks("*").taggedBad();
        s.send("A", "f1 FETCH 1 (FLAGS)").lacks("*").taggedBad(); // nothing was selected
    }

    @Test
    void r63_vanishedModifierIsBadWithoutEnableQresync() {
        Scenario s = inbox().login("A", "alex");
        s.send("A", "s1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "f1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 10 VANISHED)").lacks("*").taggedBad();
        s.send("A", "f2 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 9)").contains("* 1 FETCH (UID 1 FLAGS () MODSEQ (10))")
                .taggedOk();
    }

    @Test
    void r108_lowerCaseCommandsModifiersAndFlagsAreAccepted() {
        Scenario s = inbox().login("A", "alex");
        s.send("A", "a1 enable qresync").is("* ENABLED QRESYNC", "a1 OK ENABLE completed");
        s.send("A", "a2 select inbox (qresync (7 10 1:4 (1 1)))").contains("* OK [HIGHESTMODSEQ 20] Highest mod-sequence",
                "* VANISHED (EARLIER) 4").taggedOk();
        s.send("A", "a3 uid fetch 1:* (flags modseq) (changedsince 19 vanished)").is("* VANISHED (EARLIER) 4",
                "a3 OK UID FETCH completed");
        s.send("A", "a4 store 1 (unchangedsince 10) +flags (\\seen \\DELETED)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen \\Deleted) MODSEQ (21))", "a4 OK STORE completed");
        s.send("A", "a5 search modseq \"/flags/\\\\SEEN\" all 21").is("* SEARCH 1 (MODSEQ 21)", "a5 OK SEARCH completed");
        s.send("A", "a6 uid expunge 1").is("* VANISHED 1", "a6 OK [HIGHESTMODSEQ 22] UID EXPUNGE completed");
        s.send("A", "a7 status inbox (highestmodseq)").is("* STATUS INBOX (HIGHESTMODSEQ 22)", "a7 OK STATUS completed");
    }

    @Test
    void r109_theServerSendsNoBackslashFlagBeyondTheStandardOnes() {
        Set<String> standard = Set.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "\\Recent", "\\*");
        Scenario s = inbox().login("A", "alex").login("B", "bob");
        List<Scenario.Exchange> exchanges = List.of(
                s.send("A", "a1 ENABLE QRESYNC"),
                s.send("A", "a2 SELECT INBOX (QRESYNC (7 1))"),
                s.send("B", "b1 SELECT INBOX"),
                s.send("B", "b2 STORE 1:3 +FLAGS (\\answered \\FLAGGED \\draft $Work)"),
                s.send("A", "a3 FETCH 1:* (FLAGS)"),
                s.send("A", "a4 EXAMINE INBOX"));
        Pattern backslash = Pattern.compile("\\\\[^ ()\\]]+");
        for (Scenario.Exchange ex : exchanges) {
            for (String line : ex.lines()) {
                Matcher m = backslash.matcher(line);
                while (m.find()) {
                    assertTrue(standard.contains(m.group()), "non-standard flag " + m.group() + " in " + line);
                }
            }
        }
    }

    private static List<String> capabilities(String line) {
        return List.of(line.split(" ")).subList(2, line.split(" ").length);
    }
}
