package org.modseq.reference.engine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.modseq.model.command.Command;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.response.Response;
import org.modseq.model.server.Environment;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.Session;
import org.modseq.reference.content.Mime4jRenderer;

/**
 * The model itself as an engine: every command runs {@link Server#execute} on the one shared
 * state, one at a time. It is slow on big mailboxes (the model copies on write) and has one
 * mailbox namespace for all users, but its answers are the specification's by definition: a
 * client can be tested against the spec over a real socket.
 *
 * <p>The model reads no clock and parses no MIME: each command runs in an {@link Environment} of
 * the engine's clock's time and its {@link ContentRenderer}. A {@link StoreEngine} given the same
 * two answers alike.
 */
public final class ModelEngine implements ImapEngine {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong ids = new AtomicLong();
    private final ContentRenderer renderer;
    private final Clock clock;
    private ServerState state;

    private ModelEngine(ServerState state, ContentRenderer renderer, Clock clock) {
        this.state = state;
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A server with the given choices, accounts and an empty INBOX, reading content with MIME
     * ({@link Mime4jRenderer}) and dating APPENDs by the system clock.
     */
    public static ModelEngine create(ServerChoices choices, Map<String, String> passwords) {
        return create(choices, passwords, new Mime4jRenderer(), Clock.systemDefaultZone());
    }

    /** As {@link #create(ServerChoices, Map)}, with this content renderer and this clock. */
    public static ModelEngine create(ServerChoices choices, Map<String, String> passwords, ContentRenderer renderer,
            Clock clock) {
        return new ModelEngine(ServerState.initial(choices, passwords), renderer, clock);
    }

    /** The environment of a command arriving now: the clock's time and the renderer (the model reads no clock). */
    private Environment environment() {
        return new Environment(InternalDate.of(clock.instant(), clock.getZone()), renderer);
    }

    /** The current state, for tests and inspection. */
    public ServerState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Connection open() {
        String id = "c" + ids.incrementAndGet();
        lock.lock();
        try {
            Outcome greeting = Server.connect(state, id);
            state = greeting.state();
            return new ModelConnection(id, greeting.responses().get(0));
        } finally {
            lock.unlock();
        }
    }

    private final class ModelConnection implements Connection {
        private final String id;
        private final Response greeting;
        private boolean loggedOut;

        ModelConnection(String id, Response greeting) {
            this.id = id;
            this.greeting = greeting;
        }

        @Override
        public Response greeting() {
            return greeting;
        }

        @Override
        public List<Response> execute(String tag, Command command) {
            if (loggedOut) {
                throw new IllegalStateException("connection " + id + " has logged out");
            }
            lock.lock();
            try {
                Outcome outcome = Server.execute(state, id, tag, command, environment());
                state = outcome.state();
                loggedOut = state.session(id).isEmpty();
                return outcome.responses();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public List<Response> continueWith(String line) {
            lock.lock();
            try {
                if (loggedOut || state.session(id).map(s -> s.authenticating().isEmpty()).orElse(true)) {
                    throw new IllegalStateException("connection " + id + " awaits no continuation line");
                }
                Outcome outcome = Server.continueCommand(state, id, line);
                state = outcome.state();
                return outcome.responses();
            } finally {
                lock.unlock();
            }
        }

        /** A NOOP's untagged responses: NOOP is the model's update point, as IDLE is (RFC 2177). */
        @Override
        public List<Response> idleUpdates() {
            lock.lock();
            try {
                if (loggedOut || state.session(id).map(s -> s.selected().isEmpty()).orElse(true)) {
                    return List.of();
                }
                Outcome outcome = Server.execute(state, id, "idle", new Command.Noop(), environment());
                state = outcome.state();
                return outcome.responses().subList(0, outcome.responses().size() - 1);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<String> user() {
            lock.lock();
            try {
                return state.session(id).flatMap(Session::user);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isLoggedOut() {
            return loggedOut;
        }

        @Override
        public void drop() {
            lock.lock();
            try {
                if (state.session(id).isPresent()) {
                    state = Server.disconnect(state, id);
                }
                loggedOut = true;
            } finally {
                lock.unlock();
            }
        }
    }
}
