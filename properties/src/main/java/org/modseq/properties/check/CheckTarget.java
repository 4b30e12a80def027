package org.modseq.properties.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.modseq.model.judge.ServerSetup;
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.properties.sessions.ServerSessions;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.reference.cli.Account;
import org.modseq.reference.engine.ImapEngine;

/**
 * A server to check and how to use it: a way to open sessions to it, the accounts to log in
 * with, and how its mailboxes are shared (what no exchange shows the judge).
 *
 * <p>Sessions A and B log in as {@code user}; session C as {@code secondUser} when there is one,
 * else as {@code user} too. The server keeps its state from one scenario to the next; the checker
 * works only in mailboxes of its own (see {@link Checker}).
 *
 * @param name how reports name the server, e.g. {@code 127.0.0.1:143}
 * @param sessions opens a new set of sessions to the server; called for every scenario and every
 *     preparation, each set closed after use
 * @param user the first account
 * @param secondUser another account, for session C
 * @param setup whether the accounts share mailboxes ({@link ServerSetup#PER_USER_MAILBOXES} for
 *     most servers)
 */
public record CheckTarget(String name, Supplier<ServerSessions> sessions, Account user, Optional<Account> secondUser,
        ServerSetup setup) {

    public CheckTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secondUser, "secondUser");
        Objects.requireNonNull(setup, "setup");
    }

    /** A server listening on {@code host:port}; any read longer than {@code readTimeout} is a hang. */
    public static CheckTarget tcp(String host, int port, Duration readTimeout, Account user,
            Optional<Account> secondUser, ServerSetup setup) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(readTimeout, "readTimeout");
        return new CheckTarget(host + ":" + port, () -> TcpSessions.connectTo(host, port, readTimeout), user,
                secondUser, setup);
    }

    /** An engine in this process, without the network: fast, for checking engines in tests. */
    public static CheckTarget inProcess(ImapEngine engine, Account user, Optional<Account> secondUser,
            ServerSetup setup) {
        Objects.requireNonNull(engine, "engine");
        return new CheckTarget("in-process " + engine.getClass().getSimpleName(), () -> new InProcessSessions(engine),
                user, secondUser, setup);
    }

    /** The account session {@code id} (A, B or C) logs in as. */
    Account accountOf(String id) {
        return id.equals("C") ? secondUser.orElse(user) : user;
    }

    /** Whether session C has mailboxes apart from A's and B's: another user on a server that does not share them. */
    boolean secondNamespace() {
        return secondUser.isPresent() && !secondUser.get().name().equals(user.name()) && !setup.sharedMailboxes();
    }
}
