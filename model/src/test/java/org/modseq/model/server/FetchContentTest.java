package org.modseq.model.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.scenario.Scenario;

/**
 * FETCH of message content (RFC 3501 §6.4.5, §7.4.2) with the model's JDK-only renderer: which
 * items set {@code \Seen} implicitly, with what mod-sequence (R2, R5, R20), how content is
 * rendered without a MIME parser and refused where one is needed, and internal dates.
 */
class FetchContentTest {

    private static final String MESSAGE = "Subject: Hello\r\nFrom: ann@example.com\r\nX-Spam: no\r\n\r\nBody line\r\n";
    private static final String HEADER = "Subject: Hello\r\nFrom: ann@example.com\r\nX-Spam: no\r\n\r\n";
    private static final String TEXT = "Body line\r\n";
    private static final InternalDate RECEIVED = InternalDate.of(LocalDateTime.of(2014, 5, 1, 10, 0, 0),
            ZoneOffset.ofHours(2));

    /** Two unseen messages with MESSAGE as content, MODSEQ 2 and 3, received at RECEIVED; A has INBOX selected. */
    private static Scenario appended(ServerChoices choices, String select) {
        Scenario s = Scenario.with(choices).login("A", "alex").receivedAt(RECEIVED);
        s.send("A", "a1 APPEND INBOX " + literal(MESSAGE)).taggedOk();
        s.send("A", "a2 APPEND INBOX " + literal(MESSAGE)).taggedOk();
        s.send("A", "a3 " + select).taggedOk();
        return s;
    }

    private static Scenario appended() {
        return appended(ServerChoices.RFC_DEFAULTS, "SELECT INBOX (CONDSTORE)");
    }

