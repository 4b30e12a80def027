package org.modseq.properties.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.net.ImapServer;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.reference.content.Mime4jRenderer;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.StoreEngine;

/** The reference store engine as a convergence target, in process or over TCP, as it is or with a fault. */
final class SyncTargets {

    static final Account ALEX = new Account("alex", "pw");
    static final Account BOB = new Account("bob", "pw");
    /** APPEND dates do not matter here; a fixed clock keeps replays identical. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2014-05-01T12:00:00Z"), ZoneOffset.UTC);

    private SyncTargets() {
    }

    /** A fresh store engine for each history; alex synchronises, alex and bob (one shared namespace) change. */
    static SyncTarget inProcess(String name, ServerChoices choices) {
        return inProcess(name, choices, UnaryOperator.identity());
    }

    /** As {@link #inProcess(String, ServerChoices)}, each engine wrapped by {@code fault}. */
    static SyncTarget inProcess(String name, ServerChoices choices, UnaryOperator<ImapEngine> fault) {
        return new SyncTarget(name + " in process", () -> new InProcessSessions(fault.apply(engine(choices))),
                ALEX, List.of(ALEX, BOB), "Work", "Archive");
    }

    /** A fresh store engine behind an ImapServer on a free port of 127.0.0.1 for each history. */
    static SyncTarget overTcp(String name, ServerChoices choices) {
        return new SyncTarget(name + " over TCP", () -> TcpSessions.serve(engine(choices)), ALEX, List.of(ALEX, BOB),
                "Work", "Archive");
    }

    /**
     * A server that outlives the histories, reached by host and port as any server would be, with
     * a namespace per user as {@code modseq serve} (and Dovecot) has: the changing sessions are
     * the client's own user, and each history starts by deleting and creating its mailboxes.
     */
    static SyncTarget running(String name, ImapServer server) {
        return new SyncTarget(name + " at 127.0.0.1:" + server.port(),
                () -> TcpSessions.connectTo("127.0.0.1", server.port(), TcpSessions.DEFAULT_READ_TIMEOUT), ALEX,
                List.of(ALEX, ALEX), "Work", "Archive");
    }

    /** The engine of {@link #running}: one namespace per user. */
    static StoreEngine perUserEngine(ServerChoices choices) {
        return StoreEngine.create(choices, Map.of(ALEX.user(), ALEX.password(), BOB.user(), BOB.password()),
                NamespaceMode.PER_USER, new Mime4jRenderer(), CLOCK);
    }

    private static StoreEngine engine(ServerChoices choices) {
        return StoreEngine.create(choices, Map.of(ALEX.user(), ALEX.password(), BOB.user(), BOB.password()),
                new Mime4jRenderer(), CLOCK);
    }
}
