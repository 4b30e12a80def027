package org.modseq.reference.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.modseq.model.command.Command;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.Environment;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.reference.content.Mime4jRenderer;
import org.modseq.reference.store.FlagSets;
import org.modseq.reference.store.MailboxStore;

/**
 * The reference engine: the model's answers, byte for byte, from mutable structures whose costs
 * follow the number of changes rather than the size of a mailbox ({@link MailboxStore} and its
 * parts). Every command of every {@link ServerChoices} value gives exactly the responses that
 * {@link Server#execute} gives from the equivalent state; a differential property checks that on
 * random multi-session histories.
 *
 * <p>Like the model it has one mailbox namespace for all users, an INBOX with UIDVALIDITY 1 at
 * the start, and UIDVALIDITY values that only grow (R26, R101). The command rules live beside
 * this class, one per section of the model's server ({@code StoreSelect}, {@code StoreFlags},
 * {@code StoreFetch}, {@code StoreSearch}, {@code StoreMailboxes}, {@code StoreUpdates}).
 *
 * <p>Message content is read by the {@link ContentRenderer} the engine is created with, and an
 * APPEND without date-time gets the time of its clock; give a {@link ModelEngine} the same two and
 * it answers alike.
 *
 * <p>Thread safety: one lock for the whole engine. Every command of every connection runs under
 * it, so commands are serialised exactly as the model's transitions are; a command of one
 * connection can change what every other connection is owed, which per-mailbox locks would have
 * to coordinate. Finer locking is left for when a benchmark asks for it.
 */
public final class StoreEngine implements ImapEngine {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong ids = new AtomicLong();
    private final ServerChoices choices;
    private final Map<String, String> passwords;
    private final ContentRenderer renderer;
    private final Clock clock;
    private final FlagSets flagSets = new FlagSets();
    private final Map<String, MailboxStore> mailboxes = new HashMap<>();
    private long nextUidValidity = 1;

    private StoreEngine(ServerChoices choices, Map<String, String> passwords, ContentRenderer renderer, Clock clock) {
        this.choices = Objects.requireNonNull(choices, "choices");
        this.passwords = Map.copyOf(passwords);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        createMailbox("INBOX");
    }

    /**
     * A server with the given choices, accounts and an empty INBOX, as {@link ServerState#initial},
     * reading content with MIME ({@link Mime4jRenderer}) and dating APPENDs by the system clock.
     */
    public static StoreEngine create(ServerChoices choices, Map<String, String> passwords) {
        return create(choices, passwords, new Mime4jRenderer(), Clock.systemDefaultZone());
    }

    /** As {@link #create(ServerChoices, Map)}, with this content renderer and this clock. */
    public static StoreEngine create(ServerChoices choices, Map<String, String> passwords, ContentRenderer renderer,
            Clock clock) {
        return new StoreEngine(choices, passwords, renderer, clock);
    }

    /** The environment of a command arriving now: the clock's time and the renderer. */
    private Environment environment() {
        return new Environment(InternalDate.of(clock.instant(), clock.getZone()), renderer);
    }

    ServerChoices choices() {
        return choices;
    }

    MailboxStore mailbox(String name) {
        return mailboxes.get(ServerState.mailboxName(name));
    }

    /** A new, empty mailbox with a UIDVALIDITY never used before (R26, R101). */
    void createMailbox(String name) {
        String normal = ServerState.mailboxName(name);
        mailboxes.put(normal, new MailboxStore(normal, UidValidity.of(nextUidValidity++),
                !choices.noModSeqMailboxes().contains(normal), choices, flagSets));
    }

    void removeMailbox(String name) {
        mailboxes.remove(ServerState.mailboxName(name));
    }

    void putMailbox(MailboxStore mailbox) {
        mailboxes.put(mailbox.name(), mailbox);
    }

    @Override
    public Connection open() {
        return new StoreConnection(new StoreSession("c" + ids.incrementAndGet()));
    }

    private final class StoreConnection implements Connection {
        private final StoreSession session;
        private boolean loggedOut;

        StoreConnection(StoreSession session) {
            this.session = session;
        }

        @Override
        public Response greeting() {
            return Response.Status.untagged(Condition.OK, null, "Modseq model ready");
        }

        @Override
        public List<Response> execute(String tag, Command command) {
            Objects.requireNonNull(command, "command");
            if (loggedOut) {
                throw new IllegalStateException("connection " + session.id + " has logged out");
            }
            lock.lock();
            try {
                return run(new StoreExchange(StoreEngine.this, tag, environment()), command);
            } finally {
                lock.unlock();
            }
        }

        /** A NOOP's untagged responses: NOOP is the update point, as IDLE is (RFC 2177). */
        @Override
        public List<Response> idleUpdates() {
            lock.lock();
            try {
                if (loggedOut || session.view == null) {
                    return List.of();
                }
                List<Response> responses = run(new StoreExchange(StoreEngine.this, "idle", environment()),
                        new Command.Noop());
                return responses.subList(0, responses.size() - 1);
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
                session.unselect();
                loggedOut = true;
            } finally {
                lock.unlock();
            }
        }

