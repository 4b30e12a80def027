package org.modseq.model.server;

import java.util.Locale;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.session.Session;
import org.modseq.model.wire.SaslPlain;

/**
 * LOGIN (RFC 3501 §6.2.3) and AUTHENTICATE with the mechanism PLAIN (§6.2.2, RFC 4616), with an
 * initial response (SASL-IR, RFC 4959) or after a continuation request. Every failure to
 * authenticate is {@code NO [AUTHENTICATIONFAILED]} (RFC 5530), whatever went wrong: a response
 * that is not a PLAIN message, or wrong credentials. A response that is not base64 at all is a
 * protocol error instead, answered with BAD as the cancel is (RFC 4959 §3, RFC 9051 §6.2.2).
 */
final class AuthenticationRules {

    /** The one SASL mechanism (AUTH=PLAIN). */
    static final String PLAIN = "PLAIN";

    private AuthenticationRules() {
    }

    static Outcome login(Exchange ex, Session session, Command.Login command) {
        if (!passwordMatches(ex.before, command.user(), command.password())) {
            return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, "Invalid credentials");
        }
        return ex.ok(ex.before.withSession(session.withUser(command.user())), "LOGIN completed");
    }

    /**
     * AUTHENTICATE: an unknown mechanism is refused with NO (§6.2.2); PLAIN with an initial
     * response is judged at once; without one, the server asks for the response with an empty
     * challenge, {@code "+ "} (RFC 4959 §3), and waits.
     */
    static Outcome authenticate(Exchange ex, Session session, Command.Authenticate command) {
        if (!command.mechanism().toUpperCase(Locale.ROOT).equals(PLAIN)) {
            return ex.no(null, "Unsupported authentication mechanism");
        }
        if (command.initialResponse().isPresent()) {
            return plain(ex, session, command.initialResponse().get());
        }
        ex.send(new Response.Continuation(""));
        return ex.awaiting(ex.before.withSession(session.authenticating(ex.tag)));
    }

    /** The client's line after the continuation request: the response, or {@code *} to cancel (§6.2.2). */
    static Outcome respond(ServerState state, Session session, String line) {
        Session waiting = session.notAuthenticating();
        // Authenticating reads no clock and no content: the fixed environment serves.
        Exchange ex = new Exchange(state.withSession(waiting), session.authenticating().orElseThrow(), Environment.FIXED);
        if (line.equals("*")) {
            return ex.bad("AUTHENTICATE cancelled");
        }
        return plain(ex, waiting, line);
    }

    /**
     * A PLAIN response (RFC 4616): credentials are checked first, so that only a client that
     * proved who it is learns more; then the authorization identity must be empty or the user's
     * own, since no user may act as another (RFC 5530 AUTHORIZATIONFAILED).
     */
    private static Outcome plain(Exchange ex, Session session, String response) {
        SaslPlain message;
        try {
            message = SaslPlain.decode(response);
        } catch (SaslPlain.NotBase64Exception e) {
            return ex.bad(e.getMessage());
        } catch (SaslPlain.MalformedException e) {
            return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, e.getMessage());
        }
        if (!passwordMatches(ex.before, message.authenticationId(), message.password())) {
            return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, "Invalid credentials");
        }
        if (!message.authorizationId().isEmpty() && !message.authorizationId().equals(message.authenticationId())) {
            return ex.no(ResponseCode.Atom.AUTHORIZATIONFAILED, "No user may act as another");
        }
        return ex.ok(ex.before.withSession(session.withUser(message.authenticationId())), "AUTHENTICATE completed");
    }

    private static boolean passwordMatches(ServerState state, String user, String password) {
        String expected = state.passwords().get(user);
        return expected != null && expected.equals(password);
    }
}
