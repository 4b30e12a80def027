package org.modseq.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Section;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.set.NumberSet;

/** The response parser: typed values for what the model knows, the grammar's limits with their IDs. */
class ResponseParserTest {

    private static Response parse(String line) {
        try {
            return ResponseParser.parse(line);
        } catch (ResponseSyntaxException e) {
            throw new AssertionError("refused " + line + ": " + e.getMessage(), e);
        }
    }

    /** Asserts the exact message (problem, requirement, column) and the requirement of the refusal. */
    private static void refused(String line, Requirement requirement, String message) {
        ResponseSyntaxException e = assertThrows(ResponseSyntaxException.class, () -> ResponseParser.parse(line));
        assertEquals(message, e.getMessage());
        assertEquals(Optional.ofNullable(requirement), e.requirement());
    }

    private static Response.Status untagged(Condition condition, ResponseCode code, String text) {
        return Response.Status.untagged(condition, code, text);
    }

    @Nested
    class StatusResponses {

        @Test
        void taggedOkWithCode() {
            assertEquals(Response.Status.tagged("a1", Condition.OK, new ResponseCode.ReadWrite(), "SELECT completed"),
                    parse("a1 OK [READ-WRITE] SELECT completed"));
        }

        @Test
        void conditionsAndCodesAreCaseInsensitive_R108() {
            assertEquals(Response.Status.tagged("a1", Condition.NO, new ResponseCode.Modified(NumberSet.of(7, 9)), "x"),
                    parse("a1 no [modified 7,9] x"));
        }

        @Test
        void highestModSeqCode_R31() {
            assertEquals(untagged(Condition.OK, new ResponseCode.HighestModSeq(ModSeq.of(715194045007L)), "Highest"),
                    parse("* OK [HIGHESTMODSEQ 715194045007] Highest"));
        }

        @Test
        void selectCodes() {
            assertEquals(untagged(Condition.OK, new ResponseCode.UidValidityCode(UidValidity.of(3857529045L)), "UIDs valid"),
                    parse("* OK [UIDVALIDITY 3857529045] UIDs valid"));
            assertEquals(untagged(Condition.OK, new ResponseCode.UidNext(4392), "Predicted next UID"),
                    parse("* OK [UIDNEXT 4392] Predicted next UID"));
            assertEquals(untagged(Condition.OK, new ResponseCode.Unseen(12), "first"), parse("* OK [UNSEEN 12] first"));
            assertEquals(untagged(Condition.OK, new ResponseCode.PermanentFlags(List.of(Flag.DELETED, Flag.SEEN), true),
                    "Limited"), parse("* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited"));
            assertEquals(untagged(Condition.OK, new ResponseCode.NoModSeq(), "none"), parse("* OK [NOMODSEQ] none"));
            assertEquals(untagged(Condition.OK, new ResponseCode.Closed(), "closed"), parse("* OK [CLOSED] closed"));
        }

        @Test
        void uidplusCodes() {
            assertEquals(Response.Status.tagged("a2", Condition.OK, new ResponseCode.AppendUid(UidValidity.of(38505),
                    Uid.of(3955)), "APPEND completed"), parse("a2 OK [APPENDUID 38505 3955] APPEND completed"));
            assertEquals(untagged(Condition.OK, new ResponseCode.CopyUid(UidValidity.of(38505), NumberSet.of(304, 319, 320),
                    NumberSet.parse("3956:3958")), "Done"), parse("* OK [COPYUID 38505 304,319:320 3956:3958] Done"));
        }

        @Test
        void copyUidWrittenOutOfOrderKeepsItsPairingUnmodelled() {
            assertEquals(untagged(Condition.OK, new ResponseCode.Unmodelled("COPYUID", "1 5,3 10:11"), "Done"),
                    parse("* OK [COPYUID 1 5,3 10:11] Done"));
        }

        @Test
        void unknownCodesAreKept() {
            assertEquals(untagged(Condition.NO, ResponseCode.Atom.CANNOT, "no"), parse("* NO [CANNOT] no"));
            assertEquals(untagged(Condition.NO, new ResponseCode.Unmodelled("BADCHARSET", "(UTF-8)"), "x"),
                    parse("* NO [BADCHARSET (UTF-8)] x"));
            assertEquals(untagged(Condition.OK, new ResponseCode.Unmodelled("CAPABILITY", "IMAP4rev1 LITERAL+ ENABLE"),
                    "Dovecot ready."), parse("* OK [CAPABILITY IMAP4rev1 LITERAL+ ENABLE] Dovecot ready."));
        }

