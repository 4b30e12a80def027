package org.modseq.model.session;

import java.util.Optional;

/**
 * One client connection as the server sees it.
 *
 * @param id the model's name for the connection
 * @param user the authenticated user, empty before LOGIN
 * @param condstore CONDSTORE-aware: an enabling command was issued (RFC 7162 §3.1, R15, R16)
 * @param qresync ENABLE QRESYNC was answered with ENABLED (R61, R63, R81)
 * @param selected the selected mailbox, if any
 * @param authenticating the tag of an AUTHENTICATE that awaits the client's response to its
 *     continuation request (RFC 3501 §6.2.2); until it comes, the connection sends no command
 */
public record Session(String id, Optional<String> user, boolean condstore, boolean qresync,
        Optional<SelectedMailbox> selected, Optional<String> authenticating) {

    public static Session connected(String id) {
        return new Session(id, Optional.empty(), false, false, Optional.empty(), Optional.empty());
    }

    public boolean isAuthenticated() {
        return user.isPresent();
    }

    public String userName() {
        return user.orElseThrow(() -> new IllegalStateException("session " + id + " is not authenticated"));
    }

    public SelectedMailbox mailbox() {
        return selected.orElseThrow(() -> new IllegalStateException("session " + id + " has no mailbox selected"));
    }

    public Session withUser(String name) {
        return new Session(id, Optional.of(name), condstore, qresync, selected, authenticating);
    }

    /** CONDSTORE-aware from now on, for the rest of the connection (R16). */
    public Session withCondstore() {
        return new Session(id, user, true, qresync, selected, authenticating);
    }

    /** QRESYNC enabled; it implies CONDSTORE (R15, R58). */
    public Session withQresync() {
        return new Session(id, user, true, true, selected, authenticating);
    }

    public Session withSelected(SelectedMailbox mailbox) {
        return new Session(id, user, condstore, qresync, Optional.of(mailbox), authenticating);
    }

    public Session unselected() {
        return new Session(id, user, condstore, qresync, Optional.empty(), authenticating);
    }

    /** The AUTHENTICATE tagged {@code tag} now waits for the client's response. */
    public Session authenticating(String tag) {
        return new Session(id, user, condstore, qresync, selected, Optional.of(tag));
    }

    /** No AUTHENTICATE waits any more: the response came, or the exchange ended. */
    public Session notAuthenticating() {
        return new Session(id, user, condstore, qresync, selected, Optional.empty());
    }
}
