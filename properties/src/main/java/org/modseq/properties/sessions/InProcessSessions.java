package org.modseq.properties.sessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.reference.engine.Connection;
import org.modseq.model.response.Response;
import org.modseq.reference.engine.ImapEngine;

/** Sessions as {@link Connection}s of an {@link ImapEngine} in this process: no network, responses rendered as wire text. */
public final class InProcessSessions implements ServerSessions {

    private final ImapEngine engine;
    private final Map<String, Connection> connections = new HashMap<>();

    public InProcessSessions(ImapEngine engine) {
        this.engine = engine;
    }

    @Override
    public List<String> connect(String id) {
        Connection old = connections.remove(id);
        if (old != null) {
            old.drop();
        }
        Connection connection = engine.open();
        connections.put(id, connection);
        return List.of(connection.greeting().toWire());
    }

    @Override
    public List<String> send(String id, String tag, Command command) {
        Connection connection = connections.get(id);
        return lines(command instanceof Command.Idle
                ? idleThenDone(connection, tag) : connection.execute(tag, command));
    }

    @Override
    public List<String> continueWith(String id, String tag, String line) {
        return lines(connections.get(id).continueWith(line));
    }

    @Override
    public List<String> idleUpdates(String id) {
        return lines(connections.get(id).idleUpdates());
    }

    @Override
    public void close() {
        connections.values().forEach(Connection::drop);
        connections.clear();
    }

    /** An IDLE ended by DONE at once: its continuation, what is owed meanwhile, then its tagged response. */
    public static List<Response> idleThenDone(Connection connection, String tag) {
        List<Response> responses = new ArrayList<>(connection.execute(tag, new Command.Idle()));
        if (responses.getFirst() instanceof Response.Continuation) {
            responses.addAll(responses.size() - 1, connection.idleUpdates());
        }
        return responses;
    }

    /** Responses as wire text, one string per response. */
    public static List<String> lines(List<Response> responses) {
        List<String> lines = new ArrayList<>(responses.size());
        for (Response r : responses) {
            lines.add(r.toWire());
        }
        return lines;
    }
}
