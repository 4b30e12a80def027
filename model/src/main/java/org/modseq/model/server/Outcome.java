package org.modseq.model.server;

import java.util.List;
import org.modseq.model.response.Response;

/** The result of one command: the next state and every response, untagged first, tagged last. */
public record Outcome(ServerState state, List<Response> responses) {
    public Outcome {
        responses = List.copyOf(responses);
    }

    /** The tagged response that ends the exchange. */
    public Response.Status tagged() {
        Response last = responses.get(responses.size() - 1);
        if (last instanceof Response.Status status && status.isTagged()) {
            return status;
        }
        throw new IllegalStateException("the exchange did not end with a tagged response: " + last);
    }

    /** The responses as wire lines, one per response. */
    public List<String> lines() {
        return responses.stream().map(Response::toWire).toList();
    }
}
