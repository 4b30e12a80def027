package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices.ZeroModSeqArgument;

/**
 * Requirement tests for FETCH and UID FETCH with CHANGEDSINCE and the MODSEQ item (RFC 7162
 * §3.1.4, §3.2.4, §7; R45-R48), and for the implicit {@code \Seen} of {@code BODY[]} (R5, R20).
 */
class FetchRulesTest {

    private static final ServerChoices DEFAULTS = ServerChoices.RFC_DEFAULTS;

    /** Messages 1, 2, 3 (UIDs 1, 2, 3) at mod-sequences 5, 6, 7, each with content "Message n". */
    private static Scenario selected(ServerChoices choices, String select) {
        Scenario s = Scenario.with(choices).with(mailbox("INBOX").message(1, 5, "\\Seen").message(2, 6).message(3, 7))
                .login("A", "alex").login("B", "bob");
        s.send("A", "a1 " + select).taggedOk();
        return s;
    }

    @Test
    void r45_changedSinceReturnsOnlyStrictlyNewerMessages() {
        Scenario s = selected(DEFAULTS, "SELECT INBOX (CONDSTORE)");
        s.send("A", "a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 6)")
                .is("* 3 FETCH (FLAGS () MODSEQ (7))", "a2 OK FETCH completed");
        s.send("A", "a3 FETCH 1:* (FLAGS) (CHANGEDSINCE 7)").is("a3 OK FETCH completed");
        s.send("A", "a4 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 5)").is("* 2 FETCH (UID 2 FLAGS () MODSEQ (6))",
                "* 3 FETCH (UID 3 FLAGS () MODSEQ (7))", "a4 OK UID FETCH completed");
        // Only within the requested set.
        s.send("A", "a5 FETCH 1:2 (FLAGS) (CHANGEDSINCE 5)")
                .is("* 2 FETCH (FLAGS () MODSEQ (6))", "a5 OK FETCH completed");
    }

    @Test
    void r45_changedSinceImpliesTheModSeqItem() {
        Scenario s = selected(DEFAULTS, "SELECT INBOX");
        s.send("A", "a2 FETCH 1:3 (RFC822.SIZE) (CHANGEDSINCE 6)").is("* OK [HIGHESTMODSEQ 7] Highest mod-sequence",
                "* 3 FETCH (MODSEQ (7) RFC822.SIZE 9)", "a2 OK FETCH completed");
    }

