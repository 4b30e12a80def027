package org.modseq.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.modseq.model.command.Command;
import org.modseq.model.command.Command.IdParameter;

/**
 * The parser on the commands a client sends before it syncs: AUTHENTICATE (RFC 3501 §6.2.2, RFC
 * 4959), ID (RFC 2971), NAMESPACE (RFC 2342), LIST, LSUB, SUBSCRIBE and UNSUBSCRIBE (RFC 3501
 * §6.3.6-§6.3.9).
 */
class AccountCommandParserTest {

    static Stream<Arguments> validCommands() {
        return Stream.of(
                arguments("AUTHENTICATE PLAIN", new Command.Authenticate("PLAIN", Optional.empty())),
                arguments("authenticate plain AGFsZXgAcHc=", new Command.Authenticate("plain",
                        Optional.of("AGFsZXgAcHc="))),
                arguments("AUTHENTICATE PLAIN =", new Command.Authenticate("PLAIN", Optional.of("="))),
                // Not base64, but the grammar's atom: decoding it is the server's job (its BAD, RFC 4959 §3).
                arguments("AUTHENTICATE PLAIN !!!", new Command.Authenticate("PLAIN", Optional.of("!!!"))),
                arguments("AUTHENTICATE X-UNKNOWN", new Command.Authenticate("X-UNKNOWN", Optional.empty())),
                arguments("ID NIL", new Command.Id(Optional.empty())),
                arguments("id nil", new Command.Id(Optional.empty())),
                arguments("ID ()", new Command.Id(Optional.of(List.of()))),
                arguments("ID (\"name\" \"Thunderbird\" \"version\" \"115.0\")", id("name", "Thunderbird",
                        "version", "115.0")),
                arguments("ID (\"name\" NIL)", new Command.Id(Optional.of(List.of(new IdParameter("name",
                        Optional.empty()))))),
                arguments("ID ({4}\r\nname \"x\\\"y\")", id("name", "x\"y")),
                arguments("NAMESPACE", new Command.Namespace()),
                arguments("LIST \"\" *", list("", "*")),
                arguments("LIST \"\" \"\"", list("", "")),
                arguments("list \"\" %", list("", "%")),
                arguments("LIST Work/ %/x]", list("Work/", "%/x]")),
                arguments("LIST \"\" \"Sent Items/*\"", list("", "Sent Items/*")),
                arguments("LIST {4}\r\nWork {1}\r\n*", list("Work", "*")),
                arguments("LIST \"~/Mail/\" INBOX", list("~/Mail/", "INBOX")),
                arguments("LSUB \"\" *", new Command.ListMailboxes(true, "", "*")),
                arguments("lsub \"\" \"%\"", new Command.ListMailboxes(true, "", "%")),
                arguments("SUBSCRIBE Archive", new Command.Subscribe("Archive")),
                arguments("subscribe \"Sent Items\"", new Command.Subscribe("Sent Items")),
                arguments("UNSUBSCRIBE inbox", new Command.Unsubscribe("inbox")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCommands")
    void parsesValidCommands(String text, Command expected) throws CommandSyntaxException {
        assertEquals(expected, CommandParser.parseCommand(text));
        assertEquals(expected, CommandParser.parseCommand(expected.toWire()), "round trip of " + expected.toWire());
    }

    static Stream<Arguments> invalidCommands() {
        return Stream.of(
                arguments("AUTHENTICATE", "missing authentication mechanism"),
                arguments("AUTHENTICATE \"PLAIN\"", "expected authentication mechanism, found \"\"PLAIN\"\""),
                arguments("AUTHENTICATE PLAIN ", "missing initial response"),
                arguments("AUTHENTICATE PLAIN (x)", "expected initial response, found \"(x)\""),
                arguments("AUTHENTICATE PLAIN abc= def", "unexpected text after command: \" def\""),
                arguments("ID", "missing ID parameter list"),
                arguments("ID name", "expected ID parameter list in parentheses, or NIL, found \"name\""),
                arguments("ID (name \"x\")", "expected ID field name as a quoted string or literal, found \"name"),
                arguments("ID (\"name\")", "expected a space before ID field value, found \")\""),
                arguments("ID (\"name\" x)", "expected ID field value as a quoted string or literal, found \"x)\""),
                arguments("ID (\"name\" \"x\"", "expected ')'"),
                arguments("ID (\"a\" \"b\"  \"c\" \"d\")", "expected ID field name as a quoted string or literal"),
                arguments("ID NIL NIL", "unexpected text after command"),
                arguments("NAMESPACE x", "unexpected text after command: \" x\""),
                arguments("LIST", "missing reference name"),
                arguments("LIST \"\"", "missing mailbox pattern"),
                arguments("LIST \"\" ", "missing mailbox pattern"),
                arguments("LIST * *", "expected reference name, found \"* *\""),
                arguments("LIST \"\" (x)", "expected mailbox pattern, found \"(x)\""),
                arguments("LIST \"\" \"x", "unterminated quoted string"),
                arguments("LIST \"\" * extra", "unexpected text after command: \" extra\""),
                arguments("LSUB \"\"", "missing mailbox pattern"),
                arguments("SUBSCRIBE", "missing mailbox name"),
                arguments("UNSUBSCRIBE a b", "unexpected text after command: \" b\""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("invalidCommands")
    void rejectsInvalidCommandsNamingTheProblem(String text, String expectedMessagePart) {
        CommandSyntaxException e = assertThrows(CommandSyntaxException.class, () -> CommandParser.parseCommand(text));
        assertTrue(e.getMessage().contains(expectedMessagePart),
                () -> "message \"" + e.getMessage() + "\" lacks \"" + expectedMessagePart + "\"");
        assertTrue(e.badResponse().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.badResponse());
    }

    private static Command list(String reference, String pattern) {
        return new Command.ListMailboxes(false, reference, pattern);
    }

    private static Command id(String... fieldsAndValues) {
        List<IdParameter> parameters = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            parameters.add(new IdParameter(fieldsAndValues[i], Optional.of(fieldsAndValues[i + 1])));
        }
        return new Command.Id(Optional.of(parameters));
    }
}
