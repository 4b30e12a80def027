package org.modseq.model.judge;

/**
 * What one connection's client has been told, as RFC 7162's promises depend on it (§3.1, §3.2.10,
 * §6): who it is, whether it is CONDSTORE-aware and QRESYNC-enabled, and its view of the selected
 * mailbox. Mutable; copied per event.
 */
final class Client {

    /** Whether the client issued a CONDSTORE enabling command (R15, R16). */
    enum Awareness {
        NONE,
        /** An enabling command was answered NO: the server may or may not count it. */
        MAYBE,
        AWARE
    }

    final String id;
    String user;
    Awareness awareness = Awareness.NONE;
    boolean qresync;
    /** The selected mailbox as the client sees it, or null. */
    ClientView view;
    /** Logged out or told BYE. */
    boolean closed;

    Client(String id) {
        this.id = id;
    }

    private Client(Client other) {
        this.id = other.id;
        this.user = other.user;
        this.awareness = other.awareness;
        this.qresync = other.qresync;
        this.view = other.view;
        this.closed = other.closed;
    }

    Client copy() {
        return new Client(this);
    }

    boolean aware() {
        return awareness == Awareness.AWARE;
    }
}
