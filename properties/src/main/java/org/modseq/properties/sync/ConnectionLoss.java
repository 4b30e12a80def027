package org.modseq.properties.sync;

import java.util.OptionalInt;

/**
 * Where the client's connection breaks during one of its steps: never, or after it has read a
 * number of responses, wherever they fall: between two untagged responses of one command (so the
 * client has acted on some of the changes it was told of and not on the others), before a tagged
 * response, or between the commands of a resynchronisation. The server has carried out every
 * command the client sent; only the reading stops.
 *
 * @param afterResponses how many responses the client reads before the connection is lost
 */
public record ConnectionLoss(OptionalInt afterResponses) {

    public static final ConnectionLoss NEVER = new ConnectionLoss(OptionalInt.empty());

    public ConnectionLoss {
        if (afterResponses.isPresent() && afterResponses.getAsInt() < 0) {
            throw new IllegalArgumentException("afterResponses must not be negative");
        }
    }

    public static ConnectionLoss afterResponses(int count) {
        return new ConnectionLoss(OptionalInt.of(count));
    }

    @Override
    public String toString() {
        return afterResponses.isPresent() ? "connection lost after " + afterResponses.getAsInt() + " responses"
                : "connection kept";
    }
}
