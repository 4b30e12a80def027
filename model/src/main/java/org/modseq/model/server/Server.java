package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.ModSeqExhaustedException;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.Session;

/**
 * The model's transition function: {@link #execute} takes a state, a session, a tag and a
 * command, and returns the next state with every response the canonical server sends. It is
 * pure: the same arguments always give the same outcome, and no argument is changed.
 *
 * <p>The rules of each command live in a class of their own beside this one, so that each can
 * be read next to its RFC section: {@link SelectRules} (§3.1.2, §3.1.8, §3.2.5),
 * {@link StoreRules} (§3.1.3), {@link FetchRules} (§3.1.4, §3.2.6), {@link SearchRules}
 * (§3.1.5, §3.1.10), {@link ExpungeRules} (§3.2.7-§3.2.9), {@link MailboxRules} (§3.1.7 and
 * mailbox commands) and {@link UpdateRules} (§3.1, §3.2.4, §3.2.10: what other sessions are told
 * and when).
 */
public final class Server {

    /** What the model advertises (R22, R58, R59); the same list before and after LOGIN. */
    public static final List<String> CAPABILITIES = List.of("IMAP4rev1", "LITERAL+", "ENABLE", "CONDSTORE", "QRESYNC",
            "UIDPLUS", "MOVE", "UNSELECT", "IDLE", "ESEARCH");

    private Server() {
    }

    /** A new connection: the session exists, unauthenticated, and receives the greeting. */
    public static Outcome connect(ServerState state, String sessionId) {
        if (state.session(sessionId).isPresent()) {
            throw new IllegalArgumentException("session " + sessionId + " is already connected");
        }
        Response greeting = Response.Status.untagged(Condition.OK, null, "Modseq model ready");
        return new Outcome(state.withSession(Session.connected(sessionId)), List.of(greeting));
    }

    /** The connection ends without LOGOUT (a dropped connection): the session is simply gone. */
    public static ServerState disconnect(ServerState state, String sessionId) {
        return state.withoutSession(sessionId);
    }

    /**
     * Executes one command of one session in the {@link Environment#FIXED fixed environment}: every
     * command arrives at the Unix epoch, and content is read without MIME parsing.
     *
     * @throws IllegalArgumentException if the session is not connected: a mistake of the caller,
     *     not a protocol error
     */
    public static Outcome execute(ServerState state, String sessionId, String tag, Command command) {
        return execute(state, sessionId, tag, command, Environment.FIXED);
    }

    /**
     * Executes one command of one session, received at {@code environment}'s time and reading
     * message content with its renderer.
     *
     * @throws IllegalArgumentException if the session is not connected: a mistake of the caller,
     *     not a protocol error
     */
    public static Outcome execute(ServerState state, String sessionId, String tag, Command command,
            Environment environment) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(environment, "environment");
        Session session = state.session(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
        Exchange ex = new Exchange(state, tag, environment);
        String refusal = refusal(session, command);
        if (refusal != null) {
            return ex.bad(refusal);
        }
        try {
            return dispatch(ex, state, session, sessionId, command);
        } catch (ModSeqExhaustedException e) {
            // R1 caps mod-sequences at 2^63-1 and every change needs a new one (R2, R4): the
            // command is refused whole, with no partial effect (RFC 5530 LIMIT).
            return new Exchange(state, tag, environment).no(new ResponseCode.Atom("LIMIT"),
                    "Mod-sequence space of this mailbox is exhausted");
        }
    }

