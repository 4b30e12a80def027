package org.modseq.properties.reference;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.Session;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.StatefulProperty;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;
import org.modseq.reference.content.Mime4jRenderer;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;

/**
 * The differential property: the same random multi-session history runs through a
 * {@link ModelEngine} (the specification) and a {@link StoreEngine} with the same choices, and
 * every step must give the same responses, greeting and LOGIN of a reconnect included. Before
 * each IDLE both engines' {@link Connection#idleUpdates()} are compared too.
 *
 * <p>Histories start with an Archive mailbox, as the model's own property does, and optionally
 * with a bigger INBOX: {@code preload} messages appended with assorted flags, some of them
 * changed and some expunged, so that the store's indexes hold more than a handful of entries.
 */
final class EngineHistoryProperty implements StatefulProperty<EngineHistoryProperty.Engines, HistoryStep> {

    /** The time every command of a history arrives: the differential property must not depend on the clock. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2014-05-01T12:00:00Z"), ZoneOffset.ofHours(2));

    /** Both engines and each history session's connection to each. */
    static final class Engines {
        final ModelEngine model;
        final StoreEngine store;
        final Map<String, Connection> modelConnections = new HashMap<>();
        final Map<String, Connection> storeConnections = new HashMap<>();
        /** History session name (A, B, C) to the model engine's session id. */
        final Map<String, String> modelIds = new HashMap<>();
        int steps;

        /**
         * Both engines read content with one renderer and date APPENDs by one fixed clock, so
         * that they can differ only in what they keep of the metadata.
         */
        Engines(ServerChoices choices, Map<String, String> passwords) {
            ContentRenderer renderer = new Mime4jRenderer();
            this.model = ModelEngine.create(choices, passwords, renderer, CLOCK);
            this.store = StoreEngine.create(choices, passwords, renderer, CLOCK);
        }

        /** The model's state with its sessions named as the history generator names them. */
        ServerState modelState() {
            ServerState state = model.state();
            Map<String, Session> named = new HashMap<>();
            modelIds.forEach((name, id) -> state.session(id).ifPresent(s ->
                    named.put(name, new Session(name, s.user(), s.condstore(), s.qresync(), s.selected()))));
            return new ServerState(state.choices(), state.passwords(), state.mailboxes(), named,
                    state.nextUidValidity());
        }
    }

    private final String name;
    private final ServerChoices choices;
    private final int preload;

    EngineHistoryProperty(String name, ServerChoices choices, int preload) {
        this.name = name;
        this.choices = choices;
        this.preload = preload;
    }

    @Override
    public String name() {
        return "store engine = model engine under " + name + (preload > 0 ? " from " + preload + " messages" : "");
    }

    @Override
    public Engines initialState() {
        Map<String, String> passwords = new HashMap<>();
        HistoryGenerator.SESSIONS.values().forEach(user -> passwords.put(user, HistoryGenerator.PASSWORD));
        Engines engines = new Engines(choices, passwords);
        for (String id : List.of("A", "B", "C")) {
            reconnect(engines, id);
        }
        send(engines, "A", new Command.Create("Archive"));
        for (Command command : EngineFixtures.preload(preload)) {
            send(engines, "C", command);
        }
        return engines;
    }

    @Override
    public Gen<HistoryStep> commands(Engines engines) {
        return HistoryGenerator.next(engines.modelState());
    }

    @Override
    public boolean precondition(Engines engines, HistoryStep step) {
        return step instanceof HistoryStep.Reconnect
                || engines.modelState().session(step.session()).map(Session::isAuthenticated).orElse(false);
    }

    @Override
    public Engines run(Engines engines, HistoryStep step) {
        switch (step) {
            case HistoryStep.Reconnect r -> reconnect(engines, r.session());
            case HistoryStep.Send s -> {
                if (s.command() instanceof Command.Idle) {
                    compare(engines, s.session() + ": (updates while idling)",
                            engines.modelConnections.get(s.session()).idleUpdates(),
                            engines.storeConnections.get(s.session()).idleUpdates());
                }
                send(engines, s.session(), s.command());
            }
        }
        return engines;
    }

    private static void send(Engines engines, String id, Command command) {
        String tag = "t" + ++engines.steps;
        compare(engines, id + ": " + tag + " " + command.toWire(), engines.modelConnections.get(id).execute(tag, command),
                engines.storeConnections.get(id).execute(tag, command));
    }

    private static void reconnect(Engines engines, String id) {
        Connection oldModel = engines.modelConnections.remove(id);
        if (oldModel != null) {
            oldModel.drop();
            engines.storeConnections.remove(id).drop();
        }
        Set<String> before = new HashSet<>(engines.model.state().sessions().keySet());
        Connection model = engines.model.open();
        Set<String> after = new HashSet<>(engines.model.state().sessions().keySet());
        after.removeAll(before);
        engines.modelIds.put(id, after.iterator().next());
        Connection store = engines.store.open();
        engines.modelConnections.put(id, model);
        engines.storeConnections.put(id, store);
        compare(engines, id + ": (greeting)", List.of(model.greeting()), List.of(store.greeting()));
        send(engines, id, new Command.Login(HistoryGenerator.SESSIONS.get(id), HistoryGenerator.PASSWORD));
    }

    private static void compare(Engines engines, String what, List<Response> model, List<Response> store) {
        List<String> expected = lines(model);
        List<String> actual = lines(store);
        if (!expected.equals(actual)) {
            throw new AssertionError("the store engine answered " + what + " differently from the model:\n  model:\n    "
                    + String.join("\n    ", expected) + "\n  store:\n    " + String.join("\n    ", actual));
        }
    }

    private static List<String> lines(List<Response> responses) {
        List<String> lines = new ArrayList<>(responses.size());
        for (Response r : responses) {
            lines.add(r.toWire());
        }
        return lines;
    }

    @Override
    public String describe(HistoryStep step) {
        return step.toString();
    }
}
