package org.modseq.model.server;

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
import org.modseq.model.server.ServerChoices.StoreOnExpunged;
import org.modseq.model.server.ServerChoices.UnchangedSinceZero;
import org.modseq.model.server.ServerChoices.UpdateDelivery;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/**
 * Requirement tests for STORE and UID STORE with and without UNCHANGEDSINCE (RFC 7162 §3.1.3,
 * §3.1.12, §7; R10, R11, R32-R44), probing the boundaries of the conditional test.
 */
class StoreRulesTest {

    private static final ServerChoices DEFAULTS = ServerChoices.RFC_DEFAULTS;

    /**
     * Three messages whose UIDs differ from their numbers and whose mod-sequences are not in
     * message order: 1 is UID 10 at 100, 2 is UID 20 at 300, 3 is UID 30 at 200.
     */
    private static Scenario selected(ServerChoices choices) {
        Scenario s = Scenario.with(choices).with(mailbox("INBOX").message(10, 100).message(20, 300).message(30, 200))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        return s;
    }

    @Test
    void r10_conditionalStoreThatSucceedsRaisesTheModSeq() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 100) +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 10 FLAGS (\\Seen) MODSEQ (301))", "a2 OK STORE completed");
    }

    @Test
    void r11_plainStoreRaisesTheModSeqEvenForAClientThatIsNotCondstoreAware() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(10, 100).message(20, 300)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 STORE 1 +FLAGS (\\Seen)").is("* 1 FETCH (FLAGS (\\Seen))", "a2 OK STORE completed");
        s.send("A", "a3 FETCH 1:2 (FLAGS) (CHANGEDSINCE 300)").contains("* 1 FETCH (FLAGS (\\Seen) MODSEQ (301))")
                .lacks("* 2 FETCH");
    }

    @Test
    void r32_unchangedSinceEqualToTheModSeqPassesAndOneBelowFails() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 STORE 3 (UNCHANGEDSINCE 200) +FLAGS (\\Seen)")
                .is("* 3 FETCH (UID 30 FLAGS (\\Seen) MODSEQ (301))", "a2 OK STORE completed");
        s.send("A", "a3 STORE 2 (UNCHANGEDSINCE 299) +FLAGS (\\Seen)")
                .is("a3 OK [MODIFIED 2] Conditional STORE failed");
    }

    @Test
    void r32_boundaryHoldsAtTheTopOfThe63BitRange() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, Long.MAX_VALUE - 1)).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 9223372036854775806) +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (9223372036854775807))", "a2 OK STORE completed");
        s.send("A", "a3 STORE 1 (UNCHANGEDSINCE 9223372036854775806) -FLAGS (\\Seen)")
                .is("a3 OK [MODIFIED 1] Conditional STORE failed");
        // The largest value the grammar allows compares as "at most" for every message.
        s.send("A", "a4 STORE 1 (UNCHANGEDSINCE 9223372036854775807) +FLAGS (\\Seen)").tagged("OK STORE completed");
    }

    @Test
    void r32_everyFlagTheStoreAffectsIsChecked() {
        // \Flagged changed at 150, \Seen never since the message arrived at 100.
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 100, "\\Flagged")
                .flagChanged(1, "\\Flagged", 150))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 120) +FLAGS (\\Seen \\Flagged)")
                .is("a2 OK [MODIFIED 1] Conditional STORE failed");
        s.send("A", "a3 STORE 1 (UNCHANGEDSINCE 120) +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 1 FLAGS (\\Seen \\Flagged) MODSEQ (151))", "a3 OK STORE completed");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void r33_silentConditionalStoreStillSendsFetchWithModSeq(boolean uidInCondstoreFetch) {
        Scenario s = selected(DEFAULTS.withUidInCondstoreFetch(uidInCondstoreFetch));
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 100) +FLAGS.SILENT (\\Seen)")
                .is(uidInCondstoreFetch ? "* 1 FETCH (UID 10 MODSEQ (301))" : "* 1 FETCH (MODSEQ (301))",
                        "a2 OK STORE completed");
        s.send("A", "a3 UID STORE 30 (UNCHANGEDSINCE 200) -FLAGS.SILENT (\\Seen $Junk)")
                .is("* 3 FETCH (UID 30 MODSEQ (200))", "a3 OK STORE completed");
        // Without UNCHANGEDSINCE, .SILENT means silent.
        s.send("A", "a4 STORE 2 +FLAGS.SILENT (\\Seen)").is("a4 OK STORE completed");
    }

    @Test
    void r33_silentConditionalStoreDoesNotHideAnotherSessionsChange() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(10, 100).message(20, 300))
                .login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 1 +FLAGS (\\Flagged)").taggedOk();
        // The FETCH of R33 carries no flags, so the client must still learn of \Flagged before it caches 302.
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 301) +FLAGS.SILENT (\\Seen)").is("* 1 FETCH (UID 10 MODSEQ (302))",
                "* 1 FETCH (UID 10 FLAGS (\\Seen \\Flagged) MODSEQ (302))", "a2 OK STORE completed");
    }

    @Test
    void r34_failedMessageIsLeftAloneAndTheMessagesAfterItAreStillStored() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 STORE 1:3 (UNCHANGEDSINCE 250) +FLAGS (\\Deleted)").is(
                "* 1 FETCH (UID 10 FLAGS (\\Deleted) MODSEQ (301))",
                "* 3 FETCH (UID 30 FLAGS (\\Deleted) MODSEQ (301))",
                "a2 OK [MODIFIED 2] Conditional STORE failed");
        s.send("A", "a3 FETCH 2 (FLAGS MODSEQ)").is("* 2 FETCH (FLAGS () MODSEQ (300))", "a3 OK FETCH completed");
    }

    @Test
    void r35_modifiedListsMessageNumbersForStore() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 STORE 1:3 (UNCHANGEDSINCE 150) +FLAGS.SILENT (\\Deleted)")
                .is("* 1 FETCH (UID 10 MODSEQ (301))", "a2 OK [MODIFIED 2:3] Conditional STORE failed");
    }

    @Test
    void r35_modifiedListsUidsForUidStore() {
        Scenario s = selected(DEFAULTS);
        s.send("A", "a2 UID STORE 10:30 (UNCHANGEDSINCE 150) +FLAGS.SILENT (\\Deleted)")
                .is("* 1 FETCH (UID 10 MODSEQ (301))", "a2 OK [MODIFIED 20,30] Conditional STORE failed");
    }

    @ParameterizedTest
    @EnumSource(StoreOnExpunged.class)
    void r36_modifiedRidesOnNoWhenATargetWasExpungedElsewhere(StoreOnExpunged choice) {
        Scenario s = Scenario.with(DEFAULTS.withStoreOnExpunged(choice))
                .with(mailbox("INBOX").message(10, 100).message(20, 300).message(30, 200, "\\Deleted"))
                .login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 EXPUNGE").taggedOk();
        // A was not told of the expunge (none is sent during STORE, R86): message 3 is still in its view.
        Scenario.Exchange e = s.send("A", "a2 STORE 1:3 (UNCHANGEDSINCE 250) +FLAGS (\\Seen)")
                .contains("* 1 FETCH (UID 10 FLAGS (\\Seen) MODSEQ (302))").lacks("* 3 EXPUNGE");
        e.tagged(choice == StoreOnExpunged.NO ? "NO [MODIFIED 2] Some of the messages no longer exist"
                : "OK [MODIFIED 2] Conditional STORE failed");
    }

    @Test
    void r37_unchangedSinceZeroFailsForAnySystemFlagAndForASetKeyword() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(1, 5).message(2, 6, "$MDNSent").message(3, 7))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        // Example 7's test-and-set: succeeds where the keyword is absent, fails where it is set.
        s.send("A", "a2 STORE 1:2 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)")
                .is("* 1 FETCH (UID 1 MODSEQ (8))", "a2 OK [MODIFIED 2] Conditional STORE failed");
        // A system flag always exists, set or not.
        s.send("A", "a3 STORE 3 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)").is("a3 OK [MODIFIED 3] Conditional STORE failed");
        s.send("A", "a4 STORE 3 (UNCHANGEDSINCE 0) -FLAGS (\\Seen)").is("a4 OK [MODIFIED 3] Conditional STORE failed");
        // FLAGS replaces every flag, system flags included.
        s.send("A", "a5 STORE 3 (UNCHANGEDSINCE 0) FLAGS ($Other)").is("a5 OK [MODIFIED 3] Conditional STORE failed");
    }

    @Test
    void r37_unchangedSinceZeroAlwaysFailsUnderTheAlwaysFailsChoice() {
        Scenario s = Scenario.with(DEFAULTS.withUnchangedSinceZero(UnchangedSinceZero.ALWAYS_FAILS))
                .with(mailbox("INBOX").message(1, 5).message(2, 6, "$MDNSent")).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("A", "a2 STORE 1:2 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)")
                .is("a2 OK [MODIFIED 1:2] Conditional STORE failed");
    }

    @ParameterizedTest
    @EnumSource(ConflictDetection.class)
    void r39_plusFlagsAvoidsSpuriousModifiedButAFlagsReplaceCannot(ConflictDetection detection) {
        Scenario s = Scenario.with(DEFAULTS.withConflictDetection(detection))
                .with(mailbox("INBOX").message(1, 100, "\\Flagged").flagChanged(1, "\\Flagged", 150))
                .login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        // \Flagged changed after 120, \Seen did not: only PER_MESSAGE reports a (permitted, R38) spurious MODIFIED.
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 120) +FLAGS.SILENT (\\Seen)").tagged(
                detection == ConflictDetection.PER_FLAG ? "OK STORE completed"
                        : "OK [MODIFIED 1] Conditional STORE failed");
        s.send("A", "a3 STORE 1 (UNCHANGEDSINCE 120) FLAGS (\\Flagged \\Seen)")
                .is("a3 OK [MODIFIED 1] Conditional STORE failed");
    }

    @ParameterizedTest
    @EnumSource(ConflictDetection.class)
    void r8_r32_anotherUsersPrivateChangeDoesNotFailTheConditionalTest(ConflictDetection detection) {
        Scenario s = Scenario.with(DEFAULTS.withConflictDetection(detection).withPrivateFlags(Set.of(Flag.SEEN)))
                .with(mailbox("INBOX").message(10, 100).privateFlags(10, "bob", 150, "\\Seen")).login("A", "alex");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        // For alex the message is still at 100: bob's private \Seen is not an item alex can see.
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 100) FLAGS (\\Answered)")
                .is("* 1 FETCH (UID 10 FLAGS (\\Answered) MODSEQ (151))", "a2 OK STORE completed");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void r40_failedConditionalStoreReportsTheFailedMessageWhenUpdatesAreHeldBack(boolean fetchForFailedStore) {
        Scenario s = Scenario.with(DEFAULTS.withUpdateDelivery(UpdateDelivery.ON_NOOP)
                .withFetchForFailedStore(fetchForFailedStore))
                .with(mailbox("INBOX").message(10, 100).message(20, 300)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 1 +FLAGS (\\Seen)").taggedOk();
        Scenario.Exchange e = s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 100) +FLAGS (\\Seen)");
        if (fetchForFailedStore) {
            e.is("* 1 FETCH (UID 10 FLAGS (\\Seen) MODSEQ (301))", "a2 OK [MODIFIED 1] Conditional STORE failed");
        } else {
            e.is("a2 OK [MODIFIED 1] Conditional STORE failed");
        }
    }

    @Test
    void r40_failedConditionalStoreReportsTheFailedMessageUnderEagerDelivery() {
        Scenario s = Scenario.with(DEFAULTS.withFetchForFailedStore(false))
                .with(mailbox("INBOX").message(10, 100).message(20, 300)).login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX (CONDSTORE)").taggedOk();
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 1 +FLAGS (\\Seen)").taggedOk();
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 100) +FLAGS (\\Seen)")
                .is("* 1 FETCH (UID 10 FLAGS (\\Seen) MODSEQ (301))", "a2 OK [MODIFIED 1] Conditional STORE failed");
    }

    @Test
    void r42_aMessageNamedTwiceIsStoredOnceAndItsRepeatNeverFails() {
        Scenario s = selected(DEFAULTS);
        // As §3.1.3's "STORE 7,3:9": message 1 is named first on its own, then inside the range.
        s.send("A", "a2 STORE 1,1:3 (UNCHANGEDSINCE 250) +FLAGS.SILENT (\\Deleted)")
                .is("* 1 FETCH (UID 10 MODSEQ (301))",
                "* 3 FETCH (UID 30 MODSEQ (301))", "a2 OK [MODIFIED 2] Conditional STORE failed");
        s.send("A", "a3 UID STORE 20,20 (UNCHANGEDSINCE 300) +FLAGS.SILENT (\\Seen)")
                .is("* 2 FETCH (UID 20 MODSEQ (302))", "a3 OK STORE completed");
    }

    @Test
    void r43_conditionalStoreEnablesModSeqEvenWhenItFails() {
        Scenario s = Scenario.rfcDefaults().with(mailbox("INBOX").message(10, 100).message(20, 300))
                .login("A", "alex").login("B", "bob");
        s.send("A", "a1 SELECT INBOX").taggedOk();
        s.send("A", "a2 STORE 2 (UNCHANGEDSINCE 1) +FLAGS (\\Seen)").is(
                "* OK [HIGHESTMODSEQ 300] Highest mod-sequence", "a2 OK [MODIFIED 2] Conditional STORE failed");
        s.send("B", "b1 SELECT INBOX").taggedOk();
        s.send("B", "b2 STORE 1 +FLAGS (\\Answered)").taggedOk();
        s.send("A", "a3 NOOP").is("* 1 FETCH (UID 10 FLAGS (\\Answered) MODSEQ (301))", "a3 OK NOOP completed");
    }

    @Test
    void r44_unchangedSinceTakesZeroAndTheWholeRangeButOnlyOnce() {
        Scenario s = selected(DEFAULTS);
        // 0 is mod-sequence-valzer: a conditional STORE, not a syntax error.
        s.send("A", "a2 STORE 1 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($Foo)").is("* 1 FETCH (UID 10 MODSEQ (301))",
                "a2 OK STORE completed");
        assertThrows(CommandSyntaxException.class,
                () -> CommandParser.parse("a3 STORE 1 (UNCHANGEDSINCE 5 UNCHANGEDSINCE 6) +FLAGS (\\Seen)"));
        assertThrows(CommandSyntaxException.class,
                () -> CommandParser.parse("a4 STORE 1 (UNCHANGEDSINCE 9223372036854775808) +FLAGS (\\Seen)"));
    }
}