        private List<Response> run(StoreExchange ex, Command command) {
            String refusal = refusal(session, command);
            if (refusal != null) {
                return ex.bad(refusal);
            }
            return switch (command) {
                case Command.Capability c -> {
                    ex.send(new Response.CapabilityData(Server.CAPABILITIES));
                    yield StoreMailboxes.finish(ex, session, Condition.OK, null, "CAPABILITY completed");
                }
                case Command.Noop c -> updatePoint(ex, "NOOP completed");
                case Command.Check c -> updatePoint(ex, "CHECK completed");
                case Command.Idle c -> {
                    ex.send(new Response.Continuation("idling"));
                    yield updatePoint(ex, "IDLE terminated");
                }
                case Command.Logout c -> {
                    ex.send(Response.Status.untagged(Condition.BYE, null, "Logging out"));
                    session.unselect();
                    loggedOut = true;
                    yield ex.ok("LOGOUT completed");
                }
                case Command.Login c -> login(ex, c);
                case Command.Enable c -> enable(ex, c);
                case Command.Select c -> StoreSelect.select(ex, session, c);
                case Command.Status c -> StoreMailboxes.status(ex, session, c);
                case Command.Append c -> StoreMailboxes.append(ex, session, c);
                case Command.Create c -> StoreMailboxes.create(ex, session, c);
                case Command.Delete c -> StoreMailboxes.delete(ex, session, c);
                case Command.Rename c -> StoreMailboxes.rename(ex, session, c);
                case Command.Fetch c -> StoreFetch.fetch(ex, session, c);
                case Command.Store c -> StoreFlags.store(ex, session, c);
                case Command.Search c -> StoreSearch.search(ex, session, c);
                case Command.Expunge c -> StoreMailboxes.expunge(ex, session, c);
                case Command.UidExpunge c -> StoreMailboxes.expunge(ex, session, c);
                case Command.Close c -> StoreSelect.close(ex, session);
                case Command.Unselect c -> StoreSelect.unselect(ex, session);
                case Command.Copy c -> StoreMailboxes.copy(ex, session, c.uid(), c.set(), c.mailbox(), false);
                case Command.Move c -> StoreMailboxes.copy(ex, session, c.uid(), c.set(), c.mailbox(), true);
            };
        }

        /** NOOP, CHECK, IDLE: the points made for reporting whatever is owed (RFC 3501 §6.1.2, RFC 2177). */
        private List<Response> updatePoint(StoreExchange ex, String text) {
            return StoreUpdates.finish(ex, session, StoreUpdates.Moment.UPDATE_POINT, Condition.OK, null, text);
        }

        private List<Response> login(StoreExchange ex, Command.Login command) {
            String password = passwords.get(command.user());
            if (password == null || !password.equals(command.password())) {
                return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, "Invalid credentials");
            }
            session.user = command.user();
            return ex.ok("LOGIN completed");
        }

        /**
         * ENABLE (RFC 5161): {@code QRESYNC} and {@code QRESYNC CONDSTORE} in any order have the same
         * effect (R60); QRESYNC implies CONDSTORE (R15). ENABLED lists what this command newly enabled.
         */
        private List<Response> enable(StoreExchange ex, Command.Enable command) {
            List<String> enabled = new ArrayList<>();
            boolean condstoreBefore = session.condstore;
            for (String capability : command.capabilities()) {
                switch (capability.toUpperCase(Locale.ROOT)) {
                    case "QRESYNC" -> {
                        if (!session.qresync) {
                            session.qresync = true;
                            session.condstore = true;
                            enabled.add("QRESYNC");
                        }
                    }
                    case "CONDSTORE" -> {
                        if (!condstoreBefore && !enabled.contains("CONDSTORE")) {
                            session.condstore = true;
                            enabled.add("CONDSTORE");
                        }
                    }
                    default -> {
                        // RFC 5161 §3.1: unknown capabilities are ignored.
                    }
                }
            }
            ex.send(new Response.Enabled(enabled));
            return ex.ok("ENABLE completed");
        }
    }

    /** RFC 3501 §3: which commands each connection state allows; a command out of state is BAD. */
    private static String refusal(StoreSession session, Command command) {
        boolean anyState = command instanceof Command.Capability || command instanceof Command.Noop
                || command instanceof Command.Logout;
        if (anyState) {
            return null;
        }
        if (command instanceof Command.Login) {
            return session.isAuthenticated() ? "Already authenticated" : null;
        }
        if (!session.isAuthenticated()) {
            return "Log in first";
        }
        if (command instanceof Command.Enable) {
            // RFC 5161 §3.1: ENABLE is valid in the authenticated state only.
            return session.view != null ? "ENABLE is only valid before a mailbox is selected" : null;
        }
        boolean needsMailbox = switch (command) {
            case Command.Fetch c -> true;
            case Command.Store c -> true;
            case Command.Search c -> true;
            case Command.Expunge c -> true;
            case Command.UidExpunge c -> true;
            case Command.Close c -> true;
            case Command.Unselect c -> true;
            case Command.Copy c -> true;
            case Command.Move c -> true;
            case Command.Check c -> true;
            default -> false;
        };
        return needsMailbox && session.view == null ? "No mailbox selected" : null;
    }
}
