package org.modseq.properties.check;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Judge;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.StatefulProperty;
import org.modseq.properties.history.HistoryGenerator;
import org.modseq.properties.history.HistoryStep;
import org.modseq.properties.history.MailboxNames;
import org.modseq.properties.sessions.ClosedAfterBye;
import org.modseq.properties.sessions.ServerSessions;
import org.modseq.reference.cli.Account;

/**
 * The server conforms on a random scenario: every answer the judge sees is one RFC 7162 permits,
 * and every command is answered. A scenario starts clean (the mailboxes earlier ones left are
 * deleted, unjudged), connects A, B and C, logs them in and creates its mailboxes, all judged;
 * then its steps run: a session sends a command, or drops its connection and logs in on a new
 * one (which the generator follows with QRESYNC resyncs).
 *
 * <p>Shrinking replays shorter scenarios against the server; a replay that fails in another way
 * than the first failure (another rule, a hang for a violation) does not count as failing, so
 * the minimal scenario shows the same problem.
 */
final class ConformanceProperty implements StatefulProperty<ConformanceProperty.Scenario, HistoryStep> {

    private static final List<String> SESSIONS = List.of("A", "B", "C");

    /** The sessions to the server, the model alongside, the judge and what it has seen. */
    static final class Scenario {
        final ServerSessions sessions;
        final ModelGuide guide;
        final List<Event> events = new ArrayList<>();
        final Set<String> connected = new HashSet<>();
        final ServerUidValidities uidValidities = new ServerUidValidities();
        Judge judge;
        int tags;
        /** A failure of the scenario's setup, thrown by its first step. */
        ScenarioFailed pending;
        /** Failed otherwise than the failure being shrunk, or on a known deviation: the rest does not run. */
        boolean diverged;

        Scenario(ServerSessions sessions, ModelGuide guide, Judge judge) {
            this.sessions = sessions;
            this.guide = guide;
            this.judge = judge;
        }
    }

    private final CheckTarget target;
    private final MailboxNames names;
    private final String prefix;
    private final HistoryGenerator generator;
    private final int tries;
    private final CheckProgress progress;
    private final long startNanos;
    private int scenarios;
    private int shrinkReplays;
    private long steps;
    /** The kind of the first failure: the one shrinking keeps. */
    private String firstKind;
    /** The failure of that kind with the fewest events so far. */
    private ScenarioFailed smallest;
    /** Account name to the unjudged session that deletes what scenarios left. */
    private final Map<String, UnjudgedSession> preparing = new HashMap<>();
    private final KnownRules known;
    /** Rule to the known deviations met in the scenarios proper (not in shrinking's replays). */
    private final Map<String, KnownMet> knownMet = new LinkedHashMap<>();

    /** A known deviation's tally: the scenarios it ended, and the first of them. */
    static final class KnownMet {
        final int firstScenario;
        final ScenarioFailed first;
        int scenarios;

        KnownMet(int firstScenario, ScenarioFailed first) {
            this.firstScenario = firstScenario;
            this.first = first;
        }
    }

    ConformanceProperty(CheckTarget target, MailboxNames names, String prefix, int tries, KnownRules known,
            CheckProgress progress, long startNanos) {
        this.target = target;
        this.known = known;
        this.names = names;
        this.prefix = prefix;
        this.generator = HistoryGenerator.of(names);
        this.tries = tries;
        this.progress = progress;
        this.startNanos = startNanos;
    }

    @Override
    public String name() {
        return "the server at " + target.name() + " conforms to RFC 7162";
    }

    @Override
    public Scenario initialState() {
        if (firstKind == null) {
            progress.scenarioStarted(++scenarios, tries, steps, Checker.since(startNanos));
        } else {
            progress.shrinkReplayStarted(++shrinkReplays, smallest.finding, Checker.since(startNanos));
        }
        removeLeftovers();
        Scenario scenario = new Scenario(target.sessions().get(),
                new ModelGuide(!target.accountOf("C").name().equals(target.user().name()), target.secondNamespace()),
                Judge.start(target.setup()));
        try {
            for (String id : SESSIONS) {
                reconnect(scenario, id);
            }
            createMailboxes(scenario, "A");
            if (target.secondNamespace()) {
                createMailboxes(scenario, "C");
            }
        } catch (ScenarioFailed failed) {
            scenario.pending = failed;
        } catch (RuntimeException e) {
            cleanup(scenario);
            throw e;
        }
        return scenario;
    }

    /**
     * Deletes, unjudged, the mailboxes under this check's prefix in every account the scenarios
     * use. The sessions that do it stay logged in from one scenario to the next (a login costs a
     * real server tens of milliseconds); one that the server has closed meanwhile is opened again.
     */
    void removeLeftovers() {
        Set<String> done = new LinkedHashSet<>();
        for (String id : SESSIONS) {
            Account account = target.accountOf(id);
            if (done.add(account.name())) {
                UnjudgedSession session = preparing.get(account.name());
                try {
                    if (session == null) {
                        session = UnjudgedSession.logIn(target, account);
                        preparing.put(account.name(), session);
                    }
                    session.deleteMailboxesUnder(prefix);
                } catch (UnusableTargetException e) {
                    if (session == null) {
                        throw e;
                    }
                    session.close();
                    session = UnjudgedSession.logIn(target, account);
                    preparing.put(account.name(), session);
                    session.deleteMailboxesUnder(prefix);
                }
            }
        }
    }

    /** Logs out the sessions that prepare the accounts. */
    void closePreparingSessions() {
        preparing.values().forEach(UnjudgedSession::close);
        preparing.clear();
    }

