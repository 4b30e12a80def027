package org.modseq.reference.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.wire.CommandParser;
import org.modseq.reference.net.CommandReader.Input;

/** Reading commands from octets, without sockets. */
class CommandReaderTest {

    private final ByteArrayOutputStream continuations = new ByteArrayOutputStream();

    private CommandReader reader(byte[] octets, int maxLineLength, long maxLiteralSize) {
        return new CommandReader(new ByteArrayInputStream(octets), continuations, maxLineLength, maxLiteralSize);
    }

    private CommandReader reader(String text) {
        return reader(text.getBytes(StandardCharsets.UTF_8), 100, 100);
    }

    private static String text(Input input) {
        return assertInstanceOf(Input.Text.class, input).text();
    }

    @Test
    void readsLinesEndingInCrlfOrLf() throws Exception {
        CommandReader reader = reader("a NOOP\r\nb NOOP\nc NOOP");
        assertEquals("a NOOP", text(reader.readCommand()));
        assertEquals("b NOOP", text(reader.readCommand()));
        // A line cut off by the end of the stream is no command.
        assertInstanceOf(Input.EndOfStream.class, reader.readCommand());
    }

    @Test
    void followsLiteralsAndAsksForSynchronizingOnesOnly() throws Exception {
        CommandReader reader = reader("a LOGIN {5}\r\nalice {2+}\r\npw\r\n");
        String command = text(reader.readCommand());
        assertEquals("a LOGIN {5}\r\nalice {2+}\r\npw", command);
        assertEquals(CommandReader.CONTINUATION + "\r\n", continuations.toString(StandardCharsets.US_ASCII));
        assertEquals(new Command.Login("alice", "pw"), CommandParser.parse(command).command());
    }

    @Test
    void literalOctetsMayHoldLineEnds() throws Exception {
        String command = text(reader("a APPEND INBOX {6+}\r\nA\r\n\nB\n\r\n").readCommand());
        assertEquals(new Command.Append("INBOX", Set.of(), "A\r\n\nB\n"), CommandParser.parse(command).command());
    }

    @Test
    void literalOctetsThatAreNotUtf8SurviveUnchanged() throws Exception {
        byte[] octets = {'a', ' ', 'A', 'P', 'P', 'E', 'N', 'D', ' ', 'I', 'N', 'B', 'O', 'X', ' ', '{', '3', '+', '}',
            '\r', '\n', 'x', (byte) 0xE9, 'y', '\r', '\n'};
        String command = text(reader(octets, 100, 100).readCommand());
        // A Latin-1 message must not be "repaired": one char per octet keeps 0xE9 as it came.
        assertEquals("a APPEND INBOX {3+}\r\nx\u00e9y", command);
        assertEquals("x\u00e9y", ((Command.Append) CommandParser.parse(command).command()).content());
    }

    @Test
    void lineLimitCountsTheWholeCommandOutsideLiterals() throws Exception {
        String line = "a " + "x".repeat(98);
        assertEquals(line, text(reader(line + "\r\n").readCommand()));
        assertEquals(new Input.LineTooLong("a"), reader(line + "y\r\n").readCommand());
        assertEquals(new Input.LineTooLong("*"), reader("{bad " + line + "\r\n").readCommand());
        // Two lines of a command share the budget; the literal's octets do not count.
        String first = "a APPEND INBOX {10+}";
        String second = " " + "z".repeat(100 - first.length() - 1);
        assertInstanceOf(Input.Text.class, reader(first + "\r\n0123456789" + second + "\r\n").readCommand());
        assertEquals(new Input.LineTooLong("a"), reader(first + "\r\n0123456789" + second + "z\r\n").readCommand());
    }

    @Test
    void crlfSplitAcrossReadsIsOneLineEnd() throws Exception {
        // An input stream that hands out one octet per read, so every line end straddles two fills.
        byte[] octets = "a NOOP\r\nb LOGIN {1}\r\nx y\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream trickle = new ByteArrayInputStream(octets) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        CommandReader reader = new CommandReader(trickle, continuations, 100, 100);
        assertEquals("a NOOP", text(reader.readCommand()));
        assertEquals("b LOGIN {1}\r\nx y", text(reader.readCommand()));
    }

    @Test
    void literalBeyondTheLimitIsNotRead() throws Exception {
        CommandReader reader = reader("t1 APPEND INBOX {101}\r\nt2 NOOP\r\n");
        assertEquals(new Input.LiteralTooLarge("t1", 101, true), reader.readCommand());
        assertEquals("", continuations.toString(StandardCharsets.US_ASCII));
        assertEquals("t2 NOOP", text(reader.readCommand()));
        assertEquals(new Input.LiteralTooLarge("t3", Long.MAX_VALUE, false),
                reader("t3 APPEND INBOX {99999999999999999999999+}\r\n").readCommand());
        // Literals of one command add up.
        assertInstanceOf(Input.LiteralTooLarge.class,
                reader("t4 LOGIN {60+}\r\n" + "u".repeat(60) + " {41+}\r\n").readCommand());
        assertEquals(new Input.LiteralTooLarge("*", 101, true), reader("{101}\r\n").readCommand());
    }

    @Test
    void endOfStreamInsideALiteral() throws Exception {
        assertInstanceOf(Input.EndOfStream.class, reader("a APPEND INBOX {10+}\r\nabc").readCommand());
    }

    @Test
    void readLineDoesNotFollowLiterals() throws Exception {
        CommandReader reader = reader("DONE {5}\r\n");
        assertEquals("DONE {5}", text(reader.readLine()));
        assertEquals("", continuations.toString(StandardCharsets.US_ASCII));
        assertInstanceOf(Input.EndOfStream.class, reader.readLine());
    }

    @Test
    void tagForRefusals() {
        assertEquals("a1", CommandReader.tagOf("a1 APPEND INBOX {5}"));
        assertEquals("*", CommandReader.tagOf("a+1 APPEND INBOX {5}"));
        assertEquals("*", CommandReader.tagOf(" APPEND"));
    }
}