    @Test
    void r45_strictComparisonHoldsAtTheTopOfThe63BitRange() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5).message(2, Long.MAX_VALUE))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 9223372036854775806)")
                .is("* 2 FETCH (FLAGS () MODSEQ (9223372036854775807))", "a2 OK FETCH completed");
        s.send("A", "a3 FETCH 1:* (FLAGS) (CHANGEDSINCE 9223372036854775807)").is("a3 OK FETCH completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FETCH 1:* (FLAGS) (CHANGEDSINCE 0)", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE 0)"})
    void r46_changedSinceZeroIsBadAndEnablesNothing(String command) {
        Scenario s = selected(DEFAULTS, "SELECT INBOX");
        assertEquals(1, s.send("A", "a2 " + command).taggedBad().lines().size());
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 2 +FLAGS (\\Flagged)").taggedOk();
        s.send("A", "a3 NOOP").is("* 2 FETCH (FLAGS (\\Flagged))", "a3 OK NOOP completed");
    }

    @Test
    void r46_changedSinceZeroReadsAsEverythingUnderTheLenientChoice() {
        Scenario s = selected(DEFAULTS.withZeroModSeqArgument(ZeroModSeqArgument.ACCEPT_AS_EVERYTHING),
                "SELECT INBOX (CONDSTORE)");
        s.send("A", "a2 FETCH 1:* (FLAGS) (CHANGEDSINCE 0)").is("* 1 FETCH (FLAGS (\\Seen) MODSEQ (5))",
                "* 2 FETCH (FLAGS () MODSEQ (6))", "* 3 FETCH (FLAGS () MODSEQ (7))", "a2 OK FETCH completed");
    }

    @Test
    void r47_modSeqItemIsParenthesisedAndAlsoReportsOtherSessionsChanges() {
        Scenario s = selected(DEFAULTS, "SELECT INBOX (CONDSTORE)");
        s.send("A", "a2 FETCH 1:3 (MODSEQ)")
                .is("* 1 FETCH (MODSEQ (5))", "* 2 FETCH (MODSEQ (6))", "* 3 FETCH (MODSEQ (7))",
                "a2 OK FETCH completed");
        s.send("A", "a3 UID FETCH 2 (MODSEQ)").is("* 2 FETCH (UID 2 MODSEQ (6))", "a3 OK UID FETCH completed");
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 3 +FLAGS (\\Answered)").taggedOk();
        s.send("A", "a4 NOOP").is("* 3 FETCH (UID 3 FLAGS (\\Answered) MODSEQ (8))", "a4 OK NOOP completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FETCH 2 (MODSEQ)", "UID FETCH 2 (FLAGS) (CHANGEDSINCE 1)"})
    void r48_modSeqAndChangedSinceEnableCondstore(String command) {
        Scenario s = selected(DEFAULTS, "SELECT INBOX");
        s.send("A", "a2 " + command).contains("* OK [HIGHESTMODSEQ 7] Highest mod-sequence").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 3 +FLAGS (\\Answered)").taggedOk();
        s.send("A", "a3 NOOP").is("* 3 FETCH (UID 3 FLAGS (\\Answered) MODSEQ (8))", "a3 OK NOOP completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FETCH 1 (MODSEQ)", "FETCH 1 (FLAGS) (CHANGEDSINCE 1)"})
    void r48_modSeqAndChangedSinceAreBadUnderNoModSeq(String command) {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("INBOX"))).login("A", "alex");
        s.send("A", "a1 APPEND INBOX {5}\r\nhello").taggedOk();
        s.send("A", "a2 SELECT INBOX").taggedOk();
        assertEquals(1, s.send("A", "a3 " + command).taggedBad().lines().size());
        // Plain FETCH still works there.
        s.send("A", "a4 FETCH 1 (FLAGS)").is("* 1 FETCH (FLAGS ())", "a4 OK FETCH completed");
    }

    @Test
    void r5_implicitSeenOnAnAlreadySeenMessageKeepsItsModSeq() {
        Scenario s = selected(DEFAULTS, "SELECT INBOX (CONDSTORE)");
        s.send("A", "a2 FETCH 1 (BODY[])").is("* 1 FETCH (BODY[] {9}\r\nMessage 1)", "a2 OK FETCH completed");
        s.send("A", "a3 FETCH 1 (MODSEQ)").is("* 1 FETCH (MODSEQ (5))", "a3 OK FETCH completed");
    }

    @Test
    void r5_implicitSeenOnAnUnseenMessageTakesANewModSeqButPeekAndExamineDoNot() {
        Scenario s = selected(DEFAULTS, "EXAMINE INBOX (CONDSTORE)");
        s.send("A", "a2 FETCH 2 (BODY[])").is("* 2 FETCH (BODY[] {9}\r\nMessage 2)", "a2 OK FETCH completed");
        s.send("A", "a3 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a4 FETCH 2 (BODY.PEEK[])").is("* 2 FETCH (BODY[] {9}\r\nMessage 2)", "a4 OK FETCH completed");
        s.send("A", "a5 FETCH 2 (BODY[])").is("* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (8) BODY[] {9}\r\nMessage 2)",
                "a5 OK FETCH completed");
    }

    @Test
    void r20_implicitSeenFetchCarriesUidAndModSeqUnderQresync() {
        // With QRESYNC, UID is required even though this server leaves it out for CONDSTORE-only clients.
        Scenario s = selected(DEFAULTS.withUidInCondstoreFetch(false), "ENABLE QRESYNC");
        s.send("A", "a2 SELECT INBOX").taggedOk();
        s.send("A", "a3 FETCH 2 (BODY[])").is("* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (8) BODY[] {9}\r\nMessage 2)",
                "a3 OK FETCH completed");
        // The other session is told of the implicit change like any other (R16).
        s.send("B", "b1 ENABLE CONDSTORE").taggedOk();
        s.send("B", "b2 SELECT INBOX").taggedOk();
        s.send("A", "a4 FETCH 3 (BODY[])").taggedOk();
        s.send("B", "b3 NOOP").is("* 3 FETCH (FLAGS (\\Seen) MODSEQ (9))", "b3 OK NOOP completed");
    }

    @Test
    void r21_implicitSeenFetchCarriesUidForACondstoreOnlyClientByDefault() {
        Scenario s = selected(DEFAULTS, "SELECT INBOX (CONDSTORE)");
        s.send("A", "a2 FETCH 2:3 (BODY[])").is("* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (8) BODY[] {9}\r\nMessage 2)",
                "* 3 FETCH (UID 3 FLAGS (\\Seen) MODSEQ (8) BODY[] {9}\r\nMessage 3)", "a2 OK FETCH completed");
    }
}
