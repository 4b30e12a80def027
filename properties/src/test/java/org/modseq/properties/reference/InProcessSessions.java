package org.modseq.properties.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.StoreEngine;

/** The history's sessions as {@link Connection}s of a {@link StoreEngine} in this process. */
final class InProcessSessions implements StoreSessions {

    private final StoreEngine engine;
    private final Map<String, Connection> connections = new HashMap<>();

    InProcessSessions(StoreEngine engine) {
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
        return EngineHistoryProperty.lines(command instanceof Command.Idle
                ? EngineHistoryProperty.idleThenDone(connection, tag) : connection.execute(tag, command));
    }

    @Override
    public List<String> continueWith(String id, String tag, String line) {
        return EngineHistoryProperty.lines(connections.get(id).continueWith(line));
    }

    @Override
    public List<String> idleUpdates(String id) {
        return EngineHistoryProperty.lines(connections.get(id).idleUpdates());
    }

    @Override
    public void close() {
        connections.values().forEach(Connection::drop);
        connections.clear();
    }
}
