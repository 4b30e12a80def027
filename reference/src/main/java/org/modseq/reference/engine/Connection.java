package org.modseq.reference.engine;

import java.util.List;
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
     */
    List<Response> execute(String tag, Command command);

    /** The untagged updates owed to this connection now, to send while it idles (RFC 2177); often empty. */
    List<Response> idleUpdates();

    /** True once LOGOUT completed: the network layer closes the connection. */
    boolean isLoggedOut();

    /** The connection ended without LOGOUT (a dropped socket, a timeout). */
    void drop();
}
