package org.modseq.model.server;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;

/**
 * One command being answered: the state it started from, the session and tag, its environment,
 * and the responses gathered so far. The rule classes of this package build the responses of one
 * exchange here and finish with {@link #done}; nothing outside the exchange can see it.
 */
final class Exchange {

    final ServerState before;
    final String tag;
    /** The time the command arrived and the content renderer (see {@link Environment}). */
    final Environment environment;
    private final List<Response> responses = new ArrayList<>();

    Exchange(ServerState before, String tag, Environment environment) {
        this.before = before;
        this.tag = tag;
        this.environment = environment;
    }

    ServerChoices choices() {
        return before.choices();
    }

    void send(Response response) {
        responses.add(response);
    }

    List<Response> sent() {
        return responses;
    }

    /** Ends the exchange with a tagged response and the next state. */
    Outcome done(ServerState after, Condition condition, ResponseCode code, String text) {
        responses.add(Response.Status.tagged(tag, condition, code, text));
        return new Outcome(after, responses);
    }

    /**
     * Ends this part of the exchange with the continuation request just sent: the command goes on
     * when the client answers (RFC 3501 §7.5), and its tagged response comes then.
     */
    Outcome awaiting(ServerState after) {
        if (responses.isEmpty() || !(responses.getLast() instanceof Response.Continuation)) {
            throw new IllegalStateException("an exchange awaits the client only after a continuation request");
        }
        return new Outcome(after, responses);
    }

    Outcome ok(ServerState after, String text) {
        return done(after, Condition.OK, null, text);
    }

    /** A tagged BAD: the command is refused and nothing changes (RFC 3501 §7.1.3). */
    Outcome bad(String text) {
        return done(before, Condition.BAD, null, text);
    }

    Outcome no(ResponseCode code, String text) {
        return done(before, Condition.NO, code, text);
    }
}
