package org.modseq.model.judge;

import java.util.HashMap;
import java.util.Map;
import org.modseq.model.server.ServerState;

/**
 * Everything the judge knows between two events: the true content of every mailbox it knows
 * (the checker is the only client, so it knows every change) and what each connection's client
 * was told. Mutable; {@link Judge} copies it for every event, so that a judge value never changes.
 */
final class Knowledge {

    final ServerSetup setup;
    final Map<String, MailboxTruth> mailboxes;
    final Map<String, Client> clients;
    /**
     * Each mailbox the history deleted (or renamed away) and did not create again, with its
     * UIDVALIDITY (0 if never seen), which a mailbox created under its name must exceed.
     */
    final Map<String, Long> formerUidValidity;
    int nextVar;

    Knowledge(ServerSetup setup) {
        this.setup = setup;
        this.mailboxes = new HashMap<>();
        this.clients = new HashMap<>();
        this.formerUidValidity = new HashMap<>();
        this.nextVar = 1;
    }

    private Knowledge(Knowledge other) {
        this.setup = other.setup;
        this.mailboxes = new HashMap<>();
        other.mailboxes.forEach((key, truth) -> mailboxes.put(key, truth.copy()));
        this.clients = new HashMap<>();
        other.clients.forEach((id, client) -> clients.put(id, client.copy()));
        this.formerUidValidity = new HashMap<>(other.formerUidValidity);
        this.nextVar = other.nextVar;
    }

    Knowledge copy() {
        return new Knowledge(this);
    }

    /** The key of a mailbox of {@code user}: its name (INBOX in any case is INBOX), per user unless mailboxes are shared. */
    String key(String user, String name) {
        String normal = ServerState.mailboxName(name);
        return setup.sharedMailboxes() ? normal : user + "/" + normal;
    }

    /** The mailbox, or null when the judge does not know it; every account starts with an empty INBOX. */
    MailboxTruth mailbox(String user, String name) {
        String key = key(user, name);
        MailboxTruth truth = mailboxes.get(key);
        if (truth == null && ServerState.mailboxName(name).equals("INBOX")) {
            truth = new MailboxTruth("INBOX", true);
            mailboxes.put(key, truth);
        }
        return truth;
    }

    int newVar() {
        return nextVar++;
    }
}
