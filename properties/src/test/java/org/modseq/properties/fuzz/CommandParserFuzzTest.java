package org.modseq.properties.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.reference.net.CommandReader;

/**
 * Coverage-guided fuzzing of the command path a client's octets take (issue 7): the reference's
 * {@link CommandReader} cuts them into commands, literals followed, and the model's
 * {@link CommandParser} parses each. Whatever the octets, the reader returns one of its inputs
 * and the parser a command or a {@link CommandSyntaxException} (its documented contract), never
 * another exception; and a command parsed is one whose wire text parses back to it.
 *
 * <p>Without {@code JAZZER_FUZZ} (the default test run) Jazzer replays the inputs under
 * {@code src/test/resources/org/modseq/properties/fuzz/CommandParserFuzzTestInputs/}; the
 * {@code fuzz-command-parser} execution of properties/pom.xml fuzzes for 30 s in
 * {@code mvn verify} (docs/robustness.md).
 */
class CommandParserFuzzTest {

    private static final int MAX_LINE_LENGTH = 8192;
    private static final long MAX_LITERAL_SIZE = 64 * 1024;
    /** More commands than any input of the fuzzer's size holds, so the loop ends on its own. */
    private static final int MAX_COMMANDS = 4096;

    @FuzzTest(maxDuration = "30s")
    void octetsFromAClientBecomeCommandsOrSyntaxErrors(byte[] octets) throws IOException {
        CommandReader reader = new CommandReader(new ByteArrayInputStream(octets), OutputStream.nullOutputStream(),
                MAX_LINE_LENGTH, MAX_LITERAL_SIZE);
        for (int i = 0; i < MAX_COMMANDS; i++) {
            CommandReader.Input input = reader.readCommand();
            if (input instanceof CommandReader.Input.EndOfStream) {
                return;
            }
            if (input instanceof CommandReader.Input.Text text) {
                parsesBackOrIsRefused(text.text());
            }
        }
    }

    private static void parsesBackOrIsRefused(String line) {
        CommandParser.Tagged tagged;
        try {
            tagged = CommandParser.parse(line);
        } catch (CommandSyntaxException e) {
            assertFalse(e.badResponse().isBlank(), () -> "a refusal without text for " + line);
            return;
        }
        String again = tagged.tag() + " " + tagged.command().toWire();
        try {
            assertEquals(tagged, CommandParser.parse(again), () -> line + " was read as " + again);
        } catch (CommandSyntaxException e) {
            throw new AssertionError(line + " was read as " + again + ", which does not parse: "
                    + e.getMessage(), e);
        }
    }
}
