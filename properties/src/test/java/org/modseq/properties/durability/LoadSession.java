package org.modseq.properties.durability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.modseq.model.command.Command;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.properties.sync.ClientCache;

/**
 * One client of the crash test's load, on a connection of its own with QRESYNC enabled and
 * INBOX selected: it first takes a {@link ClientCache} of INBOX (what a disconnected client keeps
 * to resynchronise from after the crash), then APPENDs, STOREs with UNCHANGEDSINCE, EXPUNGEs,
 * COPYs and MOVEs at random until the server dies under it, reporting every response to
 * {@link Witnessed}.
 */
final class LoadSession implements Runnable {

    static final String INBOX = "INBOX";
    static final String OTHER = "Other";
    private static final String ID = "load";
    private static final List<String> FLAGS = List.of("\\Flagged", "\\Seen", "\\Answered", "$A", "$B");

    private final int port;
    private final Random random;
    private final Witnessed witnessed;
    private final String name;
    private final List<Long> live = new ArrayList<>();
    private volatile ClientCache cache;
    private volatile Error failure;
    private TcpSessions sessions;
    private int tags;
    private int appended;

    LoadSession(int port, long seed, Witnessed witnessed, String name) {
        this.port = port;
        this.random = new Random(seed);
        this.witnessed = witnessed;
        this.name = name;
    }

    /** INBOX as this client cached it before the load, or null if the server died before that. */
    ClientCache cache() {
        return cache;
    }

    /** An assertion the load itself failed (a command it could not write), or null. */
    Error failure() {
        return failure;
    }

    @Override
    public void run() {
        sessions = TcpSessions.connectTo("127.0.0.1", port, Duration.ofSeconds(20));
        try {
            sessions.connect(ID);
            send(null, "LOGIN " + ServerProcess.USER + " " + ServerProcess.PASSWORD);
            send(null, "ENABLE QRESYNC");
            List<String> select = send(INBOX, "SELECT " + INBOX);
            List<String> all = send(INBOX, "UID FETCH 1:* (FLAGS)");
            TreeMap<Uid, java.util.Set<Flag>> messages = new TreeMap<>();
            for (Answers.Fetched f : Answers.fetches(all)) {
                messages.put(Uid.of(f.uid()), f.flags().orElseThrow());
                live.add(f.uid());
            }
            long uidValidity = Answers.uidValidity(select).orElseThrow();
            long highest = Answers.highestModSeqs(select).stream().mapToLong(Long::longValue).max().orElseThrow();
            cache = new ClientCache(Optional.of(UidValidity.of(uidValidity)), Optional.of(ModSeq.of(highest)),
                    Uid.MAX.value() + 1, messages);
            while (!Thread.currentThread().isInterrupted()) {
                step();
            }
        } catch (RuntimeException e) {
            // The server was killed under this client: whatever was in flight is unacknowledged.
        } catch (Error e) {
            failure = e;
        } finally {
            sessions.close();
        }
    }

    private void step() {
        int dice = random.nextInt(100);
        if (dice < 30 || live.isEmpty()) {
            append(INBOX);
        } else if (dice < 35) {
            append(OTHER);
        } else if (dice < 65) {
            store(pick());
        } else if (dice < 77) {
            long uid = pick();
            send(INBOX, "UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)");
            List<String> lines = send(INBOX, "UID EXPUNGE " + uid);
            if (Answers.isTaggedOk(lines, tag())) {
                witnessed.expungeAcknowledged();
            }
        } else if (dice < 92) {
            long uid = pick();
            boolean move = dice >= 85;
            List<String> lines = send(INBOX, (move ? "UID MOVE " : "UID COPY ") + uid + " " + OTHER);
            if (Answers.isTaggedOk(lines, tag())) {
                for (long[] pair : Answers.copyUids(lines)) {
                    witnessed.added(OTHER, pair[1], witnessed.markerOf(INBOX, pair[0]));
                }
            }
        } else if (dice < 96) {
            send(INBOX, "STATUS " + OTHER + " (UIDNEXT HIGHESTMODSEQ)");
        } else {
            send(INBOX, "NOOP");
        }
    }

    private long pick() {
        return live.get(random.nextInt(live.size()));
    }

    private void append(String mailbox) {
        String marker = name + "-" + ++appended;
        String body = "X-Marker: " + marker + "\r\nSubject: load " + appended + "\r\n\r\nbody of " + marker + "\r\n";
        String flags = random.nextBoolean() ? "" : "(" + FLAGS.get(random.nextInt(FLAGS.size())) + ") ";
        List<String> lines = send(INBOX, "APPEND " + mailbox + " " + flags + "{" + body.length() + "+}\r\n" + body);
        if (Answers.isTaggedOk(lines, tag())) {
            long uid = Answers.appendUid(lines.getLast()).orElseThrow();
            witnessed.added(mailbox, uid, marker);
            if (mailbox.equals(INBOX)) {
                live.add(uid);
            }
        }
    }

    /** A conditional STORE (R30-R40): its FETCH with MODSEQ and FLAGS is what the tagged OK acknowledges. */
    private void store(long uid) {
        Long known = witnessed.modSeqOf(INBOX, uid);
        long since = known == null || random.nextInt(4) == 0 ? Long.MAX_VALUE : known;
        String flag = FLAGS.get(random.nextInt(FLAGS.size()));
        String sign = random.nextBoolean() ? "+" : "-";
        List<String> lines = send(INBOX, "UID STORE " + uid + " (UNCHANGEDSINCE " + since + ") " + sign + "FLAGS ("
                + flag + ")");
        if (!Answers.isTaggedOk(lines, tag())) {
            return;
        }
        Answers.Fetched latest = null;
        for (Answers.Fetched f : Answers.fetches(lines)) {
            if (f.uid() == uid && f.modSeq().isPresent() && f.flags().isPresent()
                    && (latest == null || f.modSeq().get() >= latest.modSeq().get())) {
                latest = f;
            }
        }
        if (latest != null && !lines.getLast().contains("MODIFIED")) {
            witnessed.stored(INBOX, uid, latest.modSeq().get(), latest.flags().get());
        }
    }

    private String tag() {
        return "t" + tags;
    }

    /** Sends one command line with a new tag; everything it answers is witnessed. */
    private List<String> send(String selected, String line) {
        tags++;
        Command command;
        try {
            command = CommandParser.parse(tag() + " " + line).command();
        } catch (CommandSyntaxException e) {
            throw new AssertionError("the load wrote a bad command: " + line, e);
        }
        List<String> lines = sessions.send(ID, tag(), command);
        witnessed.saw(selected, lines);
        live.removeAll(Answers.vanished(lines));
        return lines;
    }
}
