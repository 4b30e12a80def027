package org.modseq.properties.load;

import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.judge.Event;
import org.modseq.model.judge.Judge;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.Session;
import org.modseq.model.set.SequenceSet;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;
import org.modseq.properties.history.HistoryStep;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ModelEngine;

/**
 * One account of the load and its sessions (s1, s2, ...), each on a socket of its own. The
 * sessions take turns: a session holds the account's turn from drawing its command until the
 * judge has seen the tagged response, so the account's history is one order, the order in which
 * the server ran its commands, and {@link Judge} follows it as the conformance checker's does. The
 * server runs the accounts' commands side by side; accounts share nothing the judge looks at
 * (each user has mailboxes of its own, {@link ServerSetup#PER_USER_MAILBOXES}).
 *
 * <p>The model runs the same history beside the server, to draw commands that make sense
 * ({@link Workload}) and, after the load, to say what each mailbox must hold: every APPEND, STORE
 * and EXPUNGE the server acknowledged ({@link #verifyFinalState}).
 */
final class AccountUnderLoad implements AutoCloseable {

    private static final int RECENT_EVENTS = 16;
    private static final int RECENT_LINE_LENGTH = 400;
    /** {@code * OK [UIDVALIDITY n]} of SELECT and EXAMINE, {@code UIDVALIDITY n} in a STATUS answer. */
    private static final Pattern UIDVALIDITY = Pattern.compile("UIDVALIDITY (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern TAGGED_OK = Pattern.compile("\\S+ (?i:OK)( .*)?", Pattern.DOTALL);

    private final String user;
    private final TcpSessions sessions;
    /** Fair, so that every session gets its turns and none starves under load. */
    private final ReentrantLock turn = new ReentrantLock(true);
    private final ModelEngine model;
    private final Map<String, Connection> modelConnections = new HashMap<>();
    /** Session id to the model's id of its connection. */
    private final Map<String, String> modelIds = new HashMap<>();
    /** The UIDVALIDITY the server reported for each mailbox, which QRESYNC parameters name. */
    private final Map<String, Long> uidValidities = new HashMap<>();
    /** The account's last events, kept to show with a violation. */
    private final Deque<Event> recent = new ArrayDeque<>();
    private final Map<CommandKind, Histogram> latencies = new EnumMap<>(CommandKind.class);
    private Judge judge = Judge.start(ServerSetup.PER_USER_MAILBOXES);
    private int tags;
    /** Whether the load proper is running: setup and the final check are not measured. */
    private boolean measuring;
    private long commands;
    /** Nanoseconds of turns taken while measuring, and of those spent waiting for the server's answers. */
    private long turnNanos;
    private long answerNanos;
    /** CPU time of the sessions' threads in their turns while measuring: the clients' share of the machine. */
    private long turnCpuNanos;
    private final Acknowledged acknowledged = new Acknowledged();
    private LoadFailure failure;

    /** How many changes the server acknowledged with a tagged OK. */
    static final class Acknowledged {
        long appends;
        long stores;
        long expunges;

        void add(Acknowledged other) {
            appends += other.appends;
            stores += other.stores;
            expunges += other.expunges;
        }
    }

    AccountUnderLoad(String user, TcpSessions sessions) {
        this.user = user;
        this.sessions = sessions;
        this.model = ModelEngine.create(ServerChoices.RFC_DEFAULTS, Map.of(user, LoadPlan.password(user)));
    }

    String user() {
        return user;
    }

    /** Starts or stops measuring: before the sessions' threads start, and after they end. */
    void measure(boolean on) {
        turn.lock();
        try {
            measuring = on;
        } finally {
            turn.unlock();
        }
    }

    /** Connects and logs in every session, then creates the account's second mailbox; all judged. */
    void open(List<String> ids) {
        turn.lock();
        try {
            for (String id : ids) {
                connect(id);
            }
            if (failure == null) {
                send(ids.getFirst(), new Command.Create(Workload.MAILBOXES.get(1)));
            }
        } finally {
            turn.unlock();
        }
    }

    /**
     * Session {@code id}'s turn: it draws its next step from the model's state, runs it against
     * the server and has the judge see it. False once the account has failed.
     */
    boolean step(String id, Workload workload) {
        turn.lock();
        try {
            if (failure != null) {
                return false;
            }
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            ServerState state = model.state();
            Session session = state.session(modelIds.get(id)).orElseThrow();
            switch (workload.next(id, state, session, uidValidities)) {
                case HistoryStep.Reconnect r -> connect(id);
                case HistoryStep.Send s -> send(id, s.command());
            }
            if (measuring) {
                turnNanos += System.nanoTime() - start;
                turnCpuNanos += THREADS.getCurrentThreadCpuTime() - cpuStart;
            }
            return failure == null;
        } finally {
            turn.unlock();
        }
    }

    /**
     * A fresh session examines each mailbox and fetches every message's flags, judged; what it
     * is told must be what the model holds after the whole history: no acknowledged change lost.
     */
    void verifyFinalState() {
        turn.lock();
        try {
            String id = "final";
            if (failure == null) {
                connect(id);
            }
            for (String name : Workload.MAILBOXES) {
                if (failure != null) {
                    return;
                }
                send(id, new Command.Select(name, true, Optional.of(new SelectParameter.Condstore())));
                List<String> lines = send(id, new Command.Fetch(true, SequenceSet.parse("1:*"),
                        List.of(FetchItem.FLAGS), Optional.empty(), false));
                if (failure == null) {
                    compare(name, lines);
                }
            }
        } finally {
            turn.unlock();
        }
    }

    private void compare(String name, List<String> fetchLines) {
        Map<Long, Set<Flag>> server = new TreeMap<>();
        for (String line : fetchLines) {
            try {
                if (ResponseParser.parse(line) instanceof Response.Fetch fetch) {
                    long uid = -1;
                    Set<Flag> flags = Set.of();
                    for (FetchAttribute attribute : fetch.attributes()) {
                        if (attribute instanceof FetchAttribute.UidAttribute u) {
                            uid = u.uid().value();
                        } else if (attribute instanceof FetchAttribute.Flags f) {
                            flags = withoutRecent(f.flags());
                        }
                    }
                    server.put(uid, flags);
                }
            } catch (ResponseSyntaxException e) {
                // The judge has seen the line and passed it: it parses.
                throw new IllegalStateException("a judged line does not parse: " + line, e);
            }
        }
        Map<Long, Set<Flag>> expected = new TreeMap<>();
        Mailbox mailbox = model.state().mailbox(name).orElse(null);
        if (mailbox != null) {
            for (Message message : mailbox.messages()) {
                expected.put(message.uid().value(), withoutRecent(message.flagsFor(user)));
            }
        }
        if (server.equals(expected)) {
            return;
        }
        Set<Long> lost = new TreeSet<>(expected.keySet());
        lost.removeAll(server.keySet());
        Set<Long> unexpected = new TreeSet<>(server.keySet());
        unexpected.removeAll(expected.keySet());
        List<String> flagsDiffer = new ArrayList<>();
        expected.forEach((uid, flags) -> {
            if (server.containsKey(uid) && !server.get(uid).equals(flags)) {
                flagsDiffer.add("UID " + uid + " has " + server.get(uid) + ", not " + flags);
            }
        });
        failure = new LoadFailure.LostUpdate(user, name, "messages missing (UIDs " + lost + "), unexpected (UIDs "
                + unexpected + "), flags differing: " + flagsDiffer);
    }

    private static Set<Flag> withoutRecent(Set<Flag> flags) {
        Set<Flag> kept = new HashSet<>(flags);
        kept.remove(Flag.RECENT);
        return kept;
    }

    /** Session {@code id} drops its connection, if it has one, connects again and logs in. */
    private void connect(String id) {
        Connection old = modelConnections.remove(id);
        if (old != null) {
            old.drop();
            judge(new Event.Drop(id));
        }
        Set<String> before = new HashSet<>(model.state().sessions().keySet());
        Connection connection = model.open();
        Set<String> after = new HashSet<>(model.state().sessions().keySet());
        after.removeAll(before);
        modelIds.put(id, after.iterator().next());
        modelConnections.put(id, connection);
        List<String> greeting;
        try {
            greeting = sessions.connect(id);
        } catch (UncheckedIOException e) {
            failure = new LoadFailure.NoAnswer(user, id, "(connect)", cause(e));
            return;
        }
        judge(new Event.Connect(id, greeting));
        if (failure == null) {
            send(id, new Command.Login(user, LoadPlan.password(user)));
        }
    }

    /**
     * Session {@code id} sends {@code command}, to the model and to the server, and the judge sees
     * the server's answer: its lines, or none when the account failed.
     */
    private List<String> send(String id, Command command) {
        String tag = "t" + ++tags;
        modelConnections.get(id).execute(tag, command);
        long start = System.nanoTime();
        List<String> lines;
        try {
            lines = sessions.send(id, tag, command);
        } catch (UncheckedIOException e) {
            failure = new LoadFailure.NoAnswer(user, id, tag + " " + command.toWire(), cause(e));
            return List.of();
        }
        if (measuring) {
            long took = System.nanoTime() - start;
            latencies.computeIfAbsent(CommandKind.of(command), k -> new Histogram(3)).recordValue(took);
            answerNanos += took;
            commands++;
        }
        judge(new Event.Exchange(id, tag, command, lines));
        if (failure == null) {
            learn(command, lines);
        }
        return lines;
    }

    private void learn(Command command, List<String> lines) {
        boolean ok = TAGGED_OK.matcher(lines.getLast()).matches();
        switch (command) {
            case Command.Select s -> learnUidValidity(s.mailbox(), lines);
            case Command.Status s -> learnUidValidity(s.mailbox(), lines);
            case Command.Append a when ok -> acknowledged.appends++;
            case Command.Store s when ok -> acknowledged.stores++;
            case Command.Expunge e when ok -> acknowledged.expunges++;
            case Command.UidExpunge e when ok -> acknowledged.expunges++;
            default -> {
            }
        }
    }

    private void learnUidValidity(String mailbox, List<String> lines) {
        for (String line : lines) {
            Matcher m = UIDVALIDITY.matcher(line);
            if (line.startsWith("* ") && m.find()) {
                uidValidities.put(mailbox, Long.parseLong(m.group(1)));
            }
        }
    }

    private void judge(Event event) {
        remember(event);
        Judge.Step step = judge.after(event);
        if (step.violation().isPresent()) {
            failure = new LoadFailure.Violated(user, step.violation().get(), recent.stream().map(AccountUnderLoad::line)
                    .toList());
        }
        judge = step.judge();
    }

    private void remember(Event event) {
        recent.addLast(event);
        if (recent.size() > RECENT_EVENTS) {
            recent.removeFirst();
        }
    }

    private static String line(Event event) {
        String text = event.connection() + " " + event.describe();
        if (event instanceof Event.Exchange x) {
            text += " -> " + String.join(" | ", x.lines());
        }
        text = text.replace("\r\n", "\\r\\n");
        return text.length() > RECENT_LINE_LENGTH ? text.substring(0, RECENT_LINE_LENGTH) + "..." : text;
    }

    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The latencies by kind and the commands answered while measuring. */
    Map<CommandKind, Histogram> latencies() {
        return latencies;
    }

    long commands() {
        return commands;
    }

    /** CPU time the sessions' threads used in their turns: drawing, the model, the judge, the socket calls. */
    long clientCpuNanos() {
        return turnCpuNanos;
    }

    /** Time of the turns not spent waiting for answers: drawing commands, the model and the judge. */
    long clientNanos() {
        return turnNanos - answerNanos;
    }

    Acknowledged acknowledged() {
        return acknowledged;
    }

    Optional<LoadFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        sessions.close();
        modelConnections.values().forEach(Connection::drop);
        modelConnections.clear();
    }
}
