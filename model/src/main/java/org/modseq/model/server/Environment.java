package org.modseq.model.server;

import java.util.Objects;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.content.HeaderTextRenderer;
import org.modseq.model.mailbox.InternalDate;

/**
 * What a command is executed with besides the server's state: the time the server received it,
 * and the renderer of message content. The model reads no clock and parses no MIME, so whoever
 * executes a command supplies both ({@link Server#execute(ServerState, String, String,
 * org.modseq.model.command.Command, Environment)}); the reference engines give the clock's time
 * and the renderer they were created with.
 *
 * @param now when the command arrived: the internal date of a message APPENDed without date-time
 *     (RFC 3501 §6.3.11)
 * @param renderer reads message content for FETCH
 */
public record Environment(InternalDate now, ContentRenderer renderer) {

    /**
     * Every command arrives at the Unix epoch, and content is read without MIME parsing
     * ({@link HeaderTextRenderer}): for tests and tools whose histories need neither a clock nor MIME.
     */
    public static final Environment FIXED = new Environment(InternalDate.EPOCH, new HeaderTextRenderer());

    public Environment {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(renderer, "renderer");
    }

    /** This environment with the command arriving at {@code time}. */
    public Environment at(InternalDate time) {
        return new Environment(time, renderer);
    }
}
