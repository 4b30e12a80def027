package org.modseq.reference.engine;

import java.util.List;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;

/** One client connection to an {@link ImapEngine}. Its methods are called from one thread at a time. */
public interface Connection {

    /** The untagged greeting the server sends first (RFC 3501 §7.1). */
    Response greeting();

    /**
     * Executes one command: its responses, untagged first and the tagged one last. For IDLE the
     * first response is the continuation request; the tagged one ends the IDLE when the client
     * sends DONE, and whatever {@link #idleUpdates()} returns meanwhile goes between.
     *
     * <p>When the last response is a continuation request instead, the command is not over: the
     * client's next line is its answer and goes to {@link #continueWith}, not to this method. So
     * it is for AUTHENTICATE without an initial response (RFC 3501 §6.2.2).
     */
    List<Response> execute(String tag, Command command);

    /**
     * The client's line that answers the continuation request ending the last {@link #execute} or
     * {@code continueWith}: the command goes on, and its responses end as {@code execute}'s do.
     * The engine judges the line (for AUTHENTICATE, {@code *} cancels); the network only carries it.
     *
     * @throws IllegalStateException if no command awaits a line; a connection that never asks for
     *     one need not implement this
     */
    default List<Response> continueWith(String line) {
        throw new IllegalStateException("this connection awaits no continuation line");
    }

    /** The untagged updates owed to this connection now, to send while it idles (RFC 2177); often empty. */
    List<Response> idleUpdates();

    /**
     * The user this connection is logged in as, so that the network layer can hold each user to a
     * number of connections; empty before LOGIN or AUTHENTICATE succeeds, or when the engine does
     * not tell.
     */
    default Optional<String> user() {
        return Optional.empty();
    }

    /** True once LOGOUT completed: the network layer closes the connection. */
    boolean isLoggedOut();

    /** The connection ended without LOGOUT (a dropped socket, a timeout). */
    void drop();
}
