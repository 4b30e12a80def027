package org.modseq.properties.sessions;

import java.util.List;
import org.modseq.model.command.Command;

/**
 * A server under test as client sessions named by id (A, B, C), each on a connection of its own,
 * reached in process ({@link InProcessSessions}) or over TCP ({@link TcpSessions}): the
 * differential properties, the judged histories and the checker all drive servers through it.
 * Answers are wire text, one string per response, literals inline, one char per octet, as
 * {@link org.modseq.model.response.Response#toWire()} renders it.
 */
public interface ServerSessions extends AutoCloseable {

    /** Drops session {@code id}'s connection, if any, without LOGOUT and opens a new one: its greeting. */
    List<String> connect(String id);

    /**
     * Sends one command of session {@code id}: its responses through the tagged one. An IDLE is
     * ended by DONE at once, as {@link InProcessSessions#idleThenDone} answers it.
     */
    List<String> send(String id, String tag, Command command);

    /**
     * Sends the line a continuation request of command {@code tag} asked for (AUTHENTICATE,
     * RFC 3501 §6.2.2): the responses through the tagged one, or through the next request.
     */
    List<String> continueWith(String id, String tag, String line);

    /** What session {@code id} is owed now, as it would be told while idling (a NOOP's untagged responses). */
    List<String> idleUpdates(String id);

    /** Closes every connection and whatever serves them. */
    @Override
    void close();
}
