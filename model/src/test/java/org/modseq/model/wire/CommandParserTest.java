package org.modseq.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modseq.model.command.Command;
import org.modseq.model.command.Command.ReturnOption;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SearchKey;
import org.modseq.model.command.Section;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.rfc.Covers;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;

/** The command-line parser: tables of valid and invalid lines, RFC 7162's example commands, round trips, garbage. */
class CommandParserTest {

    // --- Valid commands -------------------------------------------------------------------

    static Stream<Arguments> validCommands() {
        return Stream.of(
                arguments("CAPABILITY", new Command.Capability()),
                arguments("noop", new Command.Noop()),
                arguments("Check", new Command.Check()),
                arguments("IDLE", new Command.Idle()),
                arguments("logout", new Command.Logout()),
                arguments("LOGIN fred secret", new Command.Login("fred", "secret")),
                arguments("LOGIN \"fr ed\" {7}\r\nsec\"ret", new Command.Login("fr ed", "sec\"ret")),
                arguments("login {4+}\r\nfred \"a\\\\b\\\"c\"", new Command.Login("fred", "a\\b\"c")),
                arguments("LOGIN \"\" x]y", new Command.Login("", "x]y")),
                arguments("ENABLE QRESYNC CONDSTORE", new Command.Enable(List.of("QRESYNC", "CONDSTORE"))),
                arguments("enable condstore", new Command.Enable(List.of("condstore"))),
                arguments("select inbox", new Command.Select("inbox", false, Optional.empty())),
                arguments("EXAMINE \"My Box\" (CONDSTORE)",
                        new Command.Select("My Box", true, Optional.of(new SelectParameter.Condstore()))),
                arguments("SELECT {5}\r\nINBOX (condstore)",
                        new Command.Select("INBOX", false, Optional.of(new SelectParameter.Condstore()))),
                arguments("SELECT INBOX (qresync (1 2))", select(qresync(1, 2, null, null, null))),
                arguments("SELECT INBOX (QRESYNC (1 2 (1:3 5:7)))", select(qresync(1, 2, null, "1:3", "5:7"))),
                arguments("SELECT INBOX (QRESYNC (1 2 4:9 (1:3 5:7)))", select(qresync(1, 2, "4:9", "1:3", "5:7"))),
                // zeros, '*' and out-of-range uidvalidity are the model's to refuse (R64, R65)
                arguments("SELECT INBOX (QRESYNC (0 0 1:*))", select(qresync(0, 0, "1:*", null, null))),
                arguments("SELECT INBOX (QRESYNC (9223372036854775807 9223372036854775807 (1,* *:2)))",
                        select(qresync(Long.MAX_VALUE, Long.MAX_VALUE, null, "1,*", "*:2"))),
                arguments("STATUS blurdybloop (UIDNEXT MESSAGES HIGHESTMODSEQ)", new Command.Status("blurdybloop",
                        List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES, StatusItem.HIGHESTMODSEQ))),
                arguments("status x (messages recent uidnext uidvalidity unseen highestmodseq)",
                        new Command.Status("x", List.of(StatusItem.values()))),
                arguments("APPEND INBOX {5}\r\nhello", new Command.Append("INBOX", Set.of(), "hello")),
                arguments("APPEND INBOX (\\Seen $Work) \"17-Jul-1996 02:44:25 -0700\" {3}\r\nabc",
                        new Command.Append("INBOX", Set.of(Flag.SEEN, Flag.of("$Work")),
                                date(1996, 7, 17, 2, 44, 25, -7, 0), "abc")),
                arguments("APPEND INBOX \" 7-Feb-1994 21:52:25 -0800\" {2+}\r\nhi",
                        new Command.Append("INBOX", Set.of(), date(1994, 2, 7, 21, 52, 25, -8, 0), "hi")),
                arguments("append inbox \"01-jan-2000 00:00:00 +0530\" {0}\r\n",
                        new Command.Append("inbox", Set.of(), date(2000, 1, 1, 0, 0, 0, 5, 30), "")),
                arguments("APPEND INBOX () {0}\r\n", new Command.Append("INBOX", Set.of(), "")),
                arguments("APPEND INBOX {4}\r\n\u00e2\u0082\u00ac!", new Command.Append("INBOX", Set.of(), "\u00e2\u0082\u00ac!")),
                arguments("APPEND INBOX {11}\r\na\r\nb\r\n\r\nc\r\n",
                        new Command.Append("INBOX", Set.of(), "a\r\nb\r\n\r\nc\r\n")),
                arguments("CREATE foo", new Command.Create("foo")),
                arguments("delete \"a b\"", new Command.Delete("a b")),
                arguments("RENAME a {3}\r\nb c", new Command.Rename("a", "b c")),
                arguments("FETCH 1 FLAGS", fetch(false, "1", List.of(FetchItem.FLAGS), null, false)),
                arguments("FETCH 1:* (UID FLAGS MODSEQ RFC822.SIZE BODY[] BODY.PEEK[])",
                        fetch(false, "1:*", List.of(FetchItem.UID, FetchItem.FLAGS, FetchItem.MODSEQ,
                                FetchItem.RFC822_SIZE, body(Section.WHOLE), peek(Section.WHOLE)), null, false)),
                arguments("fetch 2,4 (flags body.peek[]) (changedsince 0)",
                        fetch(false, "2,4", List.of(FetchItem.FLAGS, peek(Section.WHOLE)), 0L, false)),
                // RFC 3501 §6.4.5: the macros expand to their items
                arguments("FETCH 1 ALL", fetch(false, "1", List.of(FetchItem.FLAGS, FetchItem.INTERNALDATE,
                        FetchItem.RFC822_SIZE, FetchItem.ENVELOPE), null, false)),
                arguments("fetch 1:* fast", fetch(false, "1:*", List.of(FetchItem.FLAGS, FetchItem.INTERNALDATE,
                        FetchItem.RFC822_SIZE), null, false)),
                arguments("UID FETCH 1 Full (CHANGEDSINCE 3)", fetch(true, "1", List.of(FetchItem.FLAGS,
                        FetchItem.INTERNALDATE, FetchItem.RFC822_SIZE, FetchItem.ENVELOPE, FetchItem.BODY), 3L, false)),
                arguments("FETCH 1 (envelope internaldate rfc822 rfc822.header rfc822.text body bodystructure)",
                        fetch(false, "1", List.of(FetchItem.ENVELOPE, FetchItem.INTERNALDATE, FetchItem.RFC822,
                                FetchItem.RFC822_HEADER, FetchItem.RFC822_TEXT, FetchItem.BODY, FetchItem.BODYSTRUCTURE),
                                null, false)),
                arguments("FETCH 1 BODY[]", fetch(false, "1", List.of(body(Section.WHOLE)), null, false)),
                arguments("FETCH 1 body.peek[header]", fetch(false, "1", List.of(peek(Section.HEADER)), null, false)),
                arguments("FETCH 1 (BODY[TEXT] BODY.PEEK[HEADER.FIELDS (SUBJECT From)])", fetch(false, "1", List.of(
                        body(Section.TEXT), peek(section("", Section.Text.HEADER_FIELDS, "SUBJECT", "From"))),
                        null, false)),
                arguments("FETCH 1 BODY[header.fields.not (\"X-Spam\" {4}\r\nDate)]", fetch(false, "1", List.of(
                        body(section("", Section.Text.HEADER_FIELDS_NOT, "X-Spam", "Date"))), null, false)),
                arguments("FETCH 1 (BODY[1] BODY[1.2.3] BODY.PEEK[1.MIME] BODY[2.HEADER] BODY[3.text])",
                        fetch(false, "1", List.of(body(section("1", Section.Text.WHOLE)),
                                body(section("1.2.3", Section.Text.WHOLE)), peek(section("1", Section.Text.MIME)),
                                body(section("2", Section.Text.HEADER)), body(section("3", Section.Text.TEXT))),
                                null, false)),
                arguments("FETCH 1 BODY[4.2.HEADER.FIELDS (To)]", fetch(false, "1", List.of(
                        body(section("4.2", Section.Text.HEADER_FIELDS, "To"))), null, false)),
                arguments("FETCH 1 (BODY[]<0.10> BODY.PEEK[TEXT]<4294967295.4294967295>)", fetch(false, "1", List.of(
                        new FetchItem.BodySection(false, Section.WHOLE, Optional.of(new FetchItem.Partial(0, 10))),
                        new FetchItem.BodySection(true, Section.TEXT, Optional.of(
                                new FetchItem.Partial(4294967295L, 4294967295L)))), null, false)),
                arguments("UID FETCH 1:* (FLAGS) (CHANGEDSINCE 5 VANISHED)",
                        fetch(true, "1:*", List.of(FetchItem.FLAGS), 5L, true)),
                arguments("Uid Fetch 1 (Flags) (Vanished ChangedSince 5)",
                        fetch(true, "1", List.of(FetchItem.FLAGS), 5L, true)),
                // VANISHED without UID or CHANGEDSINCE is the model's to refuse (R75, R77)
                arguments("FETCH 1 (FLAGS) (VANISHED)", fetch(false, "1", List.of(FetchItem.FLAGS), null, true)),
                arguments("FETCH 5:1,*,4294967295 MODSEQ",
                        fetch(false, "5:1,*,4294967295", List.of(FetchItem.MODSEQ), null, false)),
                arguments("STORE 1 FLAGS (\\Seen)", store(false, "1", null, StoreAction.REPLACE, false, Flag.SEEN)),
                arguments("STORE 1 +FLAGS \\Seen \\Deleted",
                        store(false, "1", null, StoreAction.ADD, false, Flag.SEEN, Flag.DELETED)),
                arguments("store 1 -flags.silent ()", store(false, "1", null, StoreAction.REMOVE, true)),
                arguments("UID STORE 1:* (UNCHANGEDSINCE 0) FLAGS.SILENT ($MDNSent)",
                        store(true, "1:*", 0L, StoreAction.REPLACE, true, Flag.of("$MDNSent"))),
                arguments("STORE 1 FLAGS \\seen", store(false, "1", null, StoreAction.REPLACE, false, Flag.SEEN)),
                // \Recent cannot be stored; the model answers that (RFC 3501 §2.3.2)
                arguments("STORE 1 +FLAGS (\\Recent)", store(false, "1", null, StoreAction.ADD, false, Flag.RECENT)),
                arguments("SEARCH ALL", search(false, new SearchKey.All())),
                arguments("SEARCH 1:5", search(false, new SearchKey.MessageNumbers(SequenceSet.parse("1:5")))),
                arguments("UID SEARCH UID 1:*", search(true, new SearchKey.Uids(SequenceSet.all()))),
                arguments("SEARCH SEEN UNSEEN ANSWERED UNANSWERED FLAGGED UNFLAGGED DELETED UNDELETED DRAFT UNDRAFT"
                        + " RECENT OLD", search(false, new SearchKey.And(List.of(
                                flagKey(Flag.SEEN, true), flagKey(Flag.SEEN, false),
                                flagKey(Flag.ANSWERED, true), flagKey(Flag.ANSWERED, false),
                                flagKey(Flag.FLAGGED, true), flagKey(Flag.FLAGGED, false),
                                flagKey(Flag.DELETED, true), flagKey(Flag.DELETED, false),
                                flagKey(Flag.DRAFT, true), flagKey(Flag.DRAFT, false),
                                flagKey(Flag.RECENT, true), flagKey(Flag.RECENT, false))))),
                arguments("SEARCH KEYWORD $Junk UNKEYWORD foo", search(false, new SearchKey.And(List.of(
                        flagKey(Flag.of("$Junk"), true), flagKey(Flag.of("foo"), false))))),
                arguments("SEARCH LARGER 0 SMALLER 4294967295", search(false, new SearchKey.And(List.of(
                        new SearchKey.Larger(0), new SearchKey.Smaller(4294967295L))))),
                arguments("search not seen", search(false, new SearchKey.Not(flagKey(Flag.SEEN, true)))),
                arguments("SEARCH OR SEEN FLAGGED",
                        search(false, new SearchKey.Or(flagKey(Flag.SEEN, true), flagKey(Flag.FLAGGED, true)))),
                arguments("SEARCH (SEEN FLAGGED) DELETED", search(false, new SearchKey.And(List.of(
                        new SearchKey.And(List.of(flagKey(Flag.SEEN, true), flagKey(Flag.FLAGGED, true))),
                        flagKey(Flag.DELETED, true))))),
                arguments("SEARCH (SEEN)", search(false, new SearchKey.And(List.of(flagKey(Flag.SEEN, true))))),
                arguments("SEARCH CHARSET UTF-8 ALL", search(false, new SearchKey.All())),
                arguments("SEARCH charset \"us-ascii\" ALL", search(false, new SearchKey.All())),
                arguments("SEARCH RETURN () ALL", new Command.Search(false, Optional.of(List.of()), new SearchKey.All())),
                arguments("SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN", new Command.Search(false,
                        Optional.of(List.of(ReturnOption.MIN, ReturnOption.MAX, ReturnOption.COUNT, ReturnOption.ALL)),
                        flagKey(Flag.SEEN, false))),
                arguments("uid search return (count) charset utf-8 all", new Command.Search(true,
                        Optional.of(List.of(ReturnOption.COUNT)), new SearchKey.All())),
                arguments("SEARCH MODSEQ 0", search(false, modSeqKey(null, null, 0))),
                arguments("SEARCH MODSEQ \"/flags/$MDNSent\" priv 5",
                        search(false, modSeqKey(Flag.of("$mdnsent"), SearchKey.EntryType.PRIV, 5))),
                arguments("SEARCH MODSEQ \"/FLAGS/\\\\Seen\" SHARED 5",
                        search(false, modSeqKey(Flag.SEEN, SearchKey.EntryType.SHARED, 5))),
                arguments("EXPUNGE", new Command.Expunge()),
                arguments("UID EXPUNGE 3000:3002", new Command.UidExpunge(SequenceSet.parse("3000:3002"))),
                arguments("CLOSE", new Command.Close()),
                arguments("unselect", new Command.Unselect()),
                arguments("COPY 1:3 Trash", new Command.Copy(false, SequenceSet.parse("1:3"), "Trash")),
                arguments("UID COPY 5 \"Sent Items\"", new Command.Copy(true, SequenceSet.of(5), "Sent Items")),
                arguments("MOVE 1 Trash", new Command.Move(false, SequenceSet.of(1), "Trash")),
                arguments("uid move 1:* Archive", new Command.Move(true, SequenceSet.all(), "Archive")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCommands")
    void parsesValidCommands(String text, Command expected) throws CommandSyntaxException {
        assertEquals(expected, CommandParser.parseCommand(text));
    }

    /**
     * The client lines of RFC 7162's examples, verbatim; a command the RFC wraps over two lines is
     * joined with one space.
     */
    static Stream<Arguments> rfc7162ExampleLines() {
        return Stream.of(
                arguments("a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)",
                        store(true, "6,4,8", 12121230045L, StoreAction.ADD, true, Flag.DELETED)),
                arguments("a104 STORE * (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted $Processed)",
                        store(false, "*", 12121230045L, StoreAction.ADD, true, Flag.DELETED, Flag.of("$Processed"))),
                arguments("c101 STORE 50 (UNCHANGEDSINCE 12121230045) -FLAGS.SILENT (\\Deleted)",
                        store(false, "50", 12121230045L, StoreAction.REMOVE, true, Flag.DELETED)),
                arguments("d105 STORE 7,5,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)",
                        store(false, "7,5,9", 320162338L, StoreAction.ADD, true, Flag.DELETED)),
                arguments("a102 STORE 12 (UNCHANGEDSINCE 0) +FLAGS.SILENT ($MDNSent)",
                        store(false, "12", 0L, StoreAction.ADD, true, Flag.of("$MDNSent"))),
                arguments("a106 STORE 100:150 (UNCHANGEDSINCE 212030000000) +FLAGS.SILENT ($Processed)",
                        store(false, "100:150", 212030000000L, StoreAction.ADD, true, Flag.of("$Processed"))),
                arguments("b108 STORE 101 (UNCHANGEDSINCE 303011130956) +FLAGS.SILENT ($Processed)",
                        store(false, "101", 303011130956L, StoreAction.ADD, true, Flag.of("$Processed"))),
                arguments("B001 STORE 1:7 (UNCHANGEDSINCE 320172338) +FLAGS (\\SEEN)",
                        store(false, "1:7", 320172338L, StoreAction.ADD, false, Flag.SEEN)),
                arguments("b003 STORE 2 (UNCHANGEDSINCE 320172340) +FLAGS (\\Seen)",
                        store(false, "2", 320172340L, StoreAction.ADD, false, Flag.SEEN)),
                arguments("A150 STORE 1:2 (UNCHANGEDSINCE 96) +FLAGS.SILENT \\Seen",
                        store(false, "1:2", 96L, StoreAction.ADD, true, Flag.SEEN)),
                arguments("A151 STORE 3 +FLAGS.SILENT \\Seen", store(false, "3", null, StoreAction.ADD, true, Flag.SEEN)),
                arguments("A160 STORE 7 +FLAGS.SILENT (\\Deleted)",
                        store(false, "7", null, StoreAction.ADD, true, Flag.DELETED)),
                arguments("A330 STORE 7 -FLAGS.SILENT (\\Answered \\Seen)",
                        store(false, "7", null, StoreAction.REMOVE, true, Flag.ANSWERED, Flag.SEEN)),
                arguments("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)",
                        fetch(true, "1:*", List.of(FetchItem.FLAGS), 12345L, false)),
                arguments("a FETCH 1:3 (MODSEQ)", fetch(false, "1:3", List.of(FetchItem.MODSEQ), null, false)),
                arguments("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345)",
                        fetch(true, "300:500", List.of(FetchItem.FLAGS), 12345L, false)),
                arguments("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)",
                        fetch(true, "300:500", List.of(FetchItem.FLAGS), 12345L, true)),
                arguments("s101 UID SEARCH 300:500",
                        search(true, new SearchKey.MessageNumbers(SequenceSet.parse("300:500")))),
                arguments("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338",
                        search(false, modSeqKey(Flag.DRAFT, SearchKey.EntryType.ALL, 620162338L))),
                arguments("t SEARCH OR NOT MODSEQ 720162338 LARGER 50000", search(false, new SearchKey.Or(
                        new SearchKey.Not(modSeqKey(null, null, 720162338L)), new SearchKey.Larger(50000)))),
                arguments("a SEARCH RETURN (ALL) MODSEQ 1234", new Command.Search(false,
                        Optional.of(List.of(ReturnOption.ALL)), modSeqKey(null, null, 1234))),
                arguments("A042 STATUS blurdybloop (UIDNEXT MESSAGES HIGHESTMODSEQ)", new Command.Status("blurdybloop",
                        List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES, StatusItem.HIGHESTMODSEQ))),
                arguments("A142 SELECT INBOX (CONDSTORE)",
                        new Command.Select("INBOX", false, Optional.of(new SelectParameter.Condstore()))),
                arguments("A142 SELECT INBOX", new Command.Select("INBOX", false, Optional.empty())),
                arguments("A142 SELECT INBOX (QRESYNC (3857529045 20010715194032001 1:198))",
                        select(qresync(3857529045L, 20010715194032001L, "1:198", null, null))),
                arguments("A02 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
                        select(qresync(67890007L, 20050715194045000L, "41,43:211,214:541", null, null))),
                arguments("A03 SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541))",
                        select(qresync(67890007L, 90060115194045000L, "41:211,214:541", null, null))),
                arguments("A04 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997))",
                        select(qresync(67890007L, 90060115194045000L, "1:29997", null, null))),
                arguments("B142 SELECT INBOX (QRESYNC (67890007 90060115194045000 1:29997 (5000,7500,9000,9990:9999 "
                        + "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997)))",
                        select(qresync(67890007L, 90060115194045000L, "1:29997", "5000,7500,9000,9990:9999",
                                "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997"))),
                arguments("A03 ENABLE QRESYNC CONDSTORE", new Command.Enable(List.of("QRESYNC", "CONDSTORE"))),
                arguments(". UID EXPUNGE 3000:3002", new Command.UidExpunge(SequenceSet.parse("3000:3002"))),
                arguments("A202 EXPUNGE", new Command.Expunge()),
                arguments("A202 CLOSE", new Command.Close()),
                arguments("a107 NOOP", new Command.Noop()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc7162ExampleLines")
    void parsesTheClientLinesOfRfc7162Examples(String line, Command expected) throws CommandSyntaxException {
        CommandParser.Tagged tagged = CommandParser.parse(line);
        assertEquals(line.substring(0, line.indexOf(' ')), tagged.tag());
        assertEquals(expected, tagged.command());
    }

    // --- Invalid commands -----------------------------------------------------------------

    static Stream<Arguments> invalidCommands() {
        return Stream.of(
                arguments("", "missing command name"),
                arguments("FOO", "unknown command \"FOO\""),
                arguments("(NOOP)", "expected command name, found \"(NOOP)\""),
                arguments("a SORT RETURN (ALL) (DATE) UTF-8 MODSEQ 1234", "unknown command \"a\""),
                arguments("SORT RETURN (ALL) (DATE) UTF-8 MODSEQ 1234", "unknown command \"SORT\""),
                arguments("UID", "missing command after UID"),
                arguments("UID FOO 1", "unknown UID command \"FOO\""),
                arguments("UID NOOP", "unknown UID command \"NOOP\""),
                arguments("NOOP extra", "unexpected text after command: \" extra\" at column 5"),
                arguments("NOOP)", "unexpected ')' at column 5"),
                arguments("NOOP\u0000", "NUL character at column 5"),
                arguments("LOGIN fred", "missing password"),
                arguments("LOGIN fred ", "missing password"),
                arguments("ENABLE", "missing capability"),
                arguments("ENABLE ", "missing capability"),
                arguments("SELECT", "missing mailbox name"),
                arguments("SELECT  INBOX", "expected mailbox name, found \" INBOX\""),
                arguments("SELECT INBOX\r\n", "unexpected text after command"),
                arguments("SELECT INBOX(CONDSTORE)", "unexpected text after command: \"(CONDSTORE)\""),
                arguments("SELECT INBOX (CONDSTORE", "expected ')' at column 24"),
                arguments("SELECT INBOX (CONDSTORE))", "unexpected ')' at column 25"),
                arguments("SELECT INBOX ()", "expected select parameter"),
                arguments("SELECT INBOX (FOO)", "unknown select parameter \"FOO\""),
                arguments("SELECT INBOX (CONDSTORE QRESYNC (1 2))", "only one select parameter is supported"),
                arguments("SELECT INBOX (QRESYNC)", "expected a space before QRESYNC arguments"),
                arguments("SELECT INBOX (QRESYNC", "missing QRESYNC arguments"),
                arguments("SELECT INBOX (QRESYNC ())", "expected QRESYNC uidvalidity"),
                arguments("SELECT INBOX (QRESYNC (x 2))", "QRESYNC uidvalidity must be a number"),
                arguments("SELECT INBOX (QRESYNC (1))", "expected a space before QRESYNC mod-sequence"),
                arguments("SELECT INBOX (QRESYNC (99999999999999999999 2))", "is beyond 2^63-1"),
                arguments("SELECT INBOX (QRESYNC (9223372036854775808 2))", "is beyond 2^63-1"),
                arguments("SELECT INBOX (QRESYNC (1 9223372036854775808))", "QRESYNC mod-sequence "
                        + "\"9223372036854775808\" is beyond 2^63-1"),
                arguments("SELECT INBOX (QRESYNC (1 -2))", "QRESYNC mod-sequence must be a number"),
                arguments("SELECT INBOX (QRESYNC (1 2 0))", "invalid known UIDs \"0\""),
                arguments("SELECT INBOX (QRESYNC (1 2 1:5 (1:2)))", "known UIDs"),
                arguments("SELECT INBOX (QRESYNC (1 2 1:5 1:2))", "expected '('"),
                arguments("SELECT \"INBOX", "unterminated quoted string at column 8"),
                arguments("SELECT \"a\\b\"", "invalid escape in quoted string"),
                arguments("SELECT \"a\r\nb\"", "line break in quoted string"),
                arguments("SELECT \"\u00e4\"", "8-bit character in quoted string"),
                arguments("SELECT {10}\r\nabc", "literal of 10 octets is cut short: only 3 follow"),
                arguments("SELECT {x}\r\nabc", "expected literal length"),
                arguments("SELECT {}\r\nabc", "expected literal length"),
                arguments("SELECT {3}abc", "expected CRLF after literal length"),
                arguments("SELECT {3}\nabc", "expected CRLF after literal length"),
                arguments("SELECT {3", "missing '}' after literal length"),
                arguments("SELECT {99999999999}\r\n", "literal length \"99999999999\" is beyond 2^32-1"),
                arguments("SELECT {4294967296}\r\n", "is beyond 2^32-1"),
                arguments("SELECT {1}\r\n\u20ac", "literal holds a character beyond one octet (U+20AC)"),
                arguments("SELECT {1}\r\nab", "unexpected text after command: \"b\""),
                arguments("SELECT {1}\r\n\u0000", "NUL character"),
                arguments("STATUS x", "missing STATUS items"),
                arguments("STATUS x ()", "expected STATUS item"),
                arguments("STATUS x (FOO)", "unknown STATUS item \"FOO\""),
                arguments("STATUS x MESSAGES", "expected '('"),
                arguments("STATUS x (MESSAGES ", "missing STATUS item"),
                arguments("APPEND INBOX", "missing message literal"),
                arguments("APPEND INBOX hello", "expected message literal"),
                arguments("APPEND INBOX (\\Seen {1}\r\nx", "expected flag"),
                arguments("APPEND INBOX (\\Seen) \"date", "unterminated quoted string"),
                arguments("APPEND INBOX \"date\" {1}\r\nx", "invalid date-time \"date\": expected "
                        + "\"dd-Mon-yyyy hh:mm:ss +zzzz\""),
                arguments("APPEND INBOX \"7-Jul-1996 02:44:25 -0700\" {1}\r\nx", "invalid date-time"),
                arguments("APPEND INBOX \"17-Jux-1996 02:44:25 -0700\" {1}\r\nx", "unknown month \"Jux\""),
                arguments("APPEND INBOX \"31-Feb-1996 02:44:25 -0700\" {1}\r\nx", "no such date or time"),
                arguments("APPEND INBOX \"17-Jul-1996 24:44:25 -0700\" {1}\r\nx", "no such date or time"),
                arguments("APPEND INBOX \"17-Jul-1996 02:44:25 +2500\" {1}\r\nx",
                        "zone +2500 is not an offset of at most 18 hours"),
                arguments("APPEND INBOX \"17-Jul-1996 02:44:25 -0760\" {1}\r\nx", "zone -0760"),
                arguments("APPEND INBOX \"17-Jul-1996 02:44:25 -0700\"{1}\r\nx", "expected a space before message literal"),
                arguments("APPEND INBOX {3}\r\nab", "cut short"),
                arguments("CREATE", "missing mailbox name"),
                arguments("RENAME a", "missing mailbox name"),
                arguments("FETCH", "missing sequence set"),
                arguments("FETCH 0 FLAGS", "invalid sequence set \"0\": \"0\" is not a number from 1 up"),
                arguments("FETCH 1:0 FLAGS", "is not a number from 1 up"),
                arguments("FETCH 01 FLAGS", "is not a number from 1 up"),
                arguments("FETCH a FLAGS", "\"a\" is neither a number nor '*'"),
                arguments("FETCH 1,,2 FLAGS", "empty number"),
                arguments("FETCH 1, FLAGS", "empty number"),
                arguments("FETCH 4294967296 FLAGS", "4294967296 is beyond 2^32-1"),
                arguments("FETCH 99999999999999999999999999 FLAGS", "number beyond 2^32-1"),
                arguments("FETCH 1:2:3 FLAGS", "has more than one ':'"),
                arguments("FETCH 1", "missing FETCH items"),
                arguments("FETCH 1  FLAGS", "expected FETCH item"),
                arguments("FETCH 1 (FLAGS FULL)", "FETCH macro FULL cannot appear in a list"),
                arguments("FETCH 1 (ALL)", "FETCH macro ALL cannot appear in a list"),
                arguments("FETCH 1 BODY[", "missing section: a part number, HEADER"),
                arguments("FETCH 1 BODY[TEXT", "missing ']' to close the section"),
                arguments("FETCH 1 BODY[TEXT)", "expected ']' to close the section, found \")\""),
                arguments("FETCH 1 BODY[HEADERS]", "unknown section \"HEADERS\": expected a part number, HEADER"),
                arguments("FETCH 1 BODY[1.FOO]", "unknown section \"FOO\""),
                arguments("FETCH 1 BODY[1.2.TEXT.MIME]", "unknown section \"TEXT.MIME\""),
                arguments("FETCH 1 BODY[MIME]", "MIME needs a part number, e.g. BODY[1.MIME]"),
                arguments("FETCH 1 BODY[0]", "part number \"0\" is not a number from 1 up"),
                arguments("FETCH 1 BODY[1.02]", "part number \"02\" is not a number from 1 up"),
                arguments("FETCH 1 BODY[99999999999]", "part number \"99999999999\" is beyond 2^31-1"),
                arguments("FETCH 1 BODY[1.]", "expected part number, HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or "
                        + "MIME after '.', found \"]\""),
                arguments("FETCH 1 BODY[1.2HEADER]", "expected ']' to close the section, found \"HEADER]\""),
                arguments("FETCH 1 BODY[HEADER.FIELDS]", "expected a space before header field list, found \"]\""),
                arguments("FETCH 1 BODY[HEADER.FIELDS ()]", "expected header field name, found \")]\""),
                arguments("FETCH 1 BODY[HEADER.FIELDS FROM]", "expected '(', found \"FROM]\""),
                arguments("FETCH 1 BODY[HEADER.FIELDS (FROM]", "expected ')'"),
                arguments("FETCH 1 BODY[TEXT (FROM)]", "expected ']' to close the section, found \" (FROM)]\""),
                arguments("FETCH 1 BODY[]<0", "missing '.' and the partial length"),
                arguments("FETCH 1 BODY[]<0.>", "expected partial length, found \">\""),
                arguments("FETCH 1 BODY[]<0.1", "missing '>' to close the partial"),
                arguments("FETCH 1 BODY[]<.1>", "expected partial origin"),
                arguments("FETCH 1 BODY[]<0.0>", "partial length must be at least 1"),
                arguments("FETCH 1 BODY[]<4294967296.1>", "partial \"4294967296\" is beyond 2^32-1"),
                arguments("FETCH 1 BODY.PEEK", "BODY.PEEK needs a section, e.g. BODY.PEEK[]"),
                arguments("FETCH 1 BINARY[1]", "FETCH item \"BINARY[...]\" is not supported (RFC 3516 BINARY)"),
                arguments("FETCH 1 BINARY.SIZE[1]", "is not supported (RFC 3516 BINARY)"),
                arguments("FETCH 1 FOO[1]", "unknown FETCH item \"FOO[...]\""),
                arguments("FETCH 1 RFC822.FOO", "unknown FETCH item \"RFC822.FOO\""),
                arguments("FETCH 1 FOO", "unknown FETCH item \"FOO\""),
                arguments("FETCH 1 ()", "expected FETCH item"),
                arguments("FETCH 1 (FLAGS", "expected ')' at column 15"),
                arguments("FETCH 1 (FLAGS))", "unexpected ')' at column 16"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)", "duplicate FETCH modifier CHANGEDSINCE"),
                arguments("FETCH 1 (FLAGS) (VANISHED VANISHED)", "duplicate FETCH modifier VANISHED"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE)", "expected a space before CHANGEDSINCE value"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE 9223372036854775808)", "is beyond 2^63-1"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE 99999999999999999999999)", "is beyond 2^63-1"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE -1)", "CHANGEDSINCE value must be a number"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE 1x)", "CHANGEDSINCE value must be a number"),
                arguments("FETCH 1 (FLAGS) (FOO)", "unknown FETCH modifier \"FOO\""),
                arguments("FETCH 1 (FLAGS) ()", "expected FETCH modifier"),
                arguments("FETCH 1 (FLAGS) (CHANGEDSINCE 1", "expected ')'"),
                arguments("STORE 1", "missing flag action"),
                arguments("STORE 1 +FLAGS", "missing flags"),
                arguments("STORE 1 FLAGS (\\Foo)", "unknown system flag \"\\Foo\""),
                arguments("STORE 1 FLAGS (\\)", "expected flag"),
                arguments("STORE 1 FLAGS (\\*)", "expected flag"),
                arguments("STORE 1 XFLAGS (\\Seen)", "expected FLAGS, +FLAGS or -FLAGS (optionally .SILENT), found"),
                arguments("STORE 1 FLAGS.LOUD (\\Seen)", "expected FLAGS, +FLAGS or -FLAGS"),
                arguments("STORE 1 (UNCHANGEDSINCE 1 UNCHANGEDSINCE 2) FLAGS ()",
                        "duplicate STORE modifier UNCHANGEDSINCE"),
                arguments("STORE 1 (FOO 1) FLAGS ()", "unknown STORE modifier \"FOO\""),
                arguments("STORE 1 () FLAGS ()", "expected STORE modifier"),
                arguments("STORE 1 (UNCHANGEDSINCE 1) FLAGS (\\Seen", "expected ')'"),
                arguments("STORE 1 (UNCHANGEDSINCE 92233720368547758070) FLAGS ()", "is beyond 2^63-1"),
                arguments("STORE 1 FLAGS (\\Seen))", "unexpected ')'"),
                arguments("STORE 1 FLAGS \\Seen )", "expected flag"),
                arguments("SEARCH", "missing search criteria"),
                arguments("SEARCH FOO", "unknown search key \"FOO\""),
                arguments("SEARCH FROM x", "search key FROM is not supported"),
                arguments("SEARCH new", "search key NEW is not supported"),
                arguments("SEARCH (SEEN", "expected ')'"),
                arguments("SEARCH SEEN)", "unexpected ')'"),
                arguments("SEARCH ()", "expected search key"),
                arguments("SEARCH ALL ", "missing search key"),
                arguments("SEARCH OR SEEN", "missing second search key after OR"),
                arguments("SEARCH NOT", "missing search key after NOT"),
                arguments("SEARCH UID", "missing UID set"),
                arguments("SEARCH UID x", "invalid UID set"),
                arguments("SEARCH LARGER x", "LARGER size must be a number"),
                arguments("SEARCH SMALLER 4294967296", "SMALLER size \"4294967296\" is beyond 2^32-1"),
                arguments("SEARCH CHARSET ISO-8859-1 ALL", "unsupported charset \"ISO-8859-1\""),
                arguments("SEARCH CHARSET UTF-8", "missing search criteria"),
                arguments("SEARCH RETURN (SAVE) ALL", "unknown RETURN option \"SAVE\""),
                arguments("SEARCH RETURN ALL", "expected '('"),
                arguments("SEARCH RETURN (MIN ALL", "expected ')'"),
                arguments("SEARCH MODSEQ", "missing mod-sequence"),
                arguments("SEARCH MODSEQ 9223372036854775808", "MODSEQ value \"9223372036854775808\" is beyond 2^63-1"),
                arguments("SEARCH MODSEQ \"/flags/\\\\recent\" all 1", "Recent has no MODSEQ entry name"),
                arguments("SEARCH MODSEQ \"/flags/\\\\foo\" all 1", "unknown system flag \"\\foo\" in MODSEQ entry"),
                arguments("SEARCH MODSEQ \"/flags/\" all 1", "invalid flag in MODSEQ entry name"),
                arguments("SEARCH MODSEQ \"/flags/a b\" all 1", "invalid flag in MODSEQ entry name"),
                arguments("SEARCH MODSEQ \"/foo/bar\" all 1", "MODSEQ entry name must be \"/flags/<flag>\""),
                arguments("SEARCH MODSEQ \"/flags/\\draft\" all 1", "invalid escape in quoted string"),
                arguments("SEARCH MODSEQ \"/flags/$x\" everything 1", "unknown entry type \"everything\""),
                arguments("SEARCH MODSEQ \"/flags/$x\" all", "missing mod-sequence"),
                arguments("SEARCH MODSEQ {7}\r\n/flags/ all 1", "expected MODSEQ value"),
                arguments("SEARCH KEYWORD \\Seen", "expected keyword"),
                arguments("SEARCH 0", "is not a number from 1 up"),
                arguments("COPY 1", "missing mailbox name"),
                arguments("MOVE 1:2", "missing mailbox name"),
                arguments("UID EXPUNGE", "missing UID set"),
                arguments("UID EXPUNGE *x", "\"*x\" is neither a number nor '*'"),
                arguments("EXPUNGE 1", "unexpected text after command"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidCommands")
    void rejectsInvalidCommands(String text, String expectedMessagePart) {
        CommandSyntaxException e = assertThrows(CommandSyntaxException.class, () -> CommandParser.parseCommand(text));
        assertTrue(e.getMessage().contains(expectedMessagePart),
                () -> "message \"" + e.getMessage() + "\" lacks \"" + expectedMessagePart + "\"");
        assertPrintable(e);
        assertTrue(e.tag().isEmpty());
    }

    // --- Tags and error positions ---------------------------------------------------------

    @Test
    void readsTheTag() throws CommandSyntaxException {
        assertEquals(new CommandParser.Tagged("a1", new Command.Noop()), CommandParser.parse("a1 NOOP"));
        assertEquals("tag]", CommandParser.parse("tag] NOOP").tag());
        assertEquals("A.b-c$1", CommandParser.parse("A.b-c$1 CAPABILITY").tag());
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                arguments("", null, "empty command line", 1),
                arguments(" NOOP", null, "expected a tag", 1),
                arguments("* NOOP", null, "expected a tag", 1),
                arguments("+ NOOP", null, "expected a tag", 1),
                arguments("a+ NOOP", null, "invalid character \"+\" in tag", 2),
                arguments("a(1 NOOP", null, "invalid character", 2),
                arguments("a\"b NOOP", null, "invalid character", 2),
                arguments("\u0000 NOOP", null, "expected a tag", 1),
                arguments("a1", "a1", "missing command", 3),
                arguments("a1 ", "a1", "missing command name", 4),
                arguments("a1  NOOP", "a1", "expected command name", 4),
                arguments("a1 FOO", "a1", "unknown command \"FOO\"", 4),
                arguments("x NOOP\u0000", "x", "NUL character", 7),
                arguments("x SELECT INBOX (QRESYNC (1 2 (1:3 4:6))", "x", "expected ')'", 40),
                arguments("a1 FETCH 1 (FLAGS", "a1", "expected ')'", 18));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badLines")
    void errorsCarryTheTagWhenItCouldBeReadAndTheColumn(String line, String tag, String problem, int column) {
        CommandSyntaxException e = assertThrows(CommandSyntaxException.class, () -> CommandParser.parse(line));
        assertEquals(Optional.ofNullable(tag), e.tag());
        assertTrue(e.problem().contains(problem), () -> "problem \"" + e.problem() + "\" lacks \"" + problem + "\"");
        assertEquals(OptionalInt.of(column), e.column());
        assertEquals(e.problem() + " at column " + column, e.getMessage());
        assertEquals((tag == null ? "*" : tag) + " BAD " + e.getMessage(), e.badResponse());
        assertPrintable(e);
    }

    @Test
    void badResponseIsOneLineOfPrintableText() {
        CommandSyntaxException e = assertThrows(CommandSyntaxException.class,
                () -> CommandParser.parse("a1 FETCH 1 (FLAGS\u00e9\r\n)"));
        assertEquals("a1 BAD expected ')', found \"\\u00E9\\r\\n)\" at column 18", e.badResponse());
    }

    // --- Case and requirement-specific syntax ---------------------------------------------

    @Test
    @Covers("R108")
    void keywordsMatchInAnyCase() throws CommandSyntaxException {
        Command expected = fetch(true, "1:*", List.of(FetchItem.FLAGS, FetchItem.MODSEQ), 7L, true);
        for (String line : List.of("UID FETCH 1:* (FLAGS MODSEQ) (CHANGEDSINCE 7 VANISHED)",
                "uid fetch 1:* (flags modseq) (changedsince 7 vanished)",
                "Uid Fetch 1:* (Flags ModSeq) (ChangedSince 7 Vanished)")) {
            assertEquals(expected, CommandParser.parseCommand(line), line);
        }
        assertEquals(CommandParser.parseCommand("SELECT INBOX (QRESYNC (1 2))"),
                CommandParser.parseCommand("select INBOX (qReSyNc (1 2))"));
        assertEquals(CommandParser.parseCommand("STATUS a (HIGHESTMODSEQ)"),
                CommandParser.parseCommand("status a (highestModSeq)"));
        assertEquals(CommandParser.parseCommand("STORE 1 (UNCHANGEDSINCE 3) +FLAGS.SILENT (\\SEEN)"),
                CommandParser.parseCommand("store 1 (unchangedsince 3) +flags.silent (\\seen)"));
        assertEquals(CommandParser.parseCommand("SEARCH MODSEQ \"/flags/\\\\Draft\" ALL 5"),
                CommandParser.parseCommand("search modseq \"/FLAGS/\\\\DRAFT\" all 5"));
        assertEquals(CommandParser.parseCommand("ENABLE CONDSTORE"), new Command.Enable(List.of("CONDSTORE")));
    }

    @Test
    @Covers("R44")
    void unchangedSinceComesOnceAndMayBeZero() throws CommandSyntaxException {
        assertEquals(Optional.of(ModSeq.ZERO),
                ((Command.Store) CommandParser.parseCommand("STORE 1 (UNCHANGEDSINCE 0) FLAGS ()")).unchangedSince());
        CommandSyntaxException e = assertThrows(CommandSyntaxException.class,
                () -> CommandParser.parseCommand("STORE 1 (UNCHANGEDSINCE 5 UNCHANGEDSINCE 5) FLAGS ()"));
        assertTrue(e.getMessage().contains("duplicate STORE modifier UNCHANGEDSINCE"), e.getMessage());
    }

    @Test
    @Covers("R52")
    void modSeqEntryNameIsAQuotedFlagPathWithEscapedBackslashAndNoRecent() throws CommandSyntaxException {
        assertEquals(search(false, modSeqKey(Flag.SEEN, SearchKey.EntryType.PRIV, 9)),
                CommandParser.parseCommand("SEARCH MODSEQ \"/flags/\\\\seen\" priv 9"));
        assertEquals(search(false, modSeqKey(Flag.of("$MDNSent"), SearchKey.EntryType.SHARED, 9)),
                CommandParser.parseCommand("SEARCH MODSEQ \"/flags/$mdnsent\" shared 9"));
        for (String bad : List.of("SEARCH MODSEQ \"/flags/\\\\Recent\" all 9", "SEARCH MODSEQ \"/flags/\\seen\" all 9",
                "SEARCH MODSEQ /flags/$x all 9", "SEARCH MODSEQ {10}\r\n/flags/$mdn all 9")) {
            assertThrows(CommandSyntaxException.class, () -> CommandParser.parseCommand(bad), bad);
        }
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() throws CommandSyntaxException {
        SearchKey key = CommandParser.parseCommand("SEARCH " + "NOT ".repeat(400) + "ALL") instanceof Command.Search s
                ? s.key() : null;
        int depth = 0;
        while (key instanceof SearchKey.Not not) {
            key = not.key();
            depth++;
        }
        assertEquals(400, depth);
        for (String line : List.of("SEARCH " + "NOT ".repeat(100_000) + "ALL",
                "SEARCH " + "(".repeat(100_000) + "ALL" + ")".repeat(100_000),
                "SEARCH " + "OR ALL ".repeat(100_000) + "ALL")) {
            CommandSyntaxException e = assertThrows(CommandSyntaxException.class, () -> CommandParser.parseCommand(line));
            assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
        }
    }

    // --- Round trips ----------------------------------------------------------------------

    static Stream<Command> representativeCommands() {
        return Stream.of(
                new Command.Capability(), new Command.Noop(), new Command.Check(), new Command.Idle(),
                new Command.Logout(),
                new Command.Login("fred", "secret"),
                new Command.Login("fr\"ed", "p@ss word\\"),
                new Command.Login("\u00fcser", "line\r\nbreak"),
                new Command.Login("", "]"),
                new Command.Enable(List.of("QRESYNC", "CONDSTORE")),
                new Command.Select("INBOX", false, Optional.empty()),
                new Command.Select("Sent Items", true, Optional.of(new SelectParameter.Condstore())),
                select(qresync(3857529045L, 20010715194032001L, "1:198", null, null)),
                select(qresync(67890007L, 90060115194045000L, "1:29997", "5000,7500,9000,9990:9999",
                        "15000,22500,27000,29970,29973,29976,29979,29982,29985,29988,29991,29994,29997")),
                select(qresync(0, 0, "*:3,1", "*", "1:*")),
                new Command.Status("blurdybloop", List.of(StatusItem.values())),
                new Command.Status("a \"b\"", List.of(StatusItem.HIGHESTMODSEQ, StatusItem.HIGHESTMODSEQ)),
                new Command.Append("INBOX", Set.of(), "Subject: hi\r\n\r\nbody\r\n"),
                new Command.Append("Dr\u00e4fts", Set.of(Flag.DRAFT, Flag.of("$Work"), Flag.RECENT), ""),
                new Command.Append("INBOX", Set.of(Flag.SEEN), "\u00e2\u0082\u00ac \u00ff\u0001 {5}\r\n\"x\""),
                new Command.Append("INBOX", Set.of(Flag.SEEN), date(9999, 12, 31, 23, 59, 59, -18, 0), "x"),
                new Command.Append("INBOX", Set.of(), date(1, 1, 1, 0, 0, 0, 14, 0), ""),
                new Command.Create("new/box"), new Command.Delete("old box"), new Command.Rename("a", "b\\c"),
                fetch(false, "1", List.of(FetchItem.FLAGS), null, false),
                fetch(true, "1:*", List.of(FetchItem.Named.values()), 0L, true),
                fetch(false, "4294967295:1,*", List.of(body(Section.WHOLE), body(Section.WHOLE)), Long.MAX_VALUE, false),
                fetch(false, "1", List.of(peek(section("1.2", Section.Text.HEADER_FIELDS, "From", "", "a b", "x\r\ny",
                        "]"))), null, false),
                fetch(false, "1", List.of(new FetchItem.BodySection(false, section("3", Section.Text.MIME),
                        Optional.of(new FetchItem.Partial(7, 1)))), null, false),
                fetch(true, "3", List.of(FetchItem.UID), null, true),
                store(false, "1", null, StoreAction.REPLACE, false),
                store(true, "1:*", 0L, StoreAction.ADD, true, Flag.SEEN, Flag.DELETED, Flag.of("$MDNSent")),
                store(false, "*", Long.MAX_VALUE, StoreAction.REMOVE, false, Flag.RECENT),
                search(false, new SearchKey.All()),
                search(true, new SearchKey.And(List.of(new SearchKey.Uids(SequenceSet.parse("1:*")),
                        new SearchKey.MessageNumbers(SequenceSet.parse("2,4:6"))))),
                search(false, new SearchKey.Or(new SearchKey.Not(modSeqKey(null, null, 720162338L)),
                        new SearchKey.Larger(50000))),
                search(false, modSeqKey(Flag.DRAFT, SearchKey.EntryType.ALL, 620162338L)),
                search(false, modSeqKey(Flag.of("$MDNSent"), SearchKey.EntryType.PRIV, 0)),
                search(false, new SearchKey.Not(new SearchKey.And(List.of(flagKey(Flag.SEEN, false))))),
                search(false, new SearchKey.And(List.of(new SearchKey.And(List.of(flagKey(Flag.RECENT, false),
                        flagKey(Flag.of("foo"), true))), new SearchKey.Smaller(0)))),
                new Command.Search(false, Optional.of(List.of()), new SearchKey.All()),
                new Command.Search(true, Optional.of(List.of(ReturnOption.values())), modSeqKey(null, null, 1234)),
                new Command.Expunge(), new Command.UidExpunge(SequenceSet.parse("3000:3002")),
                new Command.Close(), new Command.Unselect(),
                new Command.Copy(false, SequenceSet.parse("1:3"), "Trash"),
                new Command.Copy(true, SequenceSet.parse("5"), "{weird}"),
                new Command.Move(false, SequenceSet.parse("1"), "Arch\u00efve"),
                new Command.Move(true, SequenceSet.all(), "%*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("representativeCommands")
    void parsesWhatTheModelRenders(Command command) throws CommandSyntaxException {
        assertEquals(command, CommandParser.parseCommand(command.toWire()));
        assertEquals(new CommandParser.Tagged("t1", command), CommandParser.parse("t1 " + command.toWire()));
    }

    @Test
    void randomCommandsRoundTrip() throws CommandSyntaxException {
        Random random = new Random(7162);
        CommandGenerator generator = new CommandGenerator(random);
        for (int i = 0; i < 500; i++) {
            Command command = generator.command();
            String wire = command.toWire();
            Command parsed;
            try {
                parsed = CommandParser.parseCommand(wire);
            } catch (CommandSyntaxException e) {
                throw new AssertionError("cannot parse " + escape(wire) + ": " + e.getMessage(), e);
            }
            assertEquals(command, parsed, () -> escape(wire));
        }
    }

    // --- Robustness -----------------------------------------------------------------------

    @Test
    void randomGarbageParsesOrFailsWithASyntaxError() {
        Random random = new Random(3501);
        String alphabet = "() []{}<>\"\\*:,.+-%$/0123456789 \r\n\u0000\t\u007f\u00e9\u20ac\ud83d\ude00\ud800"
                + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        List<String> words = List.of("UID ", "FETCH ", "STORE ", "SEARCH ", "SELECT ", "INBOX ", "(QRESYNC (", "1:* ",
                "(FLAGS) ", "(CHANGEDSINCE ", "VANISHED", "MODSEQ ", "{3}\r\n", "{2+}\r\n", "+FLAGS.SILENT ",
                "(UNCHANGEDSINCE ", "\"/flags/\\\\seen\" ", "OR ", "NOT ", "RETURN (", "CHARSET ", "\\Seen ", ") ");
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                if (random.nextInt(3) == 0) {
                    sb.append(words.get(random.nextInt(words.size())));
                } else {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            attempt(sb.toString());
            attempt("a1 " + sb);
        }
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(30)];
            random.nextBytes(bytes);
            attempt(new String(bytes, StandardCharsets.ISO_8859_1));
            attempt(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void truncatedAndMutatedValidLinesParseOrFailWithASyntaxError() {
        Random random = new Random(7162_2014);
        List<String> lines = new ArrayList<>();
        validCommands().forEach(a -> lines.add((String) a.get()[0]));
        rfc7162ExampleLines().forEach(a -> lines.add((String) a.get()[0]));
        representativeCommands().forEach(c -> lines.add(c.toWire()));
        CommandGenerator generator = new CommandGenerator(random);
        for (int i = 0; i < 100; i++) {
            lines.add(generator.command().toWire());
        }
        String replacements = "() \"\\{}*:,0+\r\n\u0000\u00e9x";
        for (String line : lines) {
            for (int end = 0; end <= line.length(); end++) {
                attempt(line.substring(0, end));
                attempt("t " + line.substring(0, end));
            }
            for (int k = 0; k < 20 && !line.isEmpty(); k++) {
                int at = random.nextInt(line.length());
                char c = replacements.charAt(random.nextInt(replacements.length()));
                attempt(line.substring(0, at) + c + line.substring(at + 1));
                attempt(line.substring(0, at) + line.substring(at + 1));
                attempt(line.substring(0, at) + c + line.substring(at));
            }
        }
    }

    /** Parses both ways; anything but success or a printable CommandSyntaxException fails the test. */
    private static void attempt(String input) {
        try {
            CommandParser.parseCommand(input);
        } catch (CommandSyntaxException e) {
            assertPrintable(e);
        } catch (RuntimeException | StackOverflowError e) {
            fail("parseCommand(" + escape(input) + ") threw " + e, e);
        }
        try {
            CommandParser.parse(input);
        } catch (CommandSyntaxException e) {
            assertPrintable(e);
        } catch (RuntimeException | StackOverflowError e) {
            fail("parse(" + escape(input) + ") threw " + e, e);
        }
    }

    private static void assertPrintable(CommandSyntaxException e) {
        String line = e.badResponse();
        assertFalse(line.isEmpty());
        assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "not printable: " + escape(line));
    }

    // --- Fixtures -------------------------------------------------------------------------

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    private static SelectParameter.Qresync qresync(long uidValidity, long modSeq, String knownUids,
            String matchNumbers, String matchUids) {
        return new SelectParameter.Qresync(uidValidity, ModSeq.of(modSeq),
                Optional.ofNullable(knownUids).map(SequenceSet::parse),
                Optional.ofNullable(matchNumbers).map(n -> new SelectParameter.SeqMatch(SequenceSet.parse(n),
                        SequenceSet.parse(matchUids))));
    }

    private static Command select(SelectParameter parameter) {
        return new Command.Select("INBOX", false, Optional.of(parameter));
    }

    private static FetchItem body(Section section) {
        return FetchItem.BodySection.of(section);
    }

    private static FetchItem peek(Section section) {
        return FetchItem.BodySection.peek(section);
    }

    /** A section of the part path {@code part} ("1.2", or "" for the message). */
    private static Section section(String part, Section.Text text, String... fields) {
        List<Integer> numbers = part.isEmpty() ? List.of()
                : Stream.of(part.split("\\.")).map(Integer::valueOf).toList();
        return new Section(numbers, text, List.of(fields));
    }

    private static Optional<InternalDate> date(int year, int month, int day, int hour, int minute, int second,
            int zoneHours, int zoneMinutes) {
        return Optional.of(InternalDate.of(LocalDateTime.of(year, month, day, hour, minute, second),
                ZoneOffset.ofHoursMinutes(zoneHours, zoneMinutes)));
    }

    private static Command fetch(boolean uid, String set, List<FetchItem> items, Long changedSince, boolean vanished) {
        return new Command.Fetch(uid, SequenceSet.parse(set), items,
                Optional.ofNullable(changedSince).map(ModSeq::of), vanished);
    }

    private static Command store(boolean uid, String set, Long unchangedSince, StoreAction action, boolean silent,
            Flag... flags) {
        return new Command.Store(uid, SequenceSet.parse(set), Optional.ofNullable(unchangedSince).map(ModSeq::of),
                action, silent, Set.of(flags));
    }

    private static Command search(boolean uid, SearchKey key) {
        return new Command.Search(uid, Optional.empty(), key);
    }

    private static SearchKey flagKey(Flag flag, boolean set) {
        return new SearchKey.FlagKey(flag, set);
    }

    private static SearchKey modSeqKey(Flag flag, SearchKey.EntryType type, long modSeq) {
        return new SearchKey.ModSeqKey(Optional.ofNullable(flag).map(f -> new SearchKey.Entry(f, type)),
                ModSeq.of(modSeq));
    }

    /** Random command values built from the records, as the model would render them. */
    private record CommandGenerator(Random random) {

        private static final List<String> NAMES = List.of("INBOX", "inbox", "Sent Items", "a\"b", "back\\slash",
                "", "x]y", "%", "*", "(", "{5}", "Dr\u00e4fts", "line\r\nbreak", "\u00f0\u009f\u0098\u0080", "Archive/2014");
        private static final List<Flag> FLAGS = List.of(Flag.SEEN, Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED,
                Flag.DRAFT, Flag.RECENT, Flag.of("$MDNSent"), Flag.of("$Junk"), Flag.of("Work"), Flag.of("a.b+c"));
        /** R52: \Recent has no entry name. */
        private static final List<Flag> ENTRY_FLAGS = FLAGS.stream().filter(f -> !f.equals(Flag.RECENT)).toList();
        private static final int[] CODE_POINTS = "aZ09 \"\\]%*(){}+-./$\r\n\t\u007f\u00e9\u0080\u00ff"
                .codePoints().toArray();

        Command command() {
            return switch (random.nextInt(32)) {
                case 0 -> new Command.Capability();
                case 1 -> new Command.Noop();
                case 2 -> new Command.Check();
                case 3 -> new Command.Idle();
                case 4 -> new Command.Logout();
                case 5 -> new Command.Login(text(), text());
                case 6 -> new Command.Enable(some(1, 3, () -> pick(List.of("CONDSTORE", "QRESYNC", "UTF8=ACCEPT",
                        "x-foo"))));
                case 7 -> new Command.Select(name(), random.nextBoolean(), selectParameter());
                case 8 -> new Command.Status(name(), some(1, 6, () -> pick(List.of(StatusItem.values()))));
                case 9 -> new Command.Append(name(), flags(), random.nextBoolean() ? Optional.empty()
                        : Optional.of(new InternalDate(random.nextLong(253402300799L), random.nextInt(-1080, 1081))),
                        text());
                case 10 -> new Command.Create(name());
                case 11 -> new Command.Delete(name());
                case 12 -> new Command.Rename(name(), name());
                case 13 -> new Command.Fetch(random.nextBoolean(), set(), some(1, 4, this::fetchItem), optionalModSeq(),
                        random.nextBoolean());
                case 14 -> new Command.Store(random.nextBoolean(), set(), optionalModSeq(),
                        pick(List.of(StoreAction.values())), random.nextBoolean(), flags());
                case 15, 16, 17 -> new Command.Search(random.nextBoolean(), random.nextBoolean() ? Optional.empty()
                        : Optional.of(some(0, 4, () -> pick(List.of(ReturnOption.values())))), topLevelKey());
                case 18 -> new Command.Expunge();
                case 19 -> new Command.UidExpunge(set());
                case 20 -> new Command.Close();
                case 21 -> new Command.Unselect();
                case 22 -> new Command.Copy(random.nextBoolean(), set(), name());
                case 23 -> new Command.Move(random.nextBoolean(), set(), name());
                case 24 -> new Command.ListMailboxes(random.nextBoolean(), name(), name());
                case 25 -> new Command.Subscribe(name());
                case 26 -> new Command.Unsubscribe(name());
                case 27 -> new Command.Namespace();
                case 28 -> new Command.Id(random.nextBoolean() ? Optional.empty() : Optional.of(some(0, 3, () ->
                        new Command.IdParameter(text(), random.nextBoolean() ? Optional.empty() : Optional.of(text())))));
                case 29 -> new Command.Authenticate(pick(List.of("PLAIN", "plain", "X-FOO")),
                        random.nextBoolean() ? Optional.empty() : Optional.of(pick(List.of("=", "AGEAYg==", "x+/9"))));
                default -> new Command.Select(name(), false, Optional.empty());
            };
        }

        private FetchItem fetchItem() {
            if (random.nextBoolean()) {
                return pick(List.of(FetchItem.Named.values()));
            }
            List<Integer> part = some(0, 3, () -> 1 + (int) (number() % 1000));
            List<Section.Text> texts = part.isEmpty()
                    ? List.of(Section.Text.WHOLE, Section.Text.HEADER, Section.Text.TEXT, Section.Text.HEADER_FIELDS,
                            Section.Text.HEADER_FIELDS_NOT)
                    : List.of(Section.Text.values());
            Section.Text text = pick(texts);
            Section section = new Section(part, text, text.hasFields() ? some(1, 3, this::text) : List.of());
            Optional<FetchItem.Partial> partial = random.nextBoolean() ? Optional.empty()
                    : Optional.of(new FetchItem.Partial(number(), 1 + number() % NumberSet.MAX_NUMBER));
            return new FetchItem.BodySection(random.nextBoolean(), section, partial);
        }

        private Optional<SelectParameter> selectParameter() {
            return switch (random.nextInt(3)) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of(new SelectParameter.Condstore());
                default -> Optional.of(new SelectParameter.Qresync(random.nextLong() & Long.MAX_VALUE, modSeq(),
                        random.nextBoolean() ? Optional.empty() : Optional.of(set()),
                        random.nextBoolean() ? Optional.empty()
                                : Optional.of(new SelectParameter.SeqMatch(set(), set()))));
            };
        }

        /** A top-level key; a one-element And would render without its parentheses, so it is unwrapped. */
        private SearchKey topLevelKey() {
            SearchKey key = key(0);
            while (key instanceof SearchKey.And and && and.keys().size() == 1) {
                key = and.keys().get(0);
            }
            return key;
        }

        private SearchKey key(int depth) {
            int choice = random.nextInt(depth > 3 ? 7 : 10);
            return switch (choice) {
                case 0 -> new SearchKey.All();
                case 1 -> new SearchKey.MessageNumbers(set());
                case 2 -> new SearchKey.Uids(set());
                case 3 -> new SearchKey.FlagKey(pick(FLAGS), random.nextBoolean());
                case 4 -> random.nextBoolean() ? new SearchKey.Larger(number())
                        : new SearchKey.Smaller(number());
                case 5, 6 -> new SearchKey.ModSeqKey(random.nextBoolean() ? Optional.empty()
                        : Optional.of(new SearchKey.Entry(pick(ENTRY_FLAGS),
                                pick(List.of(SearchKey.EntryType.values())))), modSeq());
                case 7 -> new SearchKey.Not(key(depth + 1));
                case 8 -> new SearchKey.Or(key(depth + 1), key(depth + 1));
                default -> new SearchKey.And(some(1, 3, () -> key(depth + 1)));
            };
        }

        private SequenceSet set() {
            List<SequenceSet.Item> items = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                SequenceSet.Bound first = bound();
                items.add(new SequenceSet.Item(first, random.nextBoolean() ? first : bound()));
            }
            return new SequenceSet(items);
        }

        private SequenceSet.Bound bound() {
            return random.nextInt(6) == 0 ? new SequenceSet.Star() : new SequenceSet.Number(1 + number() % NumberSet.MAX_NUMBER);
        }

        private long number() {
            return switch (random.nextInt(4)) {
                case 0 -> random.nextInt(10);
                case 1 -> random.nextInt(100_000);
                case 2 -> NumberSet.MAX_NUMBER;
                default -> random.nextLong(NumberSet.MAX_NUMBER + 1);
            };
        }

        private ModSeq modSeq() {
            return switch (random.nextInt(4)) {
                case 0 -> ModSeq.ZERO;
                case 1 -> ModSeq.MAX;
                case 2 -> ModSeq.of(random.nextInt(1000));
                default -> ModSeq.of(random.nextLong() & Long.MAX_VALUE);
            };
        }

        private Optional<ModSeq> optionalModSeq() {
            return random.nextBoolean() ? Optional.empty() : Optional.of(modSeq());
        }

        private Set<Flag> flags() {
            return new LinkedHashSet<>(some(0, 4, () -> pick(FLAGS)));
        }

        private String name() {
            return random.nextInt(4) == 0 ? text() : pick(NAMES);
        }

        private String text() {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
            }
            return sb.toString();
        }

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        private <T> List<T> some(int min, int max, Supplier<T> element) {
            List<T> list = new ArrayList<>();
            int n = min + random.nextInt(max - min + 1);
            for (int i = 0; i < n; i++) {
                list.add(element.get());
            }
            return list;
        }
    }
}
