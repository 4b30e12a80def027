package org.modseq.reference.engine;

import org.modseq.reference.store.SessionView;

/** One connection's session in a {@link StoreEngine}: the mutable counterpart of the model's Session. */
final class StoreSession {

    final String id;
    /** The authenticated user, or null before LOGIN. */
    String user;
    /** CONDSTORE-aware for the rest of the connection (R15, R16). */
    boolean condstore;
    /** ENABLE QRESYNC succeeded (R61, R63, R81); implies {@link #condstore}. */
    boolean qresync;
    /** The tag of an AUTHENTICATE that awaits the client's response (RFC 3501 §6.2.2), or null. */
    String authenticating;
    /** The selected mailbox's view, or null. */
    SessionView view;

    StoreSession(String id) {
        this.id = id;
    }

    boolean isAuthenticated() {
        return user != null;
    }

    /** Leaves the selected state, if in it. */
    void unselect() {
        if (view != null) {
            view.close();
            view = null;
        }
    }
}