    private static Outcome dispatch(Exchange ex, ServerState state, Session session, String sessionId,
            Command command) {
        return switch (command) {
            case Command.Capability c -> capability(ex, session);
            case Command.Noop c -> updatePoint(ex, session, "NOOP completed");
            case Command.Check c -> updatePoint(ex, session, "CHECK completed");
            case Command.Idle c -> {
                ex.send(new Response.Continuation("idling"));
                yield updatePoint(ex, session, "IDLE terminated");
            }
            case Command.Logout c -> {
                ex.send(Response.Status.untagged(Condition.BYE, null, "Logging out"));
                yield ex.ok(state.withoutSession(sessionId), "LOGOUT completed");
            }
            case Command.Login c -> login(ex, session, c);
            case Command.Enable c -> enable(ex, session, c);
            case Command.Select c -> SelectRules.select(ex, session, c);
            case Command.Status c -> MailboxRules.status(ex, session, c);
            case Command.Append c -> MailboxRules.append(ex, session, c);
            case Command.Create c -> MailboxRules.create(ex, session, c);
            case Command.Delete c -> MailboxRules.delete(ex, session, c);
            case Command.Rename c -> MailboxRules.rename(ex, session, c);
            case Command.Fetch c -> FetchRules.fetch(ex, session, c);
            case Command.Store c -> StoreRules.store(ex, session, c);
            case Command.Search c -> SearchRules.search(ex, session, c);
            case Command.Expunge c -> ExpungeRules.expunge(ex, session, c);
            case Command.UidExpunge c -> ExpungeRules.expunge(ex, session, c);
            case Command.Close c -> SelectRules.close(ex, session);
            case Command.Unselect c -> SelectRules.unselect(ex, session);
            case Command.Copy c -> MailboxRules.copy(ex, session, c.uid(), c.set(), c.mailbox(), false);
            case Command.Move c -> MailboxRules.copy(ex, session, c.uid(), c.set(), c.mailbox(), true);
        };
    }

    /** RFC 3501 §3: which commands each connection state allows; a command out of state is BAD. */
    private static String refusal(Session session, Command command) {
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
            return session.selected().isPresent() ? "ENABLE is only valid before a mailbox is selected" : null;
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
        return needsMailbox && session.selected().isEmpty() ? "No mailbox selected" : null;
    }

    /** NOOP, CHECK, IDLE: the points made for reporting whatever is owed (RFC 3501 §6.1.2, RFC 2177). */
    private static Outcome updatePoint(Exchange ex, Session session, String text) {
        return UpdateRules.finish(ex, ex.before, session, UpdateRules.Moment.UPDATE_POINT, Condition.OK, null, text);
    }

    private static Outcome capability(Exchange ex, Session session) {
        ex.send(new Response.CapabilityData(CAPABILITIES));
        return MailboxRules.finish(ex, ex.before, session, "CAPABILITY completed");
    }

    private static Outcome login(Exchange ex, Session session, Command.Login command) {
        String password = ex.before.passwords().get(command.user());
        if (password == null || !password.equals(command.password())) {
            return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, "Invalid credentials");
        }
        return ex.ok(ex.before.withSession(session.withUser(command.user())), "LOGIN completed");
    }

    /**
     * ENABLE (RFC 5161): {@code QRESYNC} and {@code QRESYNC CONDSTORE} in any order have the same
     * effect (R60); QRESYNC implies CONDSTORE (R15). ENABLED lists what this command newly enabled.
     */
    private static Outcome enable(Exchange ex, Session session, Command.Enable command) {
        List<String> enabled = new ArrayList<>();
        Session before = session;
        for (String capability : command.capabilities()) {
            switch (capability.toUpperCase(Locale.ROOT)) {
                case "QRESYNC" -> {
                    if (!session.qresync()) {
                        session = session.withQresync();
                        enabled.add("QRESYNC");
                    }
                }
                case "CONDSTORE" -> {
                    if (!before.condstore() && !enabled.contains("CONDSTORE")) {
                        session = session.withCondstore();
                        enabled.add("CONDSTORE");
                    }
                }
                default -> {
                    // RFC 5161 §3.1: unknown capabilities are ignored.
                }
            }
        }
        ex.send(new Response.Enabled(enabled));
        return ex.ok(ex.before.withSession(session), "ENABLE completed");
    }

    static Mailbox selected(ServerState state, Session session) {
        return session.selected().flatMap(s -> state.mailbox(s.mailbox())).orElse(null);
    }
}
