package org.modseq.reference.engine;

/**
 * The core of an IMAP server without the network: accounts, mailboxes and connections. The
 * network layer turns bytes into {@link org.modseq.model.command.Command} values and
 * {@link org.modseq.model.response.Response} values back into bytes; everything in between is an
 * engine's. Implementations are thread-safe: connections run on threads of their own.
 */
public interface ImapEngine {

    /** Opens a new connection, unauthenticated; send its {@link Connection#greeting()} first. */
    Connection open();
}
