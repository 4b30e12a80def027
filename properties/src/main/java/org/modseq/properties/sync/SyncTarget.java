package org.modseq.properties.sync;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.modseq.properties.sessions.ServerSessions;

/**
 * The server a convergence property runs against and how: a fresh set of sessions for each
 * history, the client's account, the accounts of the sessions that change the mailbox meanwhile
 * (the client's own user again on a server where users do not share mailboxes), and the two
 * mailboxes the history uses, which it deletes and creates anew at its start.
 *
 * @param name what the reports call the server
 * @param server opens sessions to the server, a new server for each history where it can
 * @param client the synchronising client's account; the session reading the truth uses it too,
 *     so that private flags look the same (R8)
 * @param changers one account per changing session, at least one
 * @param mailbox the mailbox the client synchronises
 * @param other the mailbox messages move to and from
 */
public record SyncTarget(String name, Supplier<ServerSessions> server, Account client, List<Account> changers,
        String mailbox, String other) {

    public SyncTarget {
        Objects.requireNonNull(server, "server");
        changers = List.copyOf(changers);
        if (changers.isEmpty()) {
            throw new IllegalArgumentException("at least one session must change the mailbox");
        }
        if (mailbox.equalsIgnoreCase(other)) {
            throw new IllegalArgumentException("the two mailboxes must differ");
        }
    }
}
