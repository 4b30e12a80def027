package org.modseq.properties.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.server.Invariants;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.StatefulProperty;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;

/**
 * Random multi-session histories run through the model alone. After every step the model's
 * {@link Invariants} must hold, and executing the same step again from the same state must give
 * the same responses: the model is a function.
 */
public final class ModelHistoryProperty implements StatefulProperty<ServerState, HistoryStep> {

    private final String name;
    private final ServerChoices choices;

    ModelHistoryProperty(String name, ServerChoices choices) {
        this.name = name;
        this.choices = choices;
    }

    @Override
    public String name() {
        return "model invariants under " + name;
    }

    @Override
    public ServerState initialState() {
        Map<String, String> passwords = new HashMap<>();
        HistoryGenerator.SESSIONS.values().forEach(user -> passwords.put(user, HistoryGenerator.PASSWORD));
        ServerState state = ServerState.initial(choices, passwords).withNewMailbox("Archive");
        for (String id : List.of("A", "B", "C")) {
            state = reconnect(state, id);
        }
        return state;
    }

    @Override
    public Gen<HistoryStep> commands(ServerState state) {
        return HistoryGenerator.next(state);
    }

    @Override
    public boolean precondition(ServerState state, HistoryStep step) {
        return step instanceof HistoryStep.Reconnect
                || state.session(step.session()).map(s -> s.isAuthenticated()).orElse(false);
    }

    @Override
    public ServerState run(ServerState state, HistoryStep step) {
        return switch (step) {
            case HistoryStep.Reconnect r -> reconnect(state, r.session());
            case HistoryStep.Send s -> send(state, s.session(), s.command());
        };
    }

    private static ServerState send(ServerState state, String id, Command command) {
        Outcome outcome = Server.execute(state, id, "t", command);
        Invariants.check(state, id, outcome);
        Outcome again = Server.execute(state, id, "t", command);
        if (!again.lines().equals(outcome.lines()) || !again.state().equals(outcome.state())) {
            throw new AssertionError("the model answered the same step twice differently:\n" + outcome.lines()
                    + "\n" + again.lines());
        }
        return outcome.state();
    }

    private static ServerState reconnect(ServerState state, String id) {
        if (state.session(id).isPresent()) {
            state = Server.disconnect(state, id);
        }
        state = Server.connect(state, id).state();
        return send(state, id, new Command.Login(HistoryGenerator.SESSIONS.get(id), HistoryGenerator.PASSWORD));
    }

    @Override
    public String describe(HistoryStep step) {
        return step.toString();
    }

    /** Private \Seen, a NOMODSEQ mailbox, per-message conflicts and a short expunge history, all at once. */
    public static ServerChoices mixed() {
        return ServerChoices.RFC_DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN)).withNoModSeqMailboxes(Set.of("Archive"))
                .withConflictDetection(ServerChoices.ConflictDetection.PER_MESSAGE).withExpungeHistoryBound(3)
                .withModSeqGranularity(ServerChoices.ModSeqGranularity.PER_MESSAGE)
                .withZeroModSeqArgument(ServerChoices.ZeroModSeqArgument.ACCEPT_AS_EVERYTHING);
    }
}
