package org.modseq.reference.fault;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ForwardingConnection;
import org.modseq.reference.engine.ImapEngine;

/**
 * An engine whose every answer passes through a function, with the command it answers (a NOOP
 * for continuation lines and for updates while idling): a fault that a test writes for itself,
 * where {@link FaultyEngine} has the named ones. The engine's state stays correct; only what
 * clients are told changes.
 */
public record RewritingEngine(ImapEngine engine, BiFunction<Command, List<Response>, List<Response>> rewrite)
        implements ImapEngine {

    public RewritingEngine {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(rewrite, "rewrite");
    }

    @Override
    public Connection open() {
        return new ForwardingConnection(engine.open()) {
            @Override
            public List<Response> execute(String tag, Command command) {
                return rewrite.apply(command, super.execute(tag, command));
            }

            @Override
            public List<Response> continueWith(String line) {
                return rewrite.apply(new Command.Noop(), super.continueWith(line));
            }

            @Override
            public List<Response> idleUpdates() {
                return rewrite.apply(new Command.Noop(), super.idleUpdates());
            }
        };
    }
}