    /** The scenario's mailboxes, created by session {@code id} and judged; a refusal makes the server unusable. */
    private void createMailboxes(Scenario scenario, String id) {
        for (String name : names.created()) {
            Command create = new Command.Create(name);
            List<String> lines = send(scenario, id, create);
            if (!UnjudgedSession.taggedOk(lines)) {
                throw new UnusableTargetException("cannot create the mailbox " + name + " as "
                        + target.accountOf(id).name() + ": " + lines.getLast());
            }
        }
    }

    @Override
    public Gen<HistoryStep> commands(Scenario scenario) {
        return generator.nextStep(scenario.guide::state);
    }

    /**
     * A reconnect can always run; a command needs its session logged in, and one the generator
     * draws only with a mailbox selected needs one selected: shrinking drops the steps that
     * only made sense after a step it removed, so the minimal scenario holds no stray BADs.
     */
    @Override
    public boolean precondition(Scenario scenario, HistoryStep step) {
        return switch (step) {
            case HistoryStep.Reconnect r -> true;
            case HistoryStep.Send s -> scenario.guide.authenticated(s.session())
                    && (!s.command().needsSelectedMailbox() || scenario.guide.selected(s.session()));
        };
    }

    @Override
    public Scenario run(Scenario scenario, HistoryStep step) {
        if (scenario.diverged) {
            return scenario;
        }
        steps++;
        try {
            if (scenario.pending != null) {
                ScenarioFailed pending = scenario.pending;
                scenario.pending = null;
                throw pending;
            }
            switch (step) {
                case HistoryStep.Reconnect r -> reconnect(scenario, r.session());
                case HistoryStep.Send s -> send(scenario, s.session(), s.command());
            }
        } catch (ScenarioFailed failed) {
            if (known.acknowledges(failed.finding)) {
                // The judge cannot follow a server past a violation: the scenario ends here.
                if (firstKind == null) {
                    knownMet.computeIfAbsent(failed.finding.kind(), k -> new KnownMet(scenarios, failed)).scenarios++;
                }
                scenario.diverged = true;
                return scenario;
            }
            if (firstKind == null) {
                firstKind = failed.finding.kind();
            }
            if (!failed.finding.kind().equals(firstKind)) {
                scenario.diverged = true;
                return scenario;
            }
            if (smallest == null || failed.events.size() <= smallest.events.size()) {
                smallest = failed;
            }
            throw failed;
        }
        return scenario;
    }

    @Override
    public void cleanup(Scenario scenario) {
        scenario.sessions.close();
        scenario.guide.close();
    }

    @Override
    public String describe(HistoryStep step) {
        return step.toString();
    }

    /** Scenarios started before shrinking began. */
    int scenarios() {
        return scenarios;
    }

    int shrinkReplays() {
        return shrinkReplays;
    }

    /** The known deviations met before shrinking began, by rule, in the order first met. */
    Map<String, KnownMet> knownMet() {
        return knownMet;
    }

    /** The smallest failure of the first failure's kind seen so far, or null before any. */
    ScenarioFailed smallestFailure() {
        return smallest;
    }

    /** Session {@code id} drops its connection (if it had one), connects again and logs in. */
    private void reconnect(Scenario scenario, String id) {
        if (scenario.connected.remove(id)) {
            judge(scenario, new Event.Drop(id));
        }
        scenario.guide.reconnect(id);
        List<String> greeting;
        try {
            greeting = scenario.sessions.connect(id);
        } catch (UncheckedIOException e) {
            throw failed(scenario, id, "(connect)", e);
        }
        scenario.connected.add(id);
        judge(scenario, new Event.Connect(id, greeting));
        Account account = target.accountOf(id);
        send(scenario, id, new Command.Login(account.name(), account.password()));
    }

    /**
     * Session {@code id} sends {@code command} as drawn to the guide, and with the server's own
     * UIDVALIDITY where it names one to the server, judged: the server's response lines.
     */
    private List<String> send(Scenario scenario, String id, Command command) {
        String tag = "t" + ++scenario.tags;
        String namespace = target.setup().sharedMailboxes() ? "" : target.accountOf(id).name();
        Command sent = scenario.uidValidities.forServer(namespace, command, command instanceof Command.Select s
                ? scenario.guide.state(id).mailbox(s.mailbox()) : Optional.empty());
        if (!(command instanceof Command.Login)) {
            scenario.guide.send(id, command);
        }
        List<String> lines;
        try {
            lines = scenario.sessions.send(id, tag, sent);
        } catch (UncheckedIOException e) {
            throw failed(scenario, id, tag + " " + sent.toWire(), e);
        }
        judge(scenario, new Event.Exchange(id, tag, sent, lines));
        scenario.uidValidities.learn(namespace, sent, lines);
        return lines;
    }

    private static void judge(Scenario scenario, Event event) {
        scenario.events.add(event);
        Judge.Step step = scenario.judge.after(event);
        if (step.violation().isPresent()) {
            throw new ScenarioFailed(new Finding.Violated(step.violation().get()), scenario.events);
        }
        scenario.judge = step.judge();
    }

    /** A hang or a lost connection while session {@code id} was doing {@code what}. */
    private static ScenarioFailed failed(Scenario scenario, String id, String what, UncheckedIOException e) {
        Finding finding = e.getCause() instanceof SocketTimeoutException ? new Finding.NoAnswer(id, what)
                : e.getCause() instanceof ClosedAfterBye bye ? new Finding.ClosedAfterBye(id, what, bye.byeLine())
                : new Finding.ConnectionLost(id, what, e.getCause() instanceof EOFException ? "end of stream"
                        : UnjudgedSession.cause(e));
        return new ScenarioFailed(finding, scenario.events);
    }
}