        @Test
        void byeAndPreauth() {
            assertEquals(untagged(Condition.BYE, null, "Logging out"), parse("* BYE Logging out"));
            assertEquals(untagged(Condition.PREAUTH, null, "welcome"), parse("* PREAUTH welcome"));
        }

        @Test
        void responseCodeWithoutText_R31() {
            refused("* OK [HIGHESTMODSEQ 20010715194045319]", Requirement.R31,
                    "response code [HIGHESTMODSEQ] needs text after it (RFC 3501 §9 resp-text, RFC 7162 erratum 5055)"
                            + " (R31) at column 6");
            refused("* OK [NOMODSEQ]", Requirement.R31,
                    "response code [NOMODSEQ] needs text after it (RFC 3501 §9 resp-text, RFC 7162 erratum 5055)"
                            + " (R31) at column 6");
        }

        @Test
        void closedWithoutText_R103() {
            refused("* OK [CLOSED]", Requirement.R103,
                    "response code [CLOSED] needs text after it (RFC 3501 §9 resp-text, RFC 7162 erratum 5055)"
                            + " (R103) at column 6");
        }

        @Test
        void otherCodeWithoutText() {
            refused("a1 OK [READ-WRITE] ", null,
                    "response code [READ-WRITE] needs text after it (RFC 3501 §9 resp-text, RFC 7162 erratum 5055)"
                            + " at column 7");
            refused("* OK", null, "missing text after OK (RFC 3501 §9 resp-text) at column 5");
        }

        @Test
        void highestModSeqZeroOrMissing_R31() {
            refused("* OK [HIGHESTMODSEQ 0] x", Requirement.R31, "HIGHESTMODSEQ must be at least 1, found 0 (R31) at column 21");
            refused("* OK [HIGHESTMODSEQ] x", Requirement.R31, "HIGHESTMODSEQ needs a mod-sequence value (R31) at column 20");
            refused("* OK [NOMODSEQ 5] x", Requirement.R31, "response code NOMODSEQ takes no arguments (R31) at column 15");
        }

        @Test
        void modifiedEmptyZeroOrStar_R35() {
            refused("a1 OK [MODIFIED 0] Conditional STORE failed", Requirement.R35,
                    "MODIFIED set \"0\" holds 0 (R35) at column 17");
            refused("a1 OK [MODIFIED] x", Requirement.R35,
                    "MODIFIED needs the set of messages not stored (R35) at column 16");
            refused("a1 OK [MODIFIED 3,*] x", Requirement.R35, "MODIFIED set \"3,*\" holds '*' (R35) at column 17");
        }

        @Test
        void taggedByeIsRefused() {
            refused("a1 BYE x", null, "a tagged response is OK, NO or BAD, not \"BYE\" (RFC 3501 §9 resp-cond-state) at column 4");
        }

        @Test
        void eightBitTextIsRefused() {
            refused("* OK caf\u00e9", null, "8-bit character in response text (RFC 3501 §9 TEXT-CHAR) at column 9");
        }

        @Test
        void copyUidOfUnequalSets() {
            refused("* OK [COPYUID 1 1:2 5] x", null, "COPYUID pairs 2 source UIDs with 1 destination UIDs (RFC 4315 §4) at column 17");
        }

        @Test
        void unclosedCode() {
            refused("* OK [HIGHESTMODSEQ 5 ] x", null, "expected ']' to close the response code, found \" ] x\" at column 22");
        }
    }

    @Nested
    class Vanished {

        @Test
        void earlierAndPlain_R89() {
            assertEquals(new Response.Vanished(true, NumberSet.parse("41,43:116")), parse("* VANISHED (EARLIER) 41,43:116"));
            assertEquals(new Response.Vanished(false, NumberSet.of(3, 4, 5)), parse("* vanished 5:3"));
        }

        @Test
        void emptySet_R89() {
            refused("* VANISHED", Requirement.R89, "VANISHED needs a UID set (R89) at column 11");
            refused("* VANISHED (EARLIER)", Requirement.R89, "VANISHED (EARLIER) needs a UID set (R89) at column 21");
        }

        @Test
        void zeroInTheSet_R89() {
            refused("* VANISHED 1:3,0", Requirement.R89, "VANISHED UID set \"1:3,0\" holds 0 (R89) at column 12");
        }

        @Test
        void starInTheSet_R89() {
            refused("* VANISHED 5:*", Requirement.R89, "VANISHED UID set \"5:*\" holds '*' (R89) at column 12");
        }

