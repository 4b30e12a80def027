package org.modseq.reference.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.server.FetchedContent;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;

/**
 * The mime4j renderer, item by item, as the FETCH response writes it (RFC 3501 §6.4.5, §7.4.2):
 * a single-part text message (RFC 3501's own ENVELOPE example) and a multipart/mixed message with
 * a text part, an attachment and a nested message/rfc822.
 */
class Mime4jRendererTest {

    private static final Mime4jRenderer RENDERER = new Mime4jRenderer();

    /** The message of RFC 3501 §7.4.2's ENVELOPE example, with a short body. */
    static final String SINGLE = String.join("\r\n",
            "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)",
            "From: Terry Gray <gray@cac.washington.edu>",
            "Subject: IMAP4rev1 WG mtg summary and minutes",
            "To: imap@cac.washington.edu",
            "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>",
            "Message-Id: <B27397-0100000@cac.washington.edu>",
            "MIME-Version: 1.0",
            "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII",
            "",
            "Hello Joe, do you think we can meet at 3:30 tomorrow?",
            "");

    static final String MIXED = String.join("\r\n",
            "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.de>",
            "Sender: Mail Robot <robot@example.de>",
            "To: Team: a@example.com, \"B, C\" <b@example.com>;, <@r1,@r2:x@example.org>",
            "Subject: =?ISO-8859-1?Q?R=E9sum=E9?=",
            "  and more",
            "Date: Mon, 1 Jan 2024 10:00:00 +0000",
            "Message-ID: <m1@example.com>",
            "In-Reply-To: <m0@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"XYZ\"",
            "",
            "This is a multi-part message in MIME format.",
            "--XYZ",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hi =E2=82=AC",
            "",
            "--XYZ",
            "Content-Type: application/pdf; name=\"r.pdf\"",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"r.pdf\"",
            "Content-Language: en, de",
            "",
            "JVBERi0xLjQK",
            "--XYZ",
            "Content-Type: message/rfc822",
            "Content-Description: forwarded",
            "",
            "From: Ann <ann@example.net>",
            "Subject: inner",
            "Content-Type: multipart/alternative; boundary=in",
            "",
            "--in",
            "",
            "plain",
            "--in",
            "Content-Type: text/html",
            "",
            "<b>html</b>",
            "--in--",
            "--XYZ--",
            "epilogue",
            "");

    private static String fetch(String message, String item) {
        FetchItem parsed;
        try {
            parsed = ((Command.Fetch) CommandParser.parseCommand("FETCH 1 (" + item + ")")).items().get(0);
        } catch (CommandSyntaxException e) {
            throw new AssertionError(e);
        }
        return FetchedContent.attribute(RENDERER, parsed, message, InternalDate.EPOCH).toWire();
    }

    @Test
    void singlePartEnvelopeIsRfc3501sExample() {
        assertEquals("ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\""
                + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
                + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
                + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
                + " ((NIL NIL \"imap\" \"cac.washington.edu\"))"
                + " ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL"
                + " \"<B27397-0100000@cac.washington.edu>\")", fetch(SINGLE, "ENVELOPE"));
    }

    @Test
    void singlePartStructure() {
        assertEquals("BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1 NIL NIL NIL NIL)",
                fetch(SINGLE, "BODYSTRUCTURE"));
        assertEquals("BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1)", fetch(SINGLE, "BODY"));
    }

    @Test
    void singlePartSections() {
        String body = "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";
        // Part 1 of a message that is not multipart is its body; its MIME header is the message's header.
        assertEquals("BODY[1] {55}\r\n" + body, fetch(SINGLE, "BODY.PEEK[1]"));
        assertEquals("BODY[TEXT] {55}\r\n" + body, fetch(SINGLE, "BODY[TEXT]"));
        assertEquals("BODY[1.MIME] {" + (SINGLE.length() - 55) + "}\r\n" + SINGLE.substring(0, SINGLE.length() - 55),
                fetch(SINGLE, "BODY[1.MIME]"));
        assertEquals("BODY[HEADER.FIELDS (SUBJECT FROM)] {93}\r\nFrom: Terry Gray <gray@cac.washington.edu>\r\n"
                + "Subject: IMAP4rev1 WG mtg summary and minutes\r\n\r\n",
                fetch(SINGLE, "BODY[HEADER.FIELDS (SUBJECT FROM)]"));
        assertEquals("BODY[]<0> {10}\r\nDate: Wed,", fetch(SINGLE, "BODY[]<0.10>"));
        assertEquals("BODY[]<" + (SINGLE.length() - 3) + "> {3}\r\n?\r\n",
                fetch(SINGLE, "BODY[]<" + (SINGLE.length() - 3) + ".10>"));
        assertEquals("BODY[]<100000> {0}\r\n", fetch(SINGLE, "BODY[]<100000.10>"));
        assertEquals("BODY[2] NIL", fetch(SINGLE, "BODY[2]"));
        assertEquals("BODY[1.1] NIL", fetch(SINGLE, "BODY[1.1]"));
        assertEquals("BODY[1.HEADER] NIL", fetch(SINGLE, "BODY[1.HEADER]"));
        assertEquals("BODY[2]<0> NIL", fetch(SINGLE, "BODY[2]<0.10>"));
    }

