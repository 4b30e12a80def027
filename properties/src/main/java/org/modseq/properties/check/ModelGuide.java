package org.modseq.properties.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.Session;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ModelEngine;

/**
 * The model running the same scenario alongside the server, only so that the next step can be
 * drawn from a state that makes sense (message numbers within the view, mod-sequences near the
 * mailbox's). It judges nothing, and its answers need not be the server's: the steps drawn depend
 * only on the steps before, so a seed gives the same scenario whatever the server answers.
 *
 * <p>One model serves sessions that see the same mailboxes; session C gets a model of its own when
 * its user has mailboxes apart from A's and B's.
 */
final class ModelGuide {

    private static final String USER = "alex";
    private static final String OTHER_USER = "bob";

    /** Session (A, B, C) to the model it runs in. */
    private final Map<String, ModelEngine> models = new HashMap<>();
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, Connection> connections = new HashMap<>();
    /** Session to the model engine's id for it. */
    private final Map<String, String> ids = new HashMap<>();
    private int tags;

    /**
     * @param cOtherUser whether C logs in as another user than A and B
     * @param cOwnMailboxes whether that user's mailboxes are apart from A's and B's
     */
    ModelGuide(boolean cOtherUser, boolean cOwnMailboxes) {
        Map<String, String> passwords = Map.of(USER, HistoryGenerator.PASSWORD, OTHER_USER, HistoryGenerator.PASSWORD);
        ModelEngine shared = ModelEngine.create(ServerChoices.RFC_DEFAULTS, passwords);
        models.put("A", shared);
        models.put("B", shared);
        models.put("C", cOwnMailboxes ? ModelEngine.create(ServerChoices.RFC_DEFAULTS, passwords) : shared);
        users.put("A", USER);
        users.put("B", USER);
        users.put("C", cOtherUser ? OTHER_USER : USER);
    }

    /** Session {@code id} drops its connection, if any, and logs in on a new one. */
    void reconnect(String id) {
        Connection old = connections.remove(id);
        if (old != null) {
            old.drop();
        }
        ModelEngine model = models.get(id);
        Set<String> before = new HashSet<>(model.state().sessions().keySet());
        Connection connection = model.open();
        Set<String> after = new HashSet<>(model.state().sessions().keySet());
        after.removeAll(before);
        ids.put(id, after.iterator().next());
        connections.put(id, connection);
        send(id, new Command.Login(users.get(id), HistoryGenerator.PASSWORD));
    }

    /** Session {@code id} sends {@code command}; an IDLE ends at once. */
    void send(String id, Command command) {
        String tag = "g" + ++tags;
        Connection connection = connections.get(id);
        if (command instanceof Command.Idle) {
            InProcessSessions.idleThenDone(connection, tag);
        } else {
            connection.execute(tag, command);
        }
    }

    /** The state of session {@code id}'s model, with the sessions in it named as the scenario names them. */
    ServerState state(String id) {
        ModelEngine model = models.get(id);
        ServerState state = model.state();
        Map<String, Session> named = new HashMap<>();
        ids.forEach((name, modelId) -> {
            if (models.get(name) == model) {
                state.session(modelId).ifPresent(s -> named.put(name,
                        new Session(name, s.user(), s.condstore(), s.qresync(), s.selected(), s.authenticating())));
            }
        });
        return new ServerState(state.choices(), state.passwords(), state.mailboxes(), named, state.nextUidValidity(),
                state.subscriptions());
    }

    /** Whether session {@code id} is logged in, as the model sees it. */
    boolean authenticated(String id) {
        return state(id).session(id).map(Session::isAuthenticated).orElse(false);
    }

    /** Whether session {@code id} has a mailbox selected, as the model sees it. */
    boolean selected(String id) {
        return state(id).session(id).map(s -> s.selected().isPresent()).orElse(false);
    }

    void close() {
        List.copyOf(connections.values()).forEach(Connection::drop);
        connections.clear();
    }
}
