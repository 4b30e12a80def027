package org.modseq.properties.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modseq.model.command.Command;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Judge;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.Session;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.StatefulProperty;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;

/**
 * No false alarms: random multi-session histories run through a {@link StoreEngine}, and the
 * {@link Judge} must find nothing wrong with any answer. The reference answers as the model does
 * under its choices, and every choice is a freedom RFC 7162 gives servers, so any violation the
 * judge reports is a mistake of the judge. A {@link ModelEngine} runs alongside only to draw the
 * next step from the model's state.
 */
final class JudgedHistoryProperty implements StatefulProperty<JudgedHistoryProperty.Run, HistoryStep> {

    /** The engines, the connections of each history session, the judge and the events so far. */
    static final class Run {
        final ModelEngine model;
        final StoreEngine store;
        final Map<String, Connection> modelConnections = new HashMap<>();
        final Map<String, String> modelIds = new HashMap<>();
        final Map<String, Connection> storeConnections = new HashMap<>();
        final List<Event> events = new ArrayList<>();
        Judge judge;
        int steps;

        Run(ServerChoices choices, Map<String, String> passwords) {
            this.model = ModelEngine.create(choices, passwords);
            this.store = StoreEngine.create(choices, passwords);
            this.judge = Judge.start(ServerSetup.shared(choices.privateFlags()));
        }

        ServerState modelState() {
            ServerState state = model.state();
            Map<String, Session> named = new HashMap<>();
            modelIds.forEach((name, id) -> state.session(id).ifPresent(s ->
                    named.put(name, new Session(name, s.user(), s.condstore(), s.qresync(), s.selected(), s.authenticating()))));
            return new ServerState(state.choices(), state.passwords(), state.mailboxes(), named, state.nextUidValidity(),
                    state.subscriptions());
        }
    }

    private final String name;
    private final ServerChoices choices;
    private final int preload;

    JudgedHistoryProperty(String name, ServerChoices choices, int preload) {
        this.name = name;
        this.choices = choices;
        this.preload = preload;
    }

    @Override
    public String name() {
        return "the judge accepts the reference under " + name + (preload > 0 ? " from " + preload + " messages" : "");
    }

    @Override
    public Run initialState() {
        Map<String, String> passwords = new HashMap<>();
        HistoryGenerator.SESSIONS.values().forEach(user -> passwords.put(user, HistoryGenerator.PASSWORD));
        Run run = new Run(choices, passwords);
        for (String id : List.of("A", "B", "C")) {
            reconnect(run, id);
        }
        send(run, "A", new Command.Create("Archive"));
        for (Command command : EngineFixtures.preload(preload)) {
            send(run, "C", command);
        }
        return run;
    }

    @Override
    public Gen<HistoryStep> commands(Run run) {
        return HistoryGenerator.next(run.modelState());
    }

    @Override
    public boolean precondition(Run run, HistoryStep step) {
        return step instanceof HistoryStep.Reconnect
                || run.modelState().session(step.session()).map(Session::isAuthenticated).orElse(false);
    }

    @Override
    public Run run(Run run, HistoryStep step) {
        switch (step) {
            case HistoryStep.Reconnect r -> reconnect(run, r.session());
            case HistoryStep.Send s -> send(run, s.session(), s.command());
        }
        return run;
    }

    @Override
    public void cleanup(Run run) {
        run.storeConnections.values().forEach(Connection::drop);
        run.modelConnections.values().forEach(Connection::drop);
    }

    private static void send(Run run, String id, Command command) {
        String tag = "t" + ++run.steps;
        Connection model = run.modelConnections.get(id);
        if (command instanceof Command.Idle) {
            InProcessSessions.idleThenDone(model, tag);
        } else {
            model.execute(tag, command);
        }
        Connection store = run.storeConnections.get(id);
        List<String> lines = InProcessSessions.lines(command instanceof Command.Idle
                ? InProcessSessions.idleThenDone(store, tag) : store.execute(tag, command));
        judge(run, new Event.Exchange(id, tag, command, lines));
    }

    private static void reconnect(Run run, String id) {
        Connection oldModel = run.modelConnections.remove(id);
        if (oldModel != null) {
            oldModel.drop();
        }
        Connection oldStore = run.storeConnections.remove(id);
        if (oldStore != null) {
            oldStore.drop();
            judge(run, new Event.Drop(id));
        }
        java.util.Set<String> before = new java.util.HashSet<>(run.model.state().sessions().keySet());
        Connection model = run.model.open();
        java.util.Set<String> after = new java.util.HashSet<>(run.model.state().sessions().keySet());
        after.removeAll(before);
        run.modelIds.put(id, after.iterator().next());
        run.modelConnections.put(id, model);
        Connection store = run.store.open();
        run.storeConnections.put(id, store);
        judge(run, new Event.Connect(id, List.of(store.greeting().toWire())));
        send(run, id, new Command.Login(HistoryGenerator.SESSIONS.get(id), HistoryGenerator.PASSWORD));
    }

    private static void judge(Run run, Event event) {
        run.events.add(event);
        Judge.Step step = run.judge.after(event);
        if (step.violation().isPresent()) {
            StringBuilder transcript = new StringBuilder();
            int from = Math.max(0, run.events.size() - 12);
            for (int i = from; i < run.events.size(); i++) {
                Event e = run.events.get(i);
                transcript.append("\n    ").append(i).append(' ').append(e.connection()).append(": ")
                        .append(e.describe().replace("\r\n", "\\r\\n"));
                if (e instanceof Event.Exchange x) {
                    x.lines().forEach(l -> transcript.append("\n        ").append(l.replace("\r\n", "\\r\\n")));
                }
            }
            throw new AssertionError("the judge reports a violation by the reference:\n  "
                    + step.violation().get().describe() + "\n  last events:" + transcript);
        }
        run.judge = step.judge();
    }

    @Override
    public String describe(HistoryStep step) {
        return step.toString();
    }
}