    @Test
    void multipartEnvelopeKeepsEncodedWordsAsSentAndWritesGroups() {
        assertEquals("ENVELOPE (\"Mon, 1 Jan 2024 10:00:00 +0000\" \"=?ISO-8859-1?Q?R=E9sum=E9?=  and more\""
                + " ((\"=?UTF-8?Q?J=C3=BCrgen?=\" NIL \"j\" \"example.de\"))"
                + " ((\"Mail Robot\" NIL \"robot\" \"example.de\"))"
                + " ((\"=?UTF-8?Q?J=C3=BCrgen?=\" NIL \"j\" \"example.de\"))"
                + " ((NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"example.com\")(\"B, C\" NIL \"b\" \"example.com\")"
                + "(NIL NIL NIL NIL)(NIL \"@r1,@r2\" \"x\" \"example.org\"))"
                + " NIL NIL \"<m0@example.com>\" \"<m1@example.com>\")", fetch(MIXED, "ENVELOPE"));
    }

    @Test
    void multipartStructureWithAttachmentAndNestedMessage() {
        String inner = "(NIL \"inner\" ((\"Ann\" NIL \"ann\" \"example.net\")) ((\"Ann\" NIL \"ann\" \"example.net\"))"
                + " ((\"Ann\" NIL \"ann\" \"example.net\")) NIL NIL NIL NIL NIL)";
        assertEquals("BODYSTRUCTURE ("
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 14 1 NIL NIL NIL NIL)"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"r.pdf\") NIL NIL \"BASE64\" 12 NIL"
                + " (\"ATTACHMENT\" (\"FILENAME\" \"r.pdf\")) (\"en\" \"de\") NIL)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL \"forwarded\" \"7BIT\" 164 " + inner
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 11 1 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"in\") NIL NIL NIL) 12 NIL NIL NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"XYZ\") NIL NIL NIL)", fetch(MIXED, "BODYSTRUCTURE"));
        assertEquals("BODY ("
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 14 1)"
                + "(\"APPLICATION\" \"PDF\" (\"NAME\" \"r.pdf\") NIL NIL \"BASE64\" 12)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL \"forwarded\" \"7BIT\" 164 " + inner
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 11 1) \"ALTERNATIVE\") 12)"
                + " \"MIXED\")", fetch(MIXED, "BODY"));
    }

    @Test
    void multipartSections() {
        assertEquals("BODY[1] {14}\r\nHi =E2=82=AC\r\n", fetch(MIXED, "BODY[1]"));
        assertEquals("BODY[2] {12}\r\nJVBERi0xLjQK", fetch(MIXED, "BODY[2]"));
        String mime = "Content-Type: application/pdf; name=\"r.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"r.pdf\"\r\nContent-Language: en, de\r\n\r\n";
        assertEquals("BODY[2.MIME] {" + mime.length() + "}\r\n" + mime, fetch(MIXED, "BODY[2.MIME]"));
        assertEquals("BODY[3.HEADER] {97}\r\nFrom: Ann <ann@example.net>\r\nSubject: inner\r\n"
                + "Content-Type: multipart/alternative; boundary=in\r\n\r\n", fetch(MIXED, "BODY[3.HEADER]"));
        assertEquals("BODY[3.HEADER.FIELDS (Subject)] {18}\r\nSubject: inner\r\n\r\n",
                fetch(MIXED, "BODY[3.HEADER.FIELDS (Subject)]"));
        // The parts of a MESSAGE/RFC822 part are those of the message it holds.
        assertEquals("BODY[3.1] {5}\r\nplain", fetch(MIXED, "BODY[3.1]"));
        assertEquals("BODY[3.2.MIME] {27}\r\nContent-Type: text/html\r\n\r\n", fetch(MIXED, "BODY[3.2.MIME]"));
        assertEquals("BODY[3.2] {11}\r\n<b>html</b>", fetch(MIXED, "BODY[3.2]"));
        assertTrue(fetch(MIXED, "BODY[3]").startsWith("BODY[3] {164}\r\nFrom: Ann <ann@example.net>\r\n"));
        assertTrue(fetch(MIXED, "BODY[3.TEXT]").startsWith("BODY[3.TEXT] {67}\r\n--in\r\n"));
        assertEquals("BODY[HEADER.FIELDS (SUBJECT FROM)] {98}\r\nFrom: =?UTF-8?Q?J=C3=BCrgen?= <j@example.de>\r\n"
                + "Subject: =?ISO-8859-1?Q?R=E9sum=E9?=\r\n  and more\r\n\r\n",
                fetch(MIXED, "BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]"));
        assertEquals("BODY[]<0> {10}\r\nFrom: =?UT", fetch(MIXED, "BODY[]<0.10>"));
        assertEquals("BODY[2]<10> {2}\r\nQK", fetch(MIXED, "BODY[2]<10.100>"));
        assertEquals("BODY[2]<12> {0}\r\n", fetch(MIXED, "BODY[2]<12.1>"));
        assertEquals("BODY[4] NIL", fetch(MIXED, "BODY[4]"));
        assertEquals("BODY[2.HEADER] NIL", fetch(MIXED, "BODY[2.HEADER]"));
        assertEquals("BODY[2.1] NIL", fetch(MIXED, "BODY[2.1]"));
        assertEquals("BODY[3.3] NIL", fetch(MIXED, "BODY[3.3]"));
    }

    @Test
    void eightBitHeaderValuesGoAsLiteralsOctetForOctet() {
        // "Grüße" in UTF-8, one char per octet as the model holds wire text.
        String subject = "Gr\u00c3\u00bc\u00c3\u009fe";
        String message = "From: \u00c3\u0084nne <a@b.example>\r\nSubject: " + subject + "\r\n\r\nx";
        assertEquals("ENVELOPE (NIL {7}\r\n" + subject + " (({5}\r\n\u00c3\u0084nne NIL \"a\" \"b.example\"))"
                + " (({5}\r\n\u00c3\u0084nne NIL \"a\" \"b.example\")) (({5}\r\n\u00c3\u0084nne NIL \"a\" \"b.example\"))"
                + " NIL NIL NIL NIL NIL)", fetch(message, "ENVELOPE"));
        String part = "Content-Type: text/plain; name=\"" + subject + ".txt\"\r\n\r\nx";
        assertEquals("BODY (\"TEXT\" \"PLAIN\" (\"NAME\" {11}\r\n" + subject + ".txt \"CHARSET\" \"US-ASCII\") NIL NIL"
                + " \"7BIT\" 1 1)", fetch(part, "BODY"));
    }

    @Test
    void missingFieldsAreNilAndAMailboxWithoutDomainHasAnEmptyHost() {
        assertEquals("ENVELOPE (NIL NIL NIL NIL NIL ((NIL NIL \"undisclosed\" \"\")) NIL NIL NIL NIL)",
                fetch("To: undisclosed\r\n\r\nbody", "ENVELOPE"));
        assertEquals("ENVELOPE (NIL NIL NIL NIL NIL ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL"
                + " NIL)", fetch("To: undisclosed-recipients:;\r\n\r\n", "ENVELOPE"));
    }

    @Test
    void aMessageWithoutBlankLineIsAllHeader() {
        String message = "Subject: only a header\r\nFrom: a@b";
        assertEquals("BODY[HEADER] {" + message.length() + "}\r\n" + message, fetch(message, "BODY[HEADER]"));
        assertEquals("BODY[TEXT] {0}\r\n", fetch(message, "BODY[TEXT]"));
        assertEquals("BODY[HEADER.FIELDS.NOT (SUBJECT)] {13}\r\nFrom: a@b\r\n\r\n",
                fetch(message, "BODY[HEADER.FIELDS.NOT (SUBJECT)]"));
        assertEquals("BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0 NIL NIL NIL NIL)",
                fetch(message, "BODYSTRUCTURE"));
    }

    @Test
    void brokenMultipartsStillHaveAStructureTheGrammarAllows() {
        // Without boundary there is no way to find parts: the message is read as TEXT/PLAIN (RFC 2046 §5.1.1).
        assertEquals("BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 4 1)",
                fetch("Content-Type: multipart/mixed\r\n\r\nbody", "BODY"));
        // A boundary that never occurs leaves no part; the grammar needs one, so an empty one stands in.
        assertEquals("BODY ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0) \"MIXED\")",
                fetch("Content-Type: multipart/mixed; boundary=b\r\n\r\nno parts", "BODY"));
        assertEquals("BODY[1] NIL", fetch("Content-Type: multipart/mixed; boundary=b\r\n\r\nno parts", "BODY[1]"));
        // A malformed Content-Type is the default.
        assertEquals("BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1 1)",
                fetch("Content-Type: nonsense\r\n\r\nx", "BODY"));
    }

    @Test
    void partsOfADigestAreMessagesByDefault() {
        String digest = "Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: one\r\n\r\n1\r\n"
                + "--d--\r\n";
        assertEquals("BODY ((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 17 (NIL \"one\" NIL NIL NIL NIL NIL NIL NIL NIL)"
                + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 1 1) 3) \"DIGEST\")",
                fetch(digest, "BODY"));
        assertEquals("BODY[1.1] {1}\r\n1", fetch(digest, "BODY[1.1]"));
    }

    @Test
    void deepNestingEndsInAnOpaquePartInsteadOfExhaustingTheStack() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            message.append("Content-Type: message/rfc822\r\n\r\n");
        }
        message.append("Subject: deepest\r\n\r\nbody");
        String structure = fetch(message.toString(), "BODYSTRUCTURE");
        assertTrue(structure.contains("(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"7BIT\" "), structure);
        // Part 1 of a message that is not multipart is the message; 1.1 the message it holds, and so on.
        assertEquals("BODY[1.1.1.1.1.HEADER] {32}\r\nContent-Type: message/rfc822\r\n\r\n",
                fetch(message.toString(), "BODY[1.1.1.1.1.HEADER]"));
    }
}