    private static String literal(String s) {
        return "{" + s.length() + "}\r\n" + s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"BODY[]", "BODY[TEXT]", "BODY[HEADER]", "BODY[HEADER.FIELDS (Subject)]", "BODY[]<0.4>",
        "RFC822", "RFC822.TEXT"})
    void r5_r20_contentWithoutPeekSetsSeenWithANewModSeqShownInTheSameFetch(String item) {
        Scenario s = appended();
        String response = s.send("A", "a4 FETCH 1 (" + item + ")").taggedOk().lines().get(0);
        assertTrue(response.startsWith("* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (4) "), response);
        s.send("A", "a5 FETCH 1:2 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS (\\Seen) MODSEQ (4))",
                "* 2 FETCH (FLAGS () MODSEQ (3))", "a5 OK FETCH completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BODY.PEEK[]", "BODY.PEEK[TEXT]", "BODY.PEEK[HEADER.FIELDS.NOT (X-Spam)]<0.3>",
        "RFC822.HEADER", "RFC822.SIZE", "INTERNALDATE"})
    void r5_peekItemsLeaveFlagsAndModSeqAlone(String item) {
        Scenario s = appended();
        s.send("A", "a4 FETCH 1 (" + item + ")").taggedOk().lacks("* 1 FETCH (UID").lacks("* 1 FETCH (FLAGS");
        s.send("A", "a5 FETCH 1 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS () MODSEQ (2))", "a5 OK FETCH completed");
    }

    @Test
    void r5_implicitSeenNeedsAReadWriteMailbox() {
        Scenario s = appended(ServerChoices.RFC_DEFAULTS, "EXAMINE INBOX (CONDSTORE)");
        s.send("A", "a4 FETCH 1 (RFC822.TEXT)").is("* 1 FETCH (RFC822.TEXT " + literal(TEXT) + ")",
                "a4 OK FETCH completed");
        s.send("A", "a5 FETCH 1 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS () MODSEQ (2))", "a5 OK FETCH completed");
    }

    @Test
    void r5_contentOfASeenMessageChangesNothing() {
        Scenario s = appended();
        s.send("A", "a4 STORE 1 +FLAGS.SILENT (\\Seen)").taggedOk();
        s.send("A", "a5 FETCH 1 (BODY[TEXT])").is("* 1 FETCH (BODY[TEXT] " + literal(TEXT) + ")",
                "a5 OK FETCH completed");
        s.send("A", "a6 FETCH 1 (MODSEQ)").is("* 1 FETCH (MODSEQ (4))", "a6 OK FETCH completed");
    }

    @Test
    void r2_implicitSeenTakesOneModSeqPerCommandOrOnePerMessage() {
        appended().send("A", "a4 FETCH 1:2 (RFC822.TEXT)").is(
                "* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (4) RFC822.TEXT " + literal(TEXT) + ")",
                "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (4) RFC822.TEXT " + literal(TEXT) + ")",
                "a4 OK FETCH completed");
        appended(ServerChoices.RFC_DEFAULTS.withModSeqGranularity(ServerChoices.ModSeqGranularity.PER_MESSAGE),
                "SELECT INBOX (CONDSTORE)").send("A", "a4 FETCH 1:2 (BODY[]<0.7>)").is(
                "* 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (4) BODY[]<0> {7}\r\nSubject)",
                "* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (5) BODY[]<0> {7}\r\nSubject)",
                "a4 OK FETCH completed");
    }

    @Test
    void r20_implicitSeenUnderQresyncCarriesUidAndModSeqAndOtherSessionsLearnOfIt() {
        Scenario s = appended(ServerChoices.RFC_DEFAULTS.withUidInCondstoreFetch(false), "ENABLE QRESYNC");
        s.send("A", "a4 SELECT INBOX").taggedOk();
        s.login("B", "bob");
        s.send("B", "b1 ENABLE CONDSTORE").taggedOk();
        s.send("B", "b2 SELECT INBOX").taggedOk();
        s.send("A", "a5 FETCH 2 (RFC822)").is("* 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (4) RFC822 " + literal(MESSAGE) + ")",
                "a5 OK FETCH completed");
        s.send("B", "b3 NOOP").is("* 2 FETCH (FLAGS (\\Seen) MODSEQ (4))", "b3 OK NOOP completed");
    }

    @Test
    void headerTextFieldsAndPartialsNeedNoMimeParser() {
        Scenario s = appended();
        s.send("A", "a4 FETCH 1 (BODY.PEEK[HEADER] BODY.PEEK[TEXT] RFC822.HEADER)").is("* 1 FETCH (BODY[HEADER] "
                + literal(HEADER) + " BODY[TEXT] " + literal(TEXT) + " RFC822.HEADER " + literal(HEADER) + ")",
                "a4 OK FETCH completed");
        // Field names match in any case; the response names them as asked; the blank line is included.
        s.send("A", "a5 FETCH 1 (BODY.PEEK[HEADER.FIELDS (from SUBJECT x-none)] BODY.PEEK[HEADER.FIELDS.NOT (Subject"
                + " From)])").is("* 1 FETCH (BODY[HEADER.FIELDS (from SUBJECT x-none)] "
                + literal("Subject: Hello\r\nFrom: ann@example.com\r\n\r\n") + " BODY[HEADER.FIELDS.NOT (Subject From)] "
                + literal("X-Spam: no\r\n\r\n") + ")", "a5 OK FETCH completed");
        // A partial names its origin only; past the end it is empty.
        s.send("A", "a6 FETCH 1 (BODY.PEEK[TEXT]<5.100> BODY.PEEK[]<64.1> BODY.PEEK[]<1000.1>)").is(
                "* 1 FETCH (BODY[TEXT]<5> {6}\r\nline\r\n BODY[]<64> {0}\r\n BODY[]<1000> {0}\r\n)",
                "a6 OK FETCH completed");
    }

    @Test
    void messageDataFollowsUidFlagsAndModSeqInTheOrderAskedEachItemOnce() {
        appended().send("A", "a4 FETCH 1 (RFC822.SIZE INTERNALDATE MODSEQ UID BODY.PEEK[HEADER.FIELDS (FROM)] FLAGS "
                + "RFC822.SIZE)").is("* 1 FETCH (UID 1 FLAGS () MODSEQ (2) RFC822.SIZE 64 INTERNALDATE "
                + "\"01-May-2014 10:00:00 +0200\" BODY[HEADER.FIELDS (FROM)] " + literal("From: ann@example.com\r\n\r\n")
                + ")", "a4 OK FETCH completed");
    }

    /** FAST is (FLAGS INTERNALDATE RFC822.SIZE); flags bring MODSEQ for a CONDSTORE client (R16). */
    @Test
    void fastIsFlagsInternalDateAndSize() {
        appended().send("A", "a4 FETCH 2 FAST").is(
                "* 2 FETCH (FLAGS () MODSEQ (3) INTERNALDATE \"01-May-2014 10:00:00 +0200\" RFC822.SIZE 64)", "a4 OK FETCH completed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENVELOPE", "BODYSTRUCTURE", "BODY", "BODY[1]", "BODY.PEEK[1.MIME]", "BODY[2.HEADER]"})
    void contentThatNeedsMimeIsRefusedWithNoAndNothingChanges(String item) {
        Scenario s = appended();
        String what = item.replace(".PEEK", "");
        s.send("A", "a4 FETCH 1:2 (BODY[TEXT] " + item + ")")
                .is("a4 NO " + what + " needs a MIME parser, which this server does not have");
        s.send("A", "a5 FETCH 1 (FLAGS MODSEQ)").is("* 1 FETCH (FLAGS () MODSEQ (2))", "a5 OK FETCH completed");
        // The macros ALL and FULL ask for ENVELOPE.
        s.send("A", "a6 FETCH 1 ALL").is("a6 NO ENVELOPE needs a MIME parser, which this server does not have");
    }

    @Test
    void internalDateIsTheAppendDateTimeOrTheTimeOfReceiptAndCopyAndMoveKeepIt() {
        Scenario s = Scenario.rfcDefaults().login("A", "alex").receivedAt(RECEIVED);
        s.send("A", "a1 APPEND INBOX {1}\r\nx").taggedOk();
        s.send("A", "a2 APPEND INBOX () \" 7-Feb-1994 21:52:25 -0800\" {1}\r\ny").taggedOk();
        s.send("A", "a3 CREATE Archive").taggedOk();
        s.send("A", "a4 SELECT INBOX").taggedOk();
        s.send("A", "a5 FETCH 1:2 INTERNALDATE").is("* 1 FETCH (INTERNALDATE \"01-May-2014 10:00:00 +0200\")",
                "* 2 FETCH (INTERNALDATE \"07-Feb-1994 21:52:25 -0800\")", "a5 OK FETCH completed");
        s.receivedAt(InternalDate.EPOCH);
        s.send("A", "a6 COPY 1 Archive").taggedOk();
        s.send("A", "a7 MOVE 2 Archive").taggedOk();
        s.send("A", "a8 SELECT Archive").taggedOk();
        s.send("A", "a9 FETCH 1:2 (INTERNALDATE)").is("* 1 FETCH (INTERNALDATE \"01-May-2014 10:00:00 +0200\")",
                "* 2 FETCH (INTERNALDATE \"07-Feb-1994 21:52:25 -0800\")", "a9 OK FETCH completed");
    }
}
