package org.modseq.model.server;

import static org.modseq.model.scenario.MailboxFixture.mailbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.modseq.model.scenario.Scenario;

/**
 * When another session's expunges reach a client (RFC 7162 §3.2, §3.2.10.2; RFC 3501 §7.4.1):
 * R81, R85-R87, R96.
 */
class UpdateDeliveryTest {

    /**
     * INBOX with UIDs 1-5 at mod-sequence 10. A has enabled QRESYNC, C is a plain RFC 3501 client,
     * B makes the changes; all three have INBOX selected.
     */
    private static Scenario scenario(ServerChoices choices) {
        Scenario s = Scenario.with(choices).with(mailbox("INBOX").uidValidity(7).messages(1, 5, 10))
                .login("A", "alex").login("B", "bob").login("C", "andrew");
        s.send("A", "e1 ENABLE QRESYNC").taggedOk();
        for (String id : new String[] {"A", "B", "C"}) {
            s.send(id, "s1 SELECT INBOX").taggedOk();
        }
        return s;
    }

    /** B expunges UID {@code uid}: the STORE takes mod-sequence 11, the expunge 12. */
    private static Scenario expungedByB(Scenario s, long uid) {
        s.send("B", "b1 UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b2 UID EXPUNGE " + uid).taggedOk();
        return s;
    }

    @Test
    void r81_anotherSessionsExpungeIsAPlainVanished() {
        Scenario s = expungedByB(scenario(ServerChoices.RFC_DEFAULTS), 3);
        s.send("A", "n1 NOOP").is("* VANISHED 3", "n1 OK NOOP completed");
        s.send("C", "n1 NOOP").is("* 3 EXPUNGE", "n1 OK NOOP completed");
    }

    @Test
    void r85_vanishedNamesOnlyMessagesTheClientWasToldOf() {
        Scenario s = scenario(ServerChoices.RFC_DEFAULTS);
        s.send("B", "b1 APPEND INBOX (\\Deleted) {1}\r\nx").taggedOk(); // UID 6, never announced to A
        s.send("B", "b2 UID STORE 3 +FLAGS.SILENT (\\Deleted)").taggedOk();
        s.send("B", "b3 EXPUNGE").taggedOk();
        s.send("A", "n1 NOOP").is("* VANISHED 3", "n1 OK NOOP completed");
        s.send("A", "n2 NOOP").is("n2 OK NOOP completed"); // never repeated
    }

    @Test
    void r86_noExpungeNoticeDuringFetchStoreOrSearch() {
        Scenario s = expungedByB(scenario(ServerChoices.RFC_DEFAULTS), 3);
        s.send("A", "f1 FETCH 1 (FLAGS)").is("* 1 FETCH (FLAGS () MODSEQ (10))", "f1 OK FETCH completed");
        s.send("A", "q1 SEARCH ALL").is("* SEARCH 1 2 4 5", "q1 OK SEARCH completed"); // the held-back UID 3 is skipped
        s.send("A", "t1 STORE 1 +FLAGS.SILENT (\\Seen)").lacks("* VANISHED").taggedOk();
        s.send("A", "n1 NOOP").is("* VANISHED 3", "n1 OK NOOP completed");
        s.send("C", "f1 FETCH 2 (FLAGS)").is("* 2 FETCH (FLAGS ())", "* 1 FETCH (FLAGS (\\Seen))", "f1 OK FETCH completed");
        s.send("C", "q1 SEARCH ALL").is("* SEARCH 1 2 4 5", "q1 OK SEARCH completed");
        s.send("C", "n1 NOOP").is("* 3 EXPUNGE", "n1 OK NOOP completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UID FETCH 1 (FLAGS)", "UID STORE 1 +FLAGS.SILENT (\\Seen)", "UID SEARCH UID 1:*",
        "UID SEARCH ALL"})
    void r87_uidCommandsMayReportTheExpunge(String command) {
        Scenario s = expungedByB(scenario(ServerChoices.RFC_DEFAULTS), 3);
        s.send("A", "u1 " + command).contains("* VANISHED 3").taggedOk();
    }

    @Test
    void r87_uidSearchWithMessageNumbersHoldsTheExpungeBack() {
        Scenario s = expungedByB(scenario(ServerChoices.RFC_DEFAULTS), 3);
        s.send("A", "u1 UID SEARCH 2:4").is("* SEARCH 2 4", "u1 OK UID SEARCH completed");
        s.send("A", "u2 UID SEARCH UID 1:* NOT 5").is("* SEARCH 1 2 4", "u2 OK UID SEARCH completed");
        s.send("A", "u3 UID SEARCH UID 1:*").is("* SEARCH 1 2 4 5", "* VANISHED 3", "u3 OK UID SEARCH completed");
    }

    @ParameterizedTest
    @EnumSource(ServerChoices.UpdateDelivery.class)
    void r96_aHeldBackExpungeKeepsHighestModSeqBelowIt(ServerChoices.UpdateDelivery delivery) {
        Scenario s = expungedByB(scenario(ServerChoices.RFC_DEFAULTS.withUpdateDelivery(delivery)), 3);
        // The expunge of UID 3 took 12 and is held back; the STORE shows MODSEQ 13.
        s.send("A", "t1 STORE 2 +FLAGS (\\Seen)").is(
                "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (13))",
                "* OK [HIGHESTMODSEQ 11] Some changes are not reported yet",
                "t1 OK STORE completed");
        s.send("A", "n1 NOOP").is("* VANISHED 3", "n1 OK NOOP completed");
    }

    @Test
    void r96_noCapOnceTheExpungeIsReportedInTheSameCommand() {
        Scenario s = expungedByB(scenario(ServerChoices.RFC_DEFAULTS), 3);
        s.send("A", "t1 UID STORE 2 +FLAGS (\\Seen)").is(
                "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (13))",
                "* VANISHED 3",
                "t1 OK STORE completed");
    }
}
