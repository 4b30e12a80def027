package org.modseq.properties.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modseq.model.command.Command;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.cli.Account;
import org.modseq.reference.engine.ForwardingConnection;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/** Reference servers on a free port of 127.0.0.1 for the checker's tests, some with a fault. */
final class ReferenceServers {

    static final Account ALICE = new Account("alice", "alice-pw");
    static final Account BOB = new Account("bob", "bob-pw");
    static final Map<String, String> PASSWORDS = Map.of(ALICE.name(), ALICE.password(), BOB.name(), BOB.password());
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ReferenceServers() {
    }

    /** The store engine with a namespace per account, as {@code modseq serve} runs it. */
    static StoreEngine perUser(ServerChoices choices) {
        return StoreEngine.create(choices, PASSWORDS, NamespaceMode.PER_USER);
    }

    /** The store engine with one namespace for all accounts. */
    static StoreEngine shared(ServerChoices choices) {
        return StoreEngine.create(choices, PASSWORDS, NamespaceMode.SHARED);
    }

    /** Serves {@code engine} on a free port; IDLE is not polled, as the differential properties serve it. */
    static ImapServer serve(ImapEngine engine) {
        try {
            return ImapServer.start(engine, ServerConfig.defaults().withPort(0)
                    .withIdlePollInterval(ServerConfig.DEFAULT_IDLE_TIMEOUT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The target of {@code server}, alice for A and B, bob for C. */
    static CheckTarget target(ImapServer server, ServerSetup setup) {
        return CheckTarget.tcp("127.0.0.1", server.port(), TIMEOUT, ALICE, Optional.of(BOB), setup);
    }

    /** A fault seen in the wild (issue 4): VANISHED (EARLIER) never sent, so clients keep expunged messages. */
    static List<Response> withoutVanishedEarlier(Command command, List<Response> responses) {
        List<Response> kept = new ArrayList<>();
        for (Response r : responses) {
            if (!(r instanceof Response.Vanished v && v.earlier())) {
                kept.add(r);
            }
        }
        return kept;
    }

    /**
     * A fault a test can acknowledge: a STORE without UNCHANGEDSINCE or .SILENT sends no FETCH,
     * so the client is not told the flags it changed (RFC 3501 §6.4.6). Frequent: most scenarios meet it.
     */
    static List<Response> withoutStoreFetches(Command command, List<Response> responses) {
        if (!(command instanceof Command.Store s && !s.silent() && s.unchangedSince().isEmpty())) {
            return responses;
        }
        return responses.stream().filter(r -> !(r instanceof Response.Fetch)).toList();
    }

    /**
     * {@code engine}, but a CHECK is answered with an untagged BYE alone and the connection
     * closed, as Dovecot does when another session deletes the selected mailbox (RFC 3501 §7.1.5).
     */
    static ImapEngine byeOnCheck(ImapEngine engine) {
        return closingOnCheck(engine, List.of(new Response.Status(Optional.empty(), Response.Condition.BYE,
                Optional.empty(), "IMAP session state is inconsistent, please relogin.")));
    }

    /** {@code engine}, but a CHECK is answered with {@code lastWords} alone and the connection closed. */
    static ImapEngine closingOnCheck(ImapEngine engine, List<Response> lastWords) {
        return () -> new ForwardingConnection(engine.open()) {
            private boolean closed;

            @Override
            public List<Response> execute(String tag, Command command) {
                if (command instanceof Command.Check) {
                    closed = true;
                    delegate().drop(); // the session ends with the connection
                    return lastWords;
                }
                return super.execute(tag, command);
            }

            @Override
            public boolean isLoggedOut() {
                return closed || super.isLoggedOut();
            }
        };
    }
}
