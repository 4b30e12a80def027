package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.modseq.model.scenario.MailboxFixture.mailbox;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.scenario.Scenario;
import org.modseq.model.server.ServerChoices.ConflictDetection;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/**
 * Requirement tests for SEARCH, UID SEARCH and ESEARCH with the MODSEQ key (RFC 7162 §3.1.5,
 * §3.1.6, §3.1.10, §7; RFC 4731 §3.2; R49-R53, R55, R56).
 */
class SearchRulesTest {

    private static final ServerChoices DEFAULTS = ServerChoices.RFC_DEFAULTS;

    /** Messages 1-4 with UIDs 10, 20, 30, 40 at mod-sequences 5, 9, 7, 6: the highest is not the last. */
    private static Scenario selected(ServerChoices choices) {
        Scenario s = Scenario.with(choices)
                .with(mailbox("INBOX").message(10, 5).message(20, 9).message(30, 7).message(40, 6))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        return s;
    }

    @Test
    void r49_modSeqMatchesEqualOrGreater() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 SEARCH MODSEQ 7").is("* SEARCH 2 3 (MODSEQ 9)", "a2 OK SEARCH completed");
        s.send("A", "a3 SEARCH MODSEQ 9").is("* SEARCH 2 (MODSEQ 9)", "a3 OK SEARCH completed");
        s.send("A", "a4 SEARCH MODSEQ 10").is("* SEARCH", "a4 OK SEARCH completed");
        // 0 is mod-sequence-valzer: allowed, and every message matches.
        s.send("A", "a5 SEARCH MODSEQ 0").is("* SEARCH 1 2 3 4 (MODSEQ 9)", "a5 OK SEARCH completed");
    }

    @Test
    void r49_greaterOrEqualHoldsAtTheTopOfThe63BitRange() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5).message(2, Long.MAX_VALUE))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 SEARCH MODSEQ 9223372036854775807").is("* SEARCH 2 (MODSEQ 9223372036854775807)",
                "a2 OK SEARCH completed");
    }

    @Test
    void r50_entryTypeAllUsesTheLargerOfPrivateAndSharedModSeq() {
        // \Seen is private: alex's \Seen on message 1 changed at 8, the shared \Seen stamp is 3.
        Scenario s = Scenario.with(DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN)))
                .with(mailbox("INBOX").message(1, 2).flagChanged(1, "\\Seen", 3).privateFlags(1, "alex", 8, "\\Seen")
                        .message(2, 2).flagChanged(2, "\\Seen", 8))
                .login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 SEARCH MODSEQ \"/flags/\\\\Seen\" all 8")
                .is("* SEARCH 1 2 (MODSEQ 8)", "a2 OK SEARCH completed");
        // Bob cannot see alex's private stamp: only the shared one counts for him.
        s.send("B", "b1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b2 SEARCH MODSEQ \"/flags/\\\\Seen\" all 8").is("* SEARCH 2 (MODSEQ 8)", "b2 OK SEARCH completed");
    }

    @ParameterizedTest
    @EnumSource(ConflictDetection.class)
    void r51_entryNameNarrowsWithPerFlagModSeqsAndIsIgnoredWithout(ConflictDetection detection) {
        // Message 1: \Flagged dates from 3, \Seen changed at 10. Message 2: \Flagged at 8, \Seen at 12.
        Scenario s = Scenario.with(DEFAULTS.withConflictDetection(detection))
                .with(mailbox("INBOX").message(1, 3, "\\Flagged", "\\Seen").flagChanged(1, "\\Seen", 10)
                        .message(2, 4, "\\Flagged", "\\Seen").flagChanged(2, "\\Flagged", 8)
                        .flagChanged(2, "\\Seen", 12))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        // The appended value is the messages' mod-sequence (12), not the flag's (8).
        s.send("A", "a2 SEARCH MODSEQ \"/flags/\\\\Flagged\" all 8").is(detection == ConflictDetection.PER_FLAG
                ? "* SEARCH 2 (MODSEQ 12)" : "* SEARCH 1 2 (MODSEQ 12)", "a2 OK SEARCH completed");
    }

    @Test
    void r52_entryNameIsAQuotedFlagPathWithItsBackslashEscaped() {
        Scenario s = Scenario.rfcDefaults()
                .with(mailbox("INBOX").message(1, 3, "$MDNSent").flagChanged(1, "$MDNSent", 9).message(2, 4, "\\Draft"))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 SEARCH MODSEQ \"/flags/$MDNSent\" priv 9")
                .is("* SEARCH 1 (MODSEQ 9)", "a2 OK SEARCH completed");
        s.send("A", "a3 SEARCH MODSEQ \"/flags/\\\\draft\" shared 4")
                .is("* SEARCH 2 (MODSEQ 4)", "a3 OK SEARCH completed");
        // \Recent has no entry name (attr-flag), and an unescaped backslash is not a quoted string.
        assertThrows(CommandSyntaxException.class,
                () -> CommandParser.parse("a4 SEARCH MODSEQ \"/flags/\\\\Recent\" all 1"));
        assertThrows(CommandSyntaxException.class,
                () -> CommandParser.parse("a5 SEARCH MODSEQ \"/flags/\\Seen\" all 1"));
    }

    @Test
    void r53_searchResultEndsWithTheHighestModSeqOfTheReturnedMessagesOnly() {
        Scenario s = selected(DEFAULTS);
        // Message 2 (9) matches MODSEQ but is not returned: 7 is the highest among 3 and 4.
        s.send("A", "a2 SEARCH MODSEQ 6 3:4").is("* SEARCH 3 4 (MODSEQ 7)", "a2 OK SEARCH completed");
        s.send("A", "a3 UID SEARCH MODSEQ 6 UID 30:40").is("* SEARCH 30 40 (MODSEQ 7)", "a3 OK UID SEARCH completed");
        // Example 16's shape: MODSEQ inside OR/NOT still appends the value when something is found.
        s.send("A", "a4 SEARCH OR NOT MODSEQ 7 LARGER 50000").is("* SEARCH 1 4 (MODSEQ 6)", "a4 OK SEARCH completed");
        s.send("A", "a5 SEARCH MODSEQ 6 LARGER 50000").is("* SEARCH", "a5 OK SEARCH completed");
        // No MODSEQ key, no appended value, even for a CONDSTORE-aware client.
        s.send("A", "a6 SEARCH ALL").is("* SEARCH 1 2 3 4", "a6 OK SEARCH completed");
    }

    @Test
    void r55_esearchCarriesTheModSeqOfTheMessagesItReturns() {
        Scenario s = selected(DEFAULTS);
        // MODSEQ 6 matches 2 (9), 3 (7) and 4 (6).
        s.send("A", "a2 SEARCH RETURN (ALL) MODSEQ 6")
                .is("* ESEARCH (TAG \"a2\") ALL 2:4 MODSEQ 9", "a2 OK SEARCH completed");
        s.send("A", "a3 SEARCH RETURN (COUNT) MODSEQ 6").is("* ESEARCH (TAG \"a3\") COUNT 3 MODSEQ 9",
                "a3 OK SEARCH completed");
        // RFC 4731 §3.2: with MIN and/or MAX alone, the value covers only the messages returned.
        s.send("A", "a4 SEARCH RETURN (MIN) MODSEQ 6")
                .is("* ESEARCH (TAG \"a4\") MIN 2 MODSEQ 9", "a4 OK SEARCH completed");
        s.send("A", "a5 SEARCH RETURN (MAX) MODSEQ 6")
                .is("* ESEARCH (TAG \"a5\") MAX 4 MODSEQ 6", "a5 OK SEARCH completed");
        s.send("A", "a6 SEARCH RETURN (MIN MAX) MODSEQ 7").is("* ESEARCH (TAG \"a6\") MIN 2 MAX 3 MODSEQ 9",
                "a6 OK SEARCH completed");
        s.send("A", "a7 UID SEARCH RETURN () MODSEQ 6").is("* ESEARCH (TAG \"a7\") UID ALL 20,30,40 MODSEQ 9",
                "a7 OK UID SEARCH completed");
    }

    @Test
    void r55_emptyEsearchResultHasNoModSeq() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 SEARCH RETURN (MIN MAX COUNT ALL) MODSEQ 10").is("* ESEARCH (TAG \"a2\") COUNT 0",
                "a2 OK SEARCH completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEARCH OR MODSEQ 8 SEEN", "UID SEARCH NOT MODSEQ 8", "SEARCH RETURN (COUNT) MODSEQ 1"})
    void r56_modSeqKeyAnywhereInTheCriteriaEnablesCondstore(String command) {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(10, 5).message(20, 9)).login("A", "alex")
                .login("B", "bob");
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 " + command).contains("* OK [HIGHESTMODSEQ 9] Highest mod-sequence").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 1 +FLAGS (\\Seen)").taggedOk();
        s.send("A", "a3 NOOP").is("* 1 FETCH (UID 10 FLAGS (\\Seen) MODSEQ (10))", "a3 OK NOOP completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEARCH OR MODSEQ 8 SEEN", "UID SEARCH NOT MODSEQ 8", "SEARCH RETURN (COUNT) MODSEQ 1"})
    void r56_modSeqKeyAnywhereInTheCriteriaIsBadUnderNoModSeq(String command) {
        Scenario s = Scenario.with(DEFAULTS.withNoModSeqMailboxes(Set.of("INBOX"))).login("A", "alex");
        s.send("A", "a1 APPEND INBOX {5}\r\nhello").taggedOk();
        s.send("A", "a2 SELECT INBOX (CONDSTORE)").taggedOk();
        assertEquals(1, s.send("A", "a3 " + command).taggedBad().lines().size());
        s.send("A", "a4 SEARCH OR UNSEEN SEEN").is("* SEARCH 1", "a4 OK SEARCH completed");
    }
}
