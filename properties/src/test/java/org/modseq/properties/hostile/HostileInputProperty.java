package org.modseq.properties.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/**
 * Issue 7: adversarial input over TCP to a server of an engine. For every input of
 * {@link HostileInputs#any()} the server refuses each command with a tagged BAD or NO whose text
 * is for people (no exception name, no stack frame, no "null"), or for a line or literal beyond
 * its limit says BYE and closes (RFC 7162 §4, R106), or closes after a client that gave up
 * mid-command; it never stops answering; and the mailbox, as a second connection sees it through
 * STATUS and FETCH (UID FLAGS MODSEQ), is as it was.
 */
final class HostileInputProperty implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String USER = "alice";
    static final String PASSWORD = "alice-pw";

    private final ImapServer server;
    private final RawImapClient observer;
    /** The mailbox as it must stay; taken again after a change, so that shrinking finds the input that made it. */
    private List<String> before;
    private int observerTags;

    /** The reference's store engine, with one namespace per user as {@code modseq serve} runs it. */
    static StoreEngine reference() {
        return StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of(USER, PASSWORD), NamespaceMode.PER_USER);
    }

    /** Serves {@code engine} on a free port with the hostile inputs' limits, and fills INBOX. */
    HostileInputProperty(ImapEngine engine) throws IOException {
        server = ImapServer.start(engine, ServerConfig.defaults().withPort(0)
                .withMaxLineLength(HostileInputs.MAX_LINE_LENGTH)
                .withMaxLiteralSize(HostileInputs.MAX_LITERAL_SIZE)
                // one fresh connection per input: a closed one may not have given back its slot yet
                .withMaxConnectionsPerUser(ServerConfig.DEFAULT_MAX_CONNECTIONS)
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

    @Override
    public void close() throws IOException {
        observer.close();
        server.close();
    }

    /** The mailbox as the observer sees it: STATUS, then each message's UID, flags and modseq. */
    private List<String> snapshot() throws IOException {
        String tag = "s" + ++observerTags;
        // Updates a change pushed to the observer come with the first command: only STATUS is kept from it.
        List<String> lines = new ArrayList<>(observer.command(tag,
                "STATUS INBOX (MESSAGES UIDNEXT HIGHESTMODSEQ UIDVALIDITY)").stream()
                .filter(line -> line.startsWith("* STATUS ")).toList());
        // \Recent belongs to sessions, not to the mailbox (RFC 3501 §2.3.2); the tagged OK is not state.
        observer.command(tag + "f", "FETCH 1:* (UID FLAGS MODSEQ)").stream()
                .filter(line -> line.startsWith("* ") && line.contains(" FETCH "))
                .map(line -> line.replace("\\Recent ", "").replace(" \\Recent", "").replace("\\Recent", ""))
                .distinct().forEach(lines::add);
        return lines;
    }

    /**
     * Checks the property over {@code settings.tries()} inputs; prints the result and how many
     * inputs and tagged commands were tried.
     */
    PropertyResult<HostileInput> check(Settings settings) {
        AtomicInteger tried = new AtomicInteger();
        AtomicInteger commands = new AtomicInteger();
        PropertyResult<HostileInput> result = PropertyRunner.forAll("hostile input", HostileInputs.any(), input -> {
            tried.incrementAndGet();
            commands.addAndGet(input.tags().size());
            try {
                exchange(input);
                List<String> expected = before;
                List<String> after = snapshot();
                before = after;
                assertEquals(expected, after, "the mailbox changed after " + input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, settings);
        System.out.println(result.report());
        System.out.println("Hostile inputs tried: " + tried.get() + " (" + commands.get() + " tagged commands)");
        return result;
    }

    /** Sends the input from a fresh connection in its state and checks how the server ends it. */
    private void exchange(HostileInput input) throws IOException {
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
