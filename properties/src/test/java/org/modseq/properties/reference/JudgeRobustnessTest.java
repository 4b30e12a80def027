package org.modseq.properties.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Judge;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.Session;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.engine.StatefulProperty;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;
import org.modseq.properties.sessions.InProcessSessions;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;

/**
 * The judge never fails with an exception of its own, whatever a server answers: random
 * histories run through the store engine, and each answer is garbled at random (lines dropped,
 * repeated, swapped, numbers changed, tags changed) before the judge sees it. The judge must
 * return a verdict every time; violations are expected, and the run goes on past them.
 */
class JudgeRobustnessTest {

    /** One step of a history and how to garble its answer. */
    record Garbled(HistoryStep step, long seed) {
    }

    static final class Run {
        final ModelEngine model;
        final StoreEngine store;
        final Map<String, Connection> modelConnections = new HashMap<>();
        final Map<String, String> modelIds = new HashMap<>();
        final Map<String, Connection> storeConnections = new HashMap<>();
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

    private static final class Property implements StatefulProperty<Run, Garbled> {
        private final ServerChoices choices;

        Property(ServerChoices choices) {
            this.choices = choices;
        }

        @Override
        public String name() {
            return "the judge returns a verdict for any answer";
        }

        @Override
        public Run initialState() {
            Map<String, String> passwords = new HashMap<>();
            HistoryGenerator.SESSIONS.values().forEach(user -> passwords.put(user, HistoryGenerator.PASSWORD));
            Run run = new Run(choices, passwords);
            for (String id : List.of("A", "B", "C")) {
                reconnect(run, id, 0);
            }
            return run;
        }

        @Override
        public Gen<Garbled> commands(Run run) {
            return Gen.combine(HistoryGenerator.next(run.modelState()), Gen.integers(0L, Long.MAX_VALUE), Garbled::new);
        }

        @Override
        public boolean precondition(Run run, Garbled g) {
            return g.step() instanceof HistoryStep.Reconnect
                    || run.modelState().session(g.step().session()).map(Session::isAuthenticated).orElse(false);
        }

        @Override
        public Run run(Run run, Garbled g) {
            switch (g.step()) {
                case HistoryStep.Reconnect r -> reconnect(run, r.session(), g.seed());
                case HistoryStep.Send s -> send(run, s.session(), s.command(), g.seed());
            }
            return run;
        }

        @Override
        public void cleanup(Run run) {
            run.storeConnections.values().forEach(Connection::drop);
            run.modelConnections.values().forEach(Connection::drop);
        }
    }

    @Test
    void theJudgeReturnsAVerdictForAnyAnswer() {
        for (ServerChoices choices : List.of(ServerChoices.RFC_DEFAULTS, ServerChoices.HARDEST_ON_CLIENTS)) {
            PropertyRunner.check(new Property(choices), Settings.fromSystemProperties(300, 5_000, 40, 200)).assertPassed();
        }
    }

    private static void send(Run run, String id, Command command, long seed) {
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
        judge(run, new Event.Exchange(id, tag, command, garble(lines, seed)));
    }

    private static void reconnect(Run run, String id, long seed) {
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
        run.modelConnections.put(id, run.model.open());
        java.util.Set<String> after = new java.util.HashSet<>(run.model.state().sessions().keySet());
        after.removeAll(before);
        run.modelIds.put(id, after.iterator().next());
        Connection store = run.store.open();
        run.storeConnections.put(id, store);
        judge(run, new Event.Connect(id, List.of(store.greeting().toWire())));
        send(run, id, new Command.Login(HistoryGenerator.SESSIONS.get(id), HistoryGenerator.PASSWORD), seed);
    }

    /** A violation is expected; the judge that saw it stops, so the run goes on with the one before it. */
    private static void judge(Run run, Event event) {
        Judge.Step step = run.judge.after(event);
        if (step.violation().isEmpty()) {
            run.judge = step.judge();
        }
    }

    /** Garbles an answer: about half the time not at all, else one of several edits. */
    static List<String> garble(List<String> lines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(lines);
        if (random.nextBoolean() || out.isEmpty()) {
            return out;
        }
        int i = random.nextInt(out.size());
        switch (random.nextInt(6)) {
            case 0 -> out.remove(i);
            case 1 -> out.add(i, out.get(i));
            case 2 -> {
                String moved = out.remove(i);
                out.add(random.nextInt(out.size() + 1), moved);
            }
            case 3 -> out.set(i, changeNumber(out.get(i), random));
            case 4 -> out.set(i, out.get(i).replaceFirst("^t\\d+ ", "t0 "));
            default -> out.set(i, out.get(i).replace("VANISHED ", random.nextBoolean() ? "VANISHED (EARLIER) " : "VANISHED 1,"));
        }
        return out;
    }

    private static String changeNumber(String line, SplittableRandom random) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return line;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        long value = Long.parseLong(line.substring(span[0], Math.min(span[1], span[0] + 18)));
        long next = switch (random.nextInt(3)) {
            case 0 -> value + 1;
            case 1 -> Math.max(0, value - 1);
            default -> random.nextLong(0, 20);
        };
        return line.substring(0, span[0]) + next + line.substring(span[1]);
    }
}