        @Test
        void otherTag_R89() {
            refused("* VANISHED (LATER) 3", Requirement.R89,
                    "expected (EARLIER) after VANISHED, found \"LATER) 3\" (R89) at column 12");
        }
    }

    @Nested
    class Fetch {

        @Test
        void modelledItems_R47() {
            assertEquals(new Response.Fetch(3, List.of(new FetchAttribute.UidAttribute(Uid.of(7)),
                    new FetchAttribute.Flags(Set.of(Flag.SEEN, Flag.of("$Label"))),
                    new FetchAttribute.ModSeqAttribute(ModSeq.of(12)), new FetchAttribute.Size(4))),
                    parse("* 3 FETCH (UID 7 FLAGS (\\Seen $Label) MODSEQ (12) RFC822.SIZE 4)"));
        }

        @Test
        void bodyAsLiteralOfOctets() {
            String octets = "caf\u00c3\u00a9\r\n";
            assertEquals(new Response.Fetch(1, List.of(new FetchAttribute.BodySection(Section.WHOLE, OptionalLong.empty(),
                    Optional.of(octets)))),
                    parse("* 1 FETCH (BODY[] {7}\r\n" + octets + ")"));
        }

        @Test
        void itemsTheModelHasNoTypeForAreKept() {
            String line = "* 12 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" ENVELOPE "
                    + "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg\" ((\"Terry Gray\" NIL \"gray\" "
                    + "\"cac.washington.edu\")) NIL NIL NIL NIL NIL \"<B27397-0100000@cac.washington.edu>\") "
                    + "BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92) "
                    + "BODY[HEADER.FIELDS (SUBJECT \"From\")]<0> {10}\r\nSubject: x BODY[] NIL)";
            Response.Fetch fetch = assertInstanceOf(Response.Fetch.class, parse(line));
            assertEquals(List.of(new FetchAttribute.Flags(Set.of(Flag.SEEN)),
                    new FetchAttribute.Unmodelled("INTERNALDATE", "\"17-Jul-1996 02:44:25 -0700\""),
                    new FetchAttribute.Unmodelled("ENVELOPE", "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg\" "
                            + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) NIL NIL NIL NIL NIL "
                            + "\"<B27397-0100000@cac.washington.edu>\")"),
                    new FetchAttribute.Unmodelled("BODY", "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)"),
                    new FetchAttribute.Unmodelled("BODY[HEADER.FIELDS (SUBJECT \"FROM\")]<0>", "{10}\r\nSubject: x"),
                    new FetchAttribute.Unmodelled("BODY[]", "NIL")), fetch.attributes());
        }

        @Test
        void modSeqWithoutParentheses_R47() {
            refused("* 1 FETCH (MODSEQ 5)", Requirement.R47, "MODSEQ value must be in parentheses: MODSEQ (n) (R47) at column 19");
        }

        @Test
        void modSeqZeroOrBeyondTheRange_R1() {
            refused("* 1 FETCH (MODSEQ (0))", Requirement.R1, "MODSEQ must be at least 1, found 0 (R1) at column 20");
            refused("* 1 FETCH (MODSEQ (9223372036854775808))", Requirement.R1,
                    "MODSEQ \"9223372036854775808\" is beyond 2^63-1 (R1) at column 20");
        }

        @Test
        void unknownSystemFlag_R109() {
            refused("* 1 FETCH (FLAGS (\\Foo))", Requirement.R109, "\"\\Foo\" is not a flag any standard defines (R109) at column 19");
        }

