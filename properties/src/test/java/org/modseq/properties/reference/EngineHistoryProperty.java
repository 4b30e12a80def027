package org.modseq.properties.reference;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.properties.sessions.ServerSessions;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.reference.content.Mime4jRenderer;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;

/**
 * The differential property: the same random multi-session history runs through a
 * {@link ModelEngine} (the specification) and a {@link StoreEngine} with the same choices, and
 * every step must give the same responses, greeting and log-in of a reconnect included. Before
 * each IDLE both engines' {@link Connection#idleUpdates()} are compared too. The store engine is
 * reached in process or over TCP through an {@link org.modseq.reference.net.ImapServer}
 * ({@link Transport}); the model always in process.
 *
 * <p>Histories start with an Archive mailbox, as the model's own property does, and optionally
 * with a bigger INBOX: {@code preload} messages appended with assorted flags, some of them
 * changed and some expunged, so that the store's indexes hold more than a handful of entries.
 */
final class EngineHistoryProperty implements StatefulProperty<EngineHistoryProperty.Engines, HistoryStep> {

    /** How the history reaches the store engine. */
    enum Transport {
        /** Through its {@link Connection}s, in this process. */
        IN_PROCESS,
        /** As wire text over sockets to an {@link org.modseq.reference.net.ImapServer}, one per session. */
        TCP
    }
    /** The time every command of a history arrives: the differential property must not depend on the clock. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2014-05-01T12:00:00Z"), ZoneOffset.ofHours(2));

    /** Both engines and each history session's connection to each. */
    static final class Engines {
        final ModelEngine model;
        final ServerSessions store;
        final Map<String, Connection> modelConnections = new HashMap<>();
        /** History session name (A, B, C) to the model engine's session id. */
        final Map<String, String> modelIds = new HashMap<>();
        int steps;

        /**
         * Both engines read content with one renderer and date APPENDs by one fixed clock, so
         * that they can differ only in what they keep of the metadata.
         */
        Engines(ServerChoices choices, Map<String, String> passwords, Transport transport) {
            ContentRenderer renderer = new Mime4jRenderer();
            this.model = ModelEngine.create(choices, passwords, renderer, CLOCK);
            StoreEngine engine = StoreEngine.create(choices, passwords, renderer, CLOCK);
            this.store = transport == Transport.TCP ? TcpSessions.serve(engine) : new InProcessSessions(engine);
        }

        /** The model's state with its sessions named as the history generator names them. */
        ServerState modelState() {
            ServerState state = model.state();
            Map<String, Session> named = new HashMap<>();
            modelIds.forEach((name, id) -> state.session(id).ifPresent(s ->
                    named.put(name, new Session(name, s.user(), s.condstore(), s.qresync(), s.selected(),
                            s.authenticating()))));
            return new ServerState(state.choices(), state.passwords(), state.mailboxes(), named,
                    state.nextUidValidity(), state.subscriptions());
        }
    }

    private final String name;
    private final ServerChoices choices;
    private final int preload;
    private final Transport transport;
    /** Whether the preload ends by expunging most of the INBOX ({@link EngineFixtures#preloadThenExpungeMost}). */
    private final boolean expungeMost;

    EngineHistoryProperty(String name, ServerChoices choices, int preload) {
        this(name, choices, preload, Transport.IN_PROCESS);
    }

    EngineHistoryProperty(String name, ServerChoices choices, int preload, Transport transport) {
        this(name, choices, preload, transport, false);
    }

    EngineHistoryProperty(String name, ServerChoices choices, int preload, Transport transport, boolean expungeMost) {
        this.name = name;
        this.choices = choices;
        this.preload = preload;
        this.transport = transport;
        this.expungeMost = expungeMost;
    }

    @Override
    public String name() {
        return "store engine" + (transport == Transport.TCP ? " over TCP" : "") + " = model engine under " + name
                + (preload > 0 ? " from " + preload + " messages" : "") + (expungeMost ? " mostly expunged" : "");
    }

    @Override
    public Engines initialState() {
        Map<String, String> passwords = new HashMap<>();
        HistoryGenerator.SESSIONS.values().forEach(user -> passwords.put(user, HistoryGenerator.PASSWORD));
        Engines engines = new Engines(choices, passwords, transport);
        for (String id : List.of("A", "B", "C")) {
            reconnect(engines, id);
        }
        send(engines, "A", new Command.Create("Archive"));
        for (Command command : expungeMost ? EngineFixtures.preloadThenExpungeMost(preload)
                : EngineFixtures.preload(preload)) {
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
                            InProcessSessions.lines(engines.modelConnections.get(s.session()).idleUpdates()),
                            engines.store.idleUpdates(s.session()));
                }
                send(engines, s.session(), s.command());
            }
        }
        return engines;
    }

    @Override
    public void cleanup(Engines engines) {
        engines.store.close();
    }

    /** Sends one command to both engines and compares the answers; returns its tag. */
    private static String send(Engines engines, String id, Command command) {
        String tag = "t" + ++engines.steps;
        Connection model = engines.modelConnections.get(id);
        compare(engines, id + ": " + tag + " " + command.toWire(),
                InProcessSessions.lines(command instanceof Command.Idle ? InProcessSessions.idleThenDone(model, tag) : model.execute(tag, command)),
                engines.store.send(id, tag, command));
        return tag;
    }

    /**
     * IDLE ended by DONE at once, as the network layer answers it (RFC 2177): the continuation
     * and what is owed when IDLE begins, then what is owed at DONE, then the tagged response.
     */
    private static void reconnect(Engines engines, String id) {
        Connection oldModel = engines.modelConnections.remove(id);
        if (oldModel != null) {
            oldModel.drop();
        }
        Set<String> before = new HashSet<>(engines.model.state().sessions().keySet());
        Connection model = engines.model.open();
        Set<String> after = new HashSet<>(engines.model.state().sessions().keySet());
        after.removeAll(before);
        engines.modelIds.put(id, after.iterator().next());
        engines.modelConnections.put(id, model);
        compare(engines, id + ": (greeting)", List.of(model.greeting().toWire()), engines.store.connect(id));
        logIn(engines, id);
    }

    /**
     * Logs in by turns with LOGIN, AUTHENTICATE PLAIN with an initial response (RFC 4959) and
     * AUTHENTICATE PLAIN after a continuation request (RFC 3501 §6.2.2), comparing every step.
     */
    private static void logIn(Engines engines, String id) {
        String user = HistoryGenerator.SESSIONS.get(id);
        String response = Base64.getEncoder().encodeToString(("\0" + user + "\0" + HistoryGenerator.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        switch (engines.steps % 3) {
            case 0 -> send(engines, id, new Command.Login(user, HistoryGenerator.PASSWORD));
            case 1 -> send(engines, id, new Command.Authenticate("PLAIN", Optional.of(response)));
            default -> {
                String tag = send(engines, id, new Command.Authenticate("PLAIN", Optional.empty()));
                compare(engines, id + ": (AUTHENTICATE response)",
                        InProcessSessions.lines(engines.modelConnections.get(id).continueWith(response)),
                        engines.store.continueWith(id, tag, response));
            }
        }
    }

    private static void compare(Engines engines, String what, List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError("the store engine answered " + what + " differently from the model:\n  model:\n    "
                    + String.join("\n    ", expected) + "\n  store:\n    " + String.join("\n    ", actual));
        }
    }

    /** Each response's wire text, as the network layer writes it. */
    @Override
    public String describe(HistoryStep step) {
        return step.toString();
    }
}
