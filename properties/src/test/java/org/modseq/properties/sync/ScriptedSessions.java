package org.modseq.properties.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.modseq.model.command.Command;
import org.modseq.properties.sessions.ServerSessions;

/**
 * A server that answers from a script: each command must be the next one expected, word for
 * word, and gets the scripted lines back with {@code TAG} replaced by its tag.
 */
final class ScriptedSessions implements ServerSessions {

    private record Exchange(String command, List<String> lines) {
    }

    private final Deque<Exchange> script = new ArrayDeque<>();
    private int connects;

    /** The next command the client must send, and the server's answer. */
    ScriptedSessions expect(String command, String... lines) {
        script.addLast(new Exchange(command, List.of(lines)));
        return this;
    }

    int connects() {
        return connects;
    }

    void assertDone() {
        assertTrue(script.isEmpty(), () -> "the client did not send " + script.peekFirst().command());
    }

    @Override
    public List<String> connect(String id) {
        connects++;
        return List.of("* OK scripted server ready");
    }

    @Override
    public List<String> send(String id, String tag, Command command) {
        assertFalse(script.isEmpty(), () -> "the client sent " + command.toWire() + " after the script ended");
        Exchange next = script.removeFirst();
        assertEquals(next.command(), command.toWire(), "the client's command");
        return next.lines().stream().map(line -> line.replace("TAG", tag)).toList();
    }

    @Override
    public List<String> continueWith(String id, String tag, String line) {
        throw new UnsupportedOperationException("no continuations in a script");
    }

    @Override
    public List<String> idleUpdates(String id) {
        throw new UnsupportedOperationException("no IDLE in a script");
    }

    @Override
    public void close() {
    }
}
