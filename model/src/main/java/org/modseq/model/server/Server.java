package org.modseq.model.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.MailboxPattern;
import org.modseq.model.mailbox.ModSeqExhaustedException;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.Session;
import org.modseq.model.wire.ImapString;

/**
 * The model's transition function: {@link #execute} takes a state, a session, a tag and a
 * command, and returns the next state with every response the canonical server sends. It is
 * pure: the same arguments always give the same outcome, and no argument is changed.
 *
 * <p>The rules of each command live in a class of their own beside this one, so that each can
 * be read next to its RFC section: {@link SelectRules} (§3.1.2, §3.1.8, §3.2.5),
 * {@link StoreRules} (§3.1.3), {@link FetchRules} (§3.1.4, §3.2.6), {@link SearchRules}
 * (§3.1.5, §3.1.10), {@link ExpungeRules} (§3.2.7-§3.2.9), {@link MailboxRules} (§3.1.7 and
 * mailbox commands), {@link MailboxListRules} (LIST, LSUB, SUBSCRIBE, NAMESPACE),
 * {@link AuthenticationRules} (LOGIN, AUTHENTICATE) and {@link UpdateRules} (§3.1, §3.2.4,
 * §3.2.10: what other sessions are told and when).
 */
public final class Server {

    /**
     * What the model advertises (R22, R58, R59); the same list before and after LOGIN, and every
     * item implemented: LITERAL+ (RFC 7888), ENABLE (RFC 5161), UIDPLUS (RFC 4315), MOVE (RFC
     * 6851), UNSELECT (RFC 3691), IDLE (RFC 2177), ESEARCH (RFC 4731), NAMESPACE (RFC 2342), ID (RFC
     * 2971), AUTH=PLAIN (RFC 4616) and SASL-IR (RFC 4959).
     */
    public static final List<String> CAPABILITIES = List.of("IMAP4rev1", "LITERAL+", "ENABLE", "CONDSTORE", "QRESYNC",
            "UIDPLUS", "MOVE", "UNSELECT", "IDLE", "ESEARCH", "NAMESPACE", "ID", "AUTH=PLAIN", "SASL-IR");

    /** The server's name, as ID reports it (RFC 2971 §3.3). */
    public static final String NAME = "Modseq";

    /** The server's version, as ID and {@code modseq --version} report it. */
    public static final String VERSION = "0.1.0";

    /** What ID tells every client (RFC 2971 §3.2). */
    public static final Response.IdData ID = new Response.IdData(List.of(
            new Response.IdData.Field("name", NAME), new Response.IdData.Field("version", VERSION)));

    /** The one namespace, personal and without a prefix, as NAMESPACE reports it (RFC 2342 §5). */
    public static final Response.NamespaceData NAMESPACE = new Response.NamespaceData(
            List.of(new Response.NamespaceData.Namespace("", MailboxPattern.DELIMITER)), List.of(), List.of());

    /** RFC 2971 §3.3: the most field-value pairs of ID, and the longest field name and value, in octets. */
    private static final int ID_MAX_FIELDS = 30;
    private static final int ID_MAX_FIELD_LENGTH = 30;
    private static final int ID_MAX_VALUE_LENGTH = 1024;

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
     * command arrives at the Unix epoch, and content is read without MIME parsing. Its responses
     * end with the tagged one, or with a continuation request when the command awaits the
     * client's line: then the client's next line goes to {@link #continueCommand}.
     *
     * @throws IllegalArgumentException if the session is not connected, or awaits a line: a
     *     mistake of the caller, not a protocol error
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
        if (session.authenticating().isPresent()) {
            throw new IllegalArgumentException("session " + sessionId + " awaits the response to AUTHENTICATE");
        }
        Exchange ex = new Exchange(state, tag, environment);
        String refusal = Refusals.outOfState(session.isAuthenticated(), session.selected().isPresent(), command);
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

    /**
     * The client's line after a continuation request that ended the session's last outcome: today
     * only AUTHENTICATE asks for one (RFC 3501 §6.2.2). Its responses end as {@link #execute}'s do.
     *
     * @throws IllegalArgumentException if the session is not connected or awaits no line
     */
    public static Outcome continueCommand(ServerState state, String sessionId, String line) {
        Objects.requireNonNull(line, "line");
        Session session = state.session(sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
        if (session.authenticating().isEmpty()) {
            throw new IllegalArgumentException("session " + sessionId + " awaits no continuation line");
        }
        return AuthenticationRules.respond(state, session, line);
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
            case Command.Login c -> AuthenticationRules.login(ex, session, c);
            case Command.Authenticate c -> AuthenticationRules.authenticate(ex, session, c);
            case Command.Id c -> id(ex, session, c);
            case Command.Namespace c -> MailboxListRules.namespace(ex, session);
            case Command.ListMailboxes c -> MailboxListRules.list(ex, session, c);
            case Command.Subscribe c -> MailboxListRules.subscribe(ex, session, c);
            case Command.Unsubscribe c -> MailboxListRules.unsubscribe(ex, session, c);
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

    /** NOOP, CHECK, IDLE: the points made for reporting whatever is owed (RFC 3501 §6.1.2, RFC 2177). */
    private static Outcome updatePoint(Exchange ex, Session session, String text) {
        return UpdateRules.finish(ex, ex.before, session, UpdateRules.Moment.UPDATE_POINT, Condition.OK, null, text);
    }

    private static Outcome capability(Exchange ex, Session session) {
        ex.send(new Response.CapabilityData(CAPABILITIES));
        return MailboxRules.finish(ex, ex.before, session, "CAPABILITY completed");
    }

    /** ID (RFC 2971): the server's name and version, whatever the client sent; its values change nothing (§3.1). */
    private static Outcome id(Exchange ex, Session session, Command.Id command) {
        String refusal = idRefusal(command);
        if (refusal != null) {
            return ex.bad(refusal);
        }
        ex.send(ID);
        return MailboxRules.finish(ex, ex.before, session, "ID completed");
    }

    /**
     * Why an ID parameter list is refused with BAD, or null: RFC 2971 §3.3 allows at most 30
     * pairs, field names of at most 30 octets, values of at most 1024, and no field twice (field
     * names are not case-sensitive).
     */
    public static String idRefusal(Command.Id command) {
        List<Command.IdParameter> parameters = command.parameters().orElse(List.of());
        if (parameters.size() > ID_MAX_FIELDS) {
            return "ID takes at most " + ID_MAX_FIELDS + " field-value pairs (RFC 2971 section 3.3)";
        }
        Set<String> fields = new HashSet<>();
        for (Command.IdParameter p : parameters) {
            if (p.field().length() > ID_MAX_FIELD_LENGTH) {
                return "ID field names are at most " + ID_MAX_FIELD_LENGTH + " octets (RFC 2971 section 3.3)";
            }
            if (p.value().map(String::length).orElse(0) > ID_MAX_VALUE_LENGTH) {
                return "ID values are at most " + ID_MAX_VALUE_LENGTH + " octets (RFC 2971 section 3.3)";
            }
            if (!fields.add(p.field().toLowerCase(Locale.ROOT))) {
                return (ImapString.isAtom(p.field()) ? "ID field " + p.field() : "An ID field")
                        + " is given twice (RFC 2971 section 3.3)";
            }
        }
        return null;
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