        @Test
        void malformedFetches() {
            refused("* 1 FETCH ()", null, "a FETCH response needs at least one data item (RFC 3501 §9 msg-att) at column 12");
            refused("* 0 EXPUNGE", null, "EXPUNGE message number must be a number from 1 up, found \"0\" at column 3");
            refused("* 1 FETCH (UID 5", null, "expected ')' at column 17");
            refused("* 1 FETCH (UID 5) extra", null, "unexpected text after the response: \" extra\" at column 18");
            refused("* 1 FETCH (BODY[] {10}\r\nabc)", null, "literal of 10 octets is cut short: only 4 follow at column 19");
            refused("* 1 FETCH (BODY[] {3+}\r\nabc)", null,
                    "a server's literal has no '+' (RFC 7888 non-synchronizing literals are for clients) at column 21");
        }
    }

    @Nested
    class Searches {

        @Test
        void searchWithModSeq_R53() {
            assertEquals(new Response.Search(List.of(2L, 5L), Optional.of(ModSeq.of(917162500))),
                    parse("* SEARCH 2 5 (MODSEQ 917162500)"));
            assertEquals(new Response.Search(List.of(), Optional.empty()), parse("* SEARCH"));
        }

        @Test
        void modSeqWithoutNumbersOrZero_R53() {
            refused("* SEARCH (MODSEQ 5)", Requirement.R53, "(MODSEQ ...) needs at least one number before it (R53) at column 10");
            refused("* SEARCH 1 (MODSEQ 0)", Requirement.R53, "SEARCH MODSEQ must be at least 1, found 0 (R53) at column 20");
            refused("* SEARCH 1 (MODSEQ 3) 4", Requirement.R53, "(MODSEQ ...) must end the SEARCH result (R53) at column 22");
        }

        @Test
        void esearch_R55() {
            assertEquals(new Response.ESearch("a1", true, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(3),
                    Optional.of(NumberSet.parse("1:3")), Optional.of(ModSeq.of(5))),
                    parse("* ESEARCH (TAG \"a1\") UID ALL 1:3 COUNT 3 MODSEQ 5"));
            refused("* ESEARCH (TAG \"a\") MIN 0", null, "MIN must be a number from 1 up, found \"0\" at column 25");
        }

        @Test
        void esearchWithoutCorrelatorIsUnmodelled() {
            assertEquals(new Response.Unmodelled("ESEARCH", "* ESEARCH COUNT 2"), parse("* ESEARCH COUNT 2"));
        }
    }

    @Nested
    class MailboxData {

        @Test
        void statusWithHighestModSeqZero_R57() {
            assertEquals(new Response.StatusData("my box", List.of(new Response.StatusData.Item("MESSAGES", 2),
                    new Response.StatusData.Item("HIGHESTMODSEQ", 0))),
                    parse("* STATUS \"my box\" (messages 2 HIGHESTMODSEQ 0)"));
            refused("* STATUS INBOX (MESSAGES x)", null, "STATUS MESSAGES needs a number, found \"x)\" at column 26");
        }

        @Test
        void capabilitiesAndEnabled() {
            assertEquals(new Response.CapabilityData(List.of("IMAP4rev1", "CONDSTORE")), parse("* CAPABILITY IMAP4rev1 CONDSTORE"));
            assertEquals(new Response.Enabled(List.of("QRESYNC", "CONDSTORE")), parse("* ENABLED QRESYNC CONDSTORE"));
            assertEquals(new Response.Enabled(List.of()), parse("* ENABLED"));
            refused("* CAPABILITY CONDSTORE", null, "a capability list must include IMAP4rev1 (RFC 3501 §9 capability-data) at column 3");
        }

        @Test
        void countsAndFlags() {
            assertEquals(new Response.Exists(0), parse("* 0 EXISTS"));
            assertEquals(new Response.Recent(1), parse("* 1 RECENT"));
            assertEquals(new Response.Expunge(4), parse("* 4 EXPUNGE"));
            assertEquals(new Response.FlagsData(List.of(Flag.ANSWERED, Flag.of("$MDNSent"))),
                    parse("* FLAGS (\\Answered $MDNSent)"));
        }

        @Test
        void responsesTheModelHasNoTypeForAreKept() {
            for (String line : List.of("* LIST (\\HasNoChildren) \"/\" INBOX", "* LSUB () \".\" #news.comp.mail.misc",
                    "* NAMESPACE ((\"\" \"/\")) NIL NIL", "* ID (\"name\" \"Dovecot\")", "* SORT 2 3 (MODSEQ 5)",
                    "* LIST () \"/\" {3}\r\na b")) {
                Response r = parse(line);
                assertInstanceOf(Response.Unmodelled.class, r);
                assertEquals(line, r.toWire());
            }
            assertEquals("LIST", ((Response.Unmodelled) parse("* LIST () \"/\" x")).name());
        }

        @Test
        void continuations() {
            assertEquals(new Response.Continuation("idling"), parse("+ idling"));
            assertEquals(new Response.Continuation(""), parse("+ "));
            refused("+", null, "expected a space after '+' (RFC 3501 §9 continue-req) at column 2");
            refused("", null, "empty response line at column 1");
        }

        @Test
        void unbalancedStructureIsRefused() {
            refused("* LIST (\\Noselect \"/\" x", null, "expected ')' at column 24");
            refused("* ID (\"name\" \"Dove", null, "unterminated quoted string at column 14");
        }
    }
}
