package org.modseq.properties.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.hostile.HostileInput.Ending;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/**
 * Issue 7: adversarial input over TCP to the reference server. For every input of
 * {@link HostileInputs#any()} the server refuses each command with a tagged BAD or NO whose text
 * is for people (no exception name, no stack frame, no "null"), or for a line or literal beyond
 * its limit says BYE and closes (RFC 7162 §4, R106), or closes after a client that gave up
 * mid-command; it never stops answering; and the mailbox, as a second connection sees it through
 * STATUS and FETCH (UID FLAGS MODSEQ), is as it was.
 *
 * <p>The default run tries {@value #FAST_TRIES} inputs; {@code -Dmodseq.properties.profile=deep}
 * tries {@value #DEEP_TRIES}.
 */
class HostileInputTest {

    static final int FAST_TRIES = 4000;
    static final int DEEP_TRIES = 30_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String USER = "alice";
    private static final String PASSWORD = "alice-pw";

    private static ImapServer server;
    private static RawImapClient observer;
    private static List<String> before;
    private static int observerTags;

    @BeforeAll
    static void startServer() throws IOException {
        StoreEngine engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of(USER, PASSWORD),
                NamespaceMode.PER_USER);
        server = ImapServer.start(engine, ServerConfig.defaults().withPort(0)
                .withMaxLineLength(HostileInputs.MAX_LINE_LENGTH)
                .withMaxLiteralSize(HostileInputs.MAX_LITERAL_SIZE)
                .withIdlePollInterval(ServerConfig.DEFAULT_IDLE_TIMEOUT));
        observer = new RawImapClient(server.port(), TIMEOUT);
        observer.readLine();
        observer.command("o1", "LOGIN " + USER + " " + PASSWORD);
        for (int i = 1; i <= 4; i++) {
            String message = "Subject: message " + i + "\r\n\r\nbody " + i + "\r\n";
            observer.command("o2", "APPEND INBOX (\\Seen) {" + message.length() + "+}\r\n" + message);
        }
        observer.command("o3", "ENABLE QRESYNC");
        observer.command("o4", "SELECT INBOX");
        observer.command("o5", "STORE 2 +FLAGS ($Work)");
        observer.command("o6", "STORE 3 -FLAGS (\\Seen)");
        before = snapshot();
    }

    @AfterAll
    static void stopServer() throws IOException {
        observer.close();
        server.close();
    }

    /** The mailbox as the observer sees it: STATUS, then each message's UID, flags and modseq. */
    private static List<String> snapshot() throws IOException {
        String tag = "s" + ++observerTags;
        List<String> lines = new ArrayList<>(observer.command(tag,
                "STATUS INBOX (MESSAGES UIDNEXT HIGHESTMODSEQ UIDVALIDITY)"));
        lines.addAll(observer.command(tag + "f", "FETCH 1:* (UID FLAGS MODSEQ)"));
        // \Recent belongs to sessions, not to the mailbox (RFC 3501 §2.3.2); the tagged OKs are not state.
        return lines.stream().filter(line -> line.startsWith("* "))
                .map(line -> line.replace("\\Recent ", "").replace(" \\Recent", "").replace("\\Recent", ""))
                .toList();
    }

    @Test
    void everyHostileInputIsRefusedClearlyWithoutHangOrChange() {
        Settings settings = Settings.fromSystemProperties(FAST_TRIES, DEEP_TRIES, 1, 1);
        AtomicInteger tried = new AtomicInteger();
        AtomicInteger commands = new AtomicInteger();
        PropertyResult<HostileInput> result = PropertyRunner.forAll("hostile input", HostileInputs.any(), input -> {
            tried.incrementAndGet();
            commands.addAndGet(input.tags().size());
            try {
                exchange(input);
                assertEquals(before, snapshot(), "the mailbox changed after " + input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, settings);
        System.out.println(result.report());
        System.out.println("Hostile inputs tried: " + tried.get() + " (" + commands.get() + " tagged commands)");
        result.assertPassed();
    }

    /** Sends the input from a fresh connection in its state and checks how the server ends it. */
    private static void exchange(HostileInput input) throws IOException {
        try (RawImapClient client = new RawImapClient(server.port(), TIMEOUT)) {
            client.readLine();
            switch (input.state()) {
                case NOT_AUTHENTICATED -> {
                }
                case AUTHENTICATED -> client.command("a", "LOGIN " + USER + " " + PASSWORD);
                case SELECTED -> {
                    client.command("a", "LOGIN " + USER + " " + PASSWORD);
                    client.command("b", "SELECT INBOX");
                }
                case SELECTED_QRESYNC -> {
                    client.command("a", "LOGIN " + USER + " " + PASSWORD);
                    client.command("b", "ENABLE QRESYNC");
                    client.command("c", "SELECT INBOX");
                }
            }
            client.send(input.octets());
            switch (input.ending()) {
                case REFUSED -> {
                    for (String tag : input.tags()) {
                        List<String> lines = client.readUntilTagged(tag);
                        lines.forEach(line -> requireClear(line, input));
                        String last = lines.getLast();
                        if (last == null) {
                            throw new AssertionError("the server closed instead of refusing " + tag + ": " + input
                                    + "; it said " + lines);
                        }
                        requireRefusal(last, tag, input);
                    }
                    // The session goes on, in step: the next command is answered as itself.
                    List<String> after = client.command("z", "NOOP");
                    after.forEach(line -> requireClear(line, input));
                }
                case BYE -> {
                    List<String> lines = untilClose(client);
                    lines.forEach(line -> requireClear(line, input));
                    if (lines.stream().noneMatch(line -> line.startsWith("* BYE "))) {
                        throw new AssertionError("no BYE before the close for " + input + "; it said " + lines);
                    }
                    lines.stream().filter(line -> !line.startsWith("* ") && !line.startsWith("+ "))
                            .forEach(line -> requireRefusal(line, input.tags().getFirst(), input));
                }
                case UNTAGGED_BAD -> {
                    String line = client.readLine();
                    requireClear(line, input);
                    if (line == null || !line.startsWith("* BAD ") || line.length() < "* BAD ".length() + 5) {
                        throw new AssertionError("no untagged BAD with a text for " + input + ": " + line);
                    }
                    client.command("z", "NOOP").forEach(after -> requireClear(after, input));
                }
                case TRUNCATED -> {
                    client.endInput();
                    List<String> lines = untilClose(client);
                    lines.forEach(line -> requireClear(line, input));
                    lines.stream().filter(line -> !line.startsWith("* ") && !line.startsWith("+ "))
                            .forEach(line -> requireRefusal(line, input.tags().getFirst(), input));
                }
            }
        }
    }

    private static List<String> untilClose(RawImapClient client) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = client.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }

    private static void requireRefusal(String line, String tag, HostileInput input) {
        if (!line.startsWith(tag + " BAD ") && !line.startsWith(tag + " NO ")) {
            throw new AssertionError("not refused: " + input + "; the server said " + line);
        }
        String text = line.substring(line.indexOf(' ', tag.length() + 1) + 1).replaceFirst("^\\[[^]]*] ?", "");
        if (text.strip().length() < 5) {
            throw new AssertionError("no text to read in the refusal of " + input + ": " + line);
        }
    }

    /** Text for people: no Java exception, no stack frame, no "null" from a missing value. */
    private static void requireClear(String line, HostileInput input) {
        if (line == null) {
            return;
        }
        for (String leak : List.of("Exception", "at org.", "at java.", "null", "Error:")) {
            if (line.contains(leak)) {
                throw new AssertionError("the server's answer leaks \"" + leak + "\" for " + input + ": " + line);
            }
        }
    }
}
