package org.modseq.reference.engine;

import java.util.ArrayList;
import java.util.List;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.Environment;
import org.modseq.model.server.ServerChoices;

/**
 * One command being answered by a {@link StoreEngine}: its environment (the time it arrived, the
 * content renderer) and the responses gathered so far, ended by a tagged one.
 */
final class StoreExchange {

    final StoreEngine engine;
    final String tag;
    final Environment environment;
    private final List<Response> responses = new ArrayList<>();

    StoreExchange(StoreEngine engine, String tag, Environment environment) {
        this.engine = engine;
        this.tag = tag;
        this.environment = environment;
    }

    ServerChoices choices() {
        return engine.choices();
    }

    void send(Response response) {
        responses.add(response);
    }

    List<Response> sent() {
        return responses;
    }

    List<Response> done(Condition condition, ResponseCode code, String text) {
        responses.add(Response.Status.tagged(tag, condition, code, text));
        return List.copyOf(responses);
    }

    List<Response> ok(String text) {
        return done(Condition.OK, null, text);
    }

    /** A tagged BAD: the command is refused and nothing changes (RFC 3501 §7.1.3). */
    List<Response> bad(String text) {
        return done(Condition.BAD, null, text);
    }

    List<Response> no(ResponseCode code, String text) {
        return done(Condition.NO, code, text);
    }

    /**
     * The command needs more new mod-sequences than R1's 63 bits leave: it is refused whole, as
     * the model refuses it (RFC 5530 LIMIT). Callers decide this before changing anything.
     */
    List<Response> modSeqsExhausted() {
        responses.clear();
        return no(new ResponseCode.Atom("LIMIT"), "Mod-sequence space of this mailbox is exhausted");
    }
}
