package org.modseq.model.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.rfc.Requirement;

/**
 * The shape of a history and of each answer (RFC 3501 §2.2.2, §3, §7.1, §7.5), what the judge
 * does with mailboxes whose content it cannot know, and its use as a value.
 */
class JudgeShapeTest {

    private static JudgeTranscript loggedIn() {
        return JudgeTranscript.rfcDefaults().login("A", "alex");
    }

    @Test
    void anAnswerEndsWithItsTaggedResponse() {
        loggedIn().answer("A", "a1 NOOP", "* 0 EXISTS").expect("RFC 3501 §2.2.2", "* 0 EXISTS");
        loggedIn().answer("A", "a1 NOOP", "a2 OK done").expect("RFC 3501 §2.2.2", "a2 OK done");
        loggedIn().answer("A", "a1 NOOP", "a1 OK early", "a1 OK done").expect("RFC 3501 §2.2.2", "a1 OK early");
    }

    @Test
    void aContinuationOnlyWhereTheCommandWaitsForOne() {
        loggedIn().answer("A", "a1 NOOP", "+ go ahead", "a1 OK done").expect("RFC 3501 §7.5", "+ go ahead");
        loggedIn().answer("A", "a1 SELECT INBOX", "* 0 EXISTS", "* 0 RECENT", "* FLAGS ()", "* OK [UIDVALIDITY 1] x",
                "* OK [UIDNEXT 1] x", "a1 OK [READ-WRITE] done").answer("A", "a2 IDLE", "+ idling", "a2 OK done").conforms();
    }

    @Test
    void aCommandTheStateDoesNotAllowDoesNotSucceed() {
        loggedIn().answer("A", "a1 FETCH 1 (FLAGS)", "a1 OK FETCH completed")
                .expect("RFC 3501 §3", "a1 OK FETCH completed");
    }

    @Test
    void aMalformedLineIsAViolationOfItsRule_R89() {
        Violation v = loggedIn().answer("A", "a1 NOOP", "* VANISHED 0", "a1 OK done").expect(Requirement.R89, "* VANISHED 0");
        assertEquals(0, v.line());
    }

    @Test
    void theGreetingIsAnUntaggedOk() {
        Optional<Violation> v = Judge.firstViolation(ServerSetup.PER_USER_MAILBOXES,
                List.of(new Event.Connect("A", List.of("a1 OK hello"))));
        assertEquals("RFC 3501 §7.1", v.orElseThrow().rule().source());
        assertTrue(Judge.firstViolation(ServerSetup.PER_USER_MAILBOXES,
                List.of(new Event.Connect("A", List.of("* PREAUTH welcome")),
                        new Event.Exchange("A", "a1", new Command.Select("INBOX", false, Optional.empty()),
                                List.of("* 0 EXISTS", "* 0 RECENT", "* FLAGS ()", "* OK [UIDVALIDITY 1] x",
                                        "* OK [UIDNEXT 1] x", "a1 OK [READ-WRITE] done")))).isEmpty());
    }

    @Test
    void aDeletedMailboxDoesNotExist() {
        loggedIn().run("A", "a1 CREATE Archive").run("A", "a2 DELETE Archive")
                .answer("A", "a3 STATUS Archive (MESSAGES)", "* STATUS Archive (MESSAGES 0)", "a3 OK STATUS completed")
                .expect("RFC 3501 §6.3.4", "a3 OK STATUS completed");
    }

    @Test
    void logoutSaysBye() {
        loggedIn().answer("A", "a1 LOGOUT", "a1 OK LOGOUT completed").expect("RFC 3501 §6.1.3", "a1 OK LOGOUT completed");
    }

    @Test
    void anExchangeOnAConnectionThatIsNotOpenIsTheCallersMistake() {
        List<Event> history = List.of(new Event.Exchange("A", "a1", new Command.Noop(), List.of("a1 OK done")));
        assertThrows(IllegalArgumentException.class, () -> Judge.firstViolation(ServerSetup.PER_USER_MAILBOXES, history));
    }

    @Test
    void aJudgeIsAValue() {
        Judge start = Judge.start(ServerSetup.PER_USER_MAILBOXES);
        Judge.Step step = start.after(new Event.Connect("A", List.of("a1 OK hello")));
        assertTrue(step.violation().isPresent());
        assertTrue(start.violation().isEmpty());
        assertTrue(start.after(new Event.Connect("A", List.of("* OK hello"))).violation().isEmpty());
    }

    /** Without APPENDUID (no UIDPLUS) the judge cannot know the new message: it judges that mailbox's content no further. */
    @Test
    void anAppendWithoutUidplusLeavesTheContentUnknown() {
        loggedIn().answer("A", "a1 APPEND INBOX {4}\r\nbody", "a1 OK APPEND completed")
                .answer("A", "a2 SELECT INBOX", "* 1 EXISTS", "* 0 RECENT", "* FLAGS ()", "* OK [UIDVALIDITY 1] x",
                        "* OK [UIDNEXT 9] x", "a2 OK [READ-WRITE] done")
                .answer("A", "a3 FETCH 1 (UID FLAGS)", "* 1 FETCH (UID 8 FLAGS (\\Draft))", "a3 OK done")
                .conforms();
    }

    /** A mailbox shown empty at selection is known again: its content is judged from then on. */
    @Test
    void aMailboxSelectedEmptyIsKnownAgain() {
        loggedIn().answer("A", "a1 APPEND INBOX {4}\r\nbody", "a1 OK APPEND completed")
                .answer("A", "a2 SELECT INBOX", "* 1 EXISTS", "* 0 RECENT", "* FLAGS ()", "* OK [UIDVALIDITY 1] x",
                        "* OK [UIDNEXT 9] x", "a2 OK [READ-WRITE] done")
                .answer("A", "a3 STORE 1 +FLAGS.SILENT (\\Deleted)", "a3 OK done")
                .answer("A", "a4 EXPUNGE", "* 1 EXPUNGE", "a4 OK done")
                .answer("A", "a5 SELECT INBOX", "* OK [CLOSED] x", "* 0 EXISTS", "* 0 RECENT", "* FLAGS ()",
                        "* OK [UIDVALIDITY 1] x", "* OK [UIDNEXT 9] x", "a5 OK [READ-WRITE] done")
                .answer("A", "a6 APPEND INBOX {4}\r\nbody", "* 1 EXISTS", "a6 OK [APPENDUID 1 9] done")
                .answer("A", "a7 FETCH 1 (UID FLAGS)", "* 1 FETCH (UID 9 FLAGS (\\Draft))", "a7 OK done")
                .expect("RFC 3501 §7.4.2", "* 1 FETCH (UID 9 FLAGS (\\Draft))");
    }
}
