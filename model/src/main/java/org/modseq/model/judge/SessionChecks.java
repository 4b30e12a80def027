package org.modseq.model.judge;

import java.util.Locale;
import org.modseq.model.command.Command;
import org.modseq.model.wire.SaslPlain;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.StatusItem;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;

/**
 * Commands about the connection rather than a mailbox's content: LOGIN, CAPABILITY, NOOP,
 * CHECK, IDLE, LOGOUT and ENABLE; the connection states of RFC 3501 §3; and CONDSTORE awareness
 * (R15-R17), which any command may change.
 */
final class SessionChecks {

    private SessionChecks() {
    }

    /** R15: the CONDSTORE enabling commands. */
    static boolean enables(Command command) {
        return switch (command) {
            case Command.Select s -> s.parameter().isPresent();
            case Command.Status s -> s.items().contains(StatusItem.HIGHESTMODSEQ);
            case Command.Fetch f -> f.items().contains(FetchItem.MODSEQ)
                    || f.changedSince().isPresent();
            case Command.Search s -> s.key().usesModSeq();
            case Command.Store s -> s.unchangedSince().isPresent();
            case Command.Enable e -> e.capabilities().stream().map(c -> c.toUpperCase(Locale.ROOT))
                    .anyMatch(c -> c.equals("CONDSTORE") || c.equals("QRESYNC"));
            default -> false;
        };
    }

    /**
     * RFC 3501 §3, §6: a command the connection's state does not allow must not succeed, and
     * changes nothing. Returns true when the command was out of state (and is judged).
     */
    static boolean outOfState(Answer a) {
        Command command = a.command();
        boolean anyState = command instanceof Command.Capability || command instanceof Command.Noop
                || command instanceof Command.Logout;
        String problem = null;
        if (command instanceof Command.Login) {
            problem = a.user() != null ? "LOGIN when already authenticated" : null;
        } else if (!anyState && a.user() == null) {
            problem = UpdateChecks.verb(command) + " before LOGIN";
        } else if (command.needsSelectedMailbox() && a.view() == null) {
            problem = UpdateChecks.verb(command) + " with no mailbox selected";
        }
        if (problem == null) {
            return false;
        }
        if (a.ok()) {
            throw a.fail(Rule.rfc("RFC 3501 §3"), a.taggedLine(), "OK to " + problem + ", which the state does not allow");
        }
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        return true;
    }

    /**
     * R15, R16: an enabling command that succeeds makes the client CONDSTORE-aware; one answered
     * NO or BAD may or may not have counted, for the client "issues" it (RFC 7162 §3.1) either
     * way, unless the server reported HIGHESTMODSEQ for it (R17). Returns the awareness before
     * the command.
     */
    static Client.Awareness enable(Answer a) {
        Client.Awareness before = a.client.awareness;
        if (enables(a.command())) {
            if (a.ok() && !(a.command() instanceof Command.Select)) {
                a.client.awareness = Client.Awareness.AWARE; // a SELECT that succeeds: SelectChecks
            } else if ((a.condition() == Condition.NO || a.condition() == Condition.BAD)
                    && before == Client.Awareness.NONE) {
                // A HIGHESTMODSEQ in the answer is R17's report of a first enabling command: the
                // server counted it, so a later FETCH without MODSEQ is its R16 fault, not a sign
                // that it did not count the command.
                a.client.awareness = a.codeLine(ResponseCode.HighestModSeq.class) >= 0
                        ? Client.Awareness.AWARE : Client.Awareness.MAYBE;
            }
        }
        return before;
    }

    /**
     * R17: the first enabling command with a mailbox selected reports HIGHESTMODSEQ (or NOMODSEQ)
     * unless NOMODSEQ was given when it was selected.
     */
    static void firstEnablingReports(Answer a, Client.Awareness before, ClientView viewBefore) {
        if (before != Client.Awareness.NONE || !a.ok() || !enables(a.command()) || a.command() instanceof Command.Select
                || viewBefore == null || viewBefore.noModSeqGiven() || viewBefore.blind()) {
            return;
        }
        if (a.codeLine(ResponseCode.HighestModSeq.class) < 0 && a.codeLine(ResponseCode.NoModSeq.class) < 0) {
            throw a.fail(Requirement.R17, a.taggedLine(), "the first CONDSTORE enabling command with a mailbox selected "
                    + "must report its HIGHESTMODSEQ");
        }
    }

    /** NOOP, CHECK, IDLE, CAPABILITY: update points; nothing else is required of them. */
    static void updatePoint(Answer a) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
    }

    static void login(Answer a, Command.Login login) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (a.ok()) {
            a.client.user = login.user();
        }
    }

    /**
     * AUTHENTICATE PLAIN with an initial response (RFC 4959): judged as LOGIN is, the user read
     * from the response. Without one, the checker does not send it (the exchange has a
     * continuation round trip the judge does not model yet).
     */
    static void authenticate(Answer a, Command.Authenticate command) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (a.ok() && command.initialResponse().isPresent()) {
            try {
                a.client.user = SaslPlain.decode(command.initialResponse().get()).authenticationId();
            } catch (SaslPlain.MalformedException e) {
                throw a.fail(Rule.rfc("RFC 4616"), a.taggedLine(), "OK for a malformed PLAIN response");
            }
        }
    }

    /** RFC 3501 §6.1.3: BYE before the tagged OK; the connection ends. */
    static void logout(Answer a) {
        UpdateChecks.walk(a, UpdateChecks.Shape.plain());
        if (a.ok()) {
            boolean bye = a.responses.stream().anyMatch(r -> r instanceof Response.Status s && s.condition() == Condition.BYE);
            if (!bye) {
                throw a.fail(Rule.rfc("RFC 3501 §6.1.3"), a.taggedLine(), "LOGOUT must send BYE before its tagged OK");
            }
        }
        a.client.closed = true;
        a.client.view = null;
    }

    /**
     * ENABLE (RFC 5161): ENABLED lists what it enabled. R60: ENABLE QRESYNC (with or without
     * CONDSTORE) is accepted; QRESYNC implies CONDSTORE (R15).
     */
    static void enableCommand(Answer a, Command.Enable command) {
        boolean[] enabledQresync = {false};
        UpdateChecks.walk(a, UpdateChecks.Shape.plain().with((line, r) -> {
            if (r instanceof Response.Enabled e) {
                for (String capability : e.capabilities()) {
                    if (capability.equalsIgnoreCase("QRESYNC")) {
                        enabledQresync[0] = true;
                    }
                }
                return true;
            }
            return false;
        }));
        boolean asked = command.capabilities().stream().anyMatch(c -> c.equalsIgnoreCase("QRESYNC"));
        if (a.ok() && asked && !a.client.qresync && a.view() == null && !enabledQresync[0]) {
            throw a.fail(Requirement.R60, a.taggedLine(), "ENABLE QRESYNC must enable QRESYNC: ENABLED does not list it");
        }
        if (a.ok() && enabledQresync[0]) {
            a.client.qresync = true;
            a.client.awareness = Client.Awareness.AWARE;
        }
    }
}
