package org.modseq.properties.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.modseq.model.command.Command;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.set.NumberSet;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;

/**
 * A test double: the reference engine with one fault in what it tells clients, so that the
 * convergence property can be seen to fail. The fault rewrites the responses to each command;
 * the engine's state stays correct.
 */
record ServerWithFault(ImapEngine engine, BiFunction<Command, List<Response>, List<Response>> fault)
        implements ImapEngine {

    /**
     * SELECT ... (QRESYNC ...) leaves the highest UID out of each VANISHED (EARLIER) it sends (and
     * the response out when that was its only UID): an expunge the client is never told of (R78).
     */
    static List<Response> dropsAVanishedEarlierUid(Command command, List<Response> responses) {
        if (!(command instanceof Command.Select s && s.parameter().orElse(null) instanceof SelectParameter.Qresync)) {
            return responses;
        }
        List<Response> out = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof Response.Vanished v && v.earlier()) {
                NumberSet fewer = v.uids().minus(NumberSet.of(v.uids().max()));
                if (!fewer.isEmpty()) {
                    out.add(new Response.Vanished(true, fewer));
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * SELECT ... (QRESYNC ...) also names the lowest UID the client asked about (or UID 1) in
     * VANISHED (EARLIER), whether or not it still exists: issue 4's failure mode 2 (R78).
     */
    static List<Response> namesALiveUidInVanishedEarlier(Command command, List<Response> responses) {
        if (!(command instanceof Command.Select s && s.parameter().orElse(null) instanceof SelectParameter.Qresync q)) {
            return responses;
        }
        long uid = q.knownUids().map(k -> k.toNumberSet().min()).orElse(1L);
        List<Response> out = new ArrayList<>();
        boolean named = false;
        for (Response r : responses) {
            if (!named && r instanceof Response.Vanished v && v.earlier()) {
                out.add(new Response.Vanished(true, v.uids().union(NumberSet.of(uid))));
                named = true;
                continue;
            }
            if (!named && (r instanceof Response.Fetch || r instanceof Response.Status st && st.isTagged())) {
                out.add(new Response.Vanished(true, NumberSet.of(uid)));
                named = true;
            }
            out.add(r);
        }
        return out;
    }

    /** SELECT (not EXAMINE) reports a HIGHESTMODSEQ one above the mailbox's (R25). */
    static List<Response> reportsHighestModSeqOneTooHigh(Command command, List<Response> responses) {
        if (!(command instanceof Command.Select s && !s.readOnly())) {
            return responses;
        }
        return responses.stream().map(r -> r instanceof Response.Status st
                && st.code().orElse(null) instanceof ResponseCode.HighestModSeq h
                ? (Response) new Response.Status(st.tag(), st.condition(),
                        Optional.of(new ResponseCode.HighestModSeq(ModSeq.of(h.modSeq().value() + 1))), st.text())
                : r).toList();
    }

    /**
     * Outside SELECT, the untagged {@code OK [HIGHESTMODSEQ n]} that keeps a client below the
     * changes held back from it goes missing: a server that sends MODSEQ values while it holds
     * back a lower expunge and says nothing (R96, X40). Only bites where updates are held back.
     */
    static List<Response> omitsTheHeldBackHighestModSeq(Command command, List<Response> responses) {
        if (command instanceof Command.Select) {
            return responses;
        }
        return responses.stream().filter(r -> !(r instanceof Response.Status st && !st.isTagged()
                && st.code().orElse(null) instanceof ResponseCode.HighestModSeq)).toList();
    }

    @Override
    public Connection open() {
        Connection connection = engine.open();
        return new Connection() {
            @Override
            public Response greeting() {
                return connection.greeting();
            }

            @Override
            public List<Response> execute(String tag, Command command) {
                return fault.apply(command, connection.execute(tag, command));
            }

            @Override
            public List<Response> continueWith(String line) {
                return connection.continueWith(line);
            }

            @Override
            public List<Response> idleUpdates() {
                return fault.apply(new Command.Idle(), connection.idleUpdates());
            }

            @Override
            public boolean isLoggedOut() {
                return connection.isLoggedOut();
            }

            @Override
            public void drop() {
                connection.drop();
            }
        };
    }
}
