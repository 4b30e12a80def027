package org.modseq.benchmarks.durable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.journal.DataDirectoryException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * STORE and APPEND as the server runs them with durability on: each command returns only once
 * its journal records are forced, so with one session every command pays a force, and with 16
 * sessions at once the forces are shared (group commit). {@code memory} is the same engine
 * without a data directory, for scale. In process (no sockets): the cost measured is the store's
 * and the disk's. Files go to {@code -Dmodseq.bench.dir} (default {@code target}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DurableCommandBenchmark {

    static final String USER = "bench";
    static final String CONTENT = "From: bench@example.org\r\nSubject: benchmark\r\n\r\nBody of a small message.\r\n";

    @Param({"journal", "memory"})
    public String store;

    StoreEngine engine;
    private Path dir;

    @Setup(Level.Trial)
    public void open() throws IOException, DataDirectoryException {
        Map<String, String> accounts = Map.of(USER, "pw");
        if (store.equals("journal")) {
            Path base = Path.of(System.getProperty("modseq.bench.dir", "target"));
            Files.createDirectories(base);
            dir = Files.createTempDirectory(base, "durable-commands");
            engine = StoreEngine.open(ServerChoices.RFC_DEFAULTS, accounts, NamespaceMode.PER_USER, dir, false,
                    new PrintStream(PrintStream.nullOutputStream()));
        } else {
            engine = StoreEngine.create(ServerChoices.RFC_DEFAULTS, accounts, NamespaceMode.PER_USER);
        }
        Connection filler = Session.login(engine);
        Command append = command("APPEND INBOX {" + CONTENT.length() + "+}\r\n" + CONTENT);
        for (int i = 0; i < 64; i++) {
            filler.execute("f", append);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** One client connection with INBOX selected; each flips a flag on a message of its own. */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        Command[] flip;
        Command append;
        int turn;

        @Setup(Level.Trial)
        public void open(DurableCommandBenchmark benchmark, ThreadParams thread) {
            connection = login(benchmark.engine);
            connection.execute("s", command("SELECT INBOX"));
            long uid = thread.getThreadIndex() + 1;
            flip = new Command[] {
                command("UID STORE " + uid + " (UNCHANGEDSINCE 9223372036854775807) +FLAGS.SILENT (\\Flagged)"),
                command("UID STORE " + uid + " (UNCHANGEDSINCE 9223372036854775807) -FLAGS.SILENT (\\Flagged)")};
            append = command("APPEND INBOX {" + CONTENT.length() + "+}\r\n" + CONTENT);
        }

        static Connection login(StoreEngine engine) {
            Connection connection = engine.open();
            connection.execute("l", command("LOGIN " + USER + " pw"));
            return connection;
        }
    }

    @Benchmark
    @Threads(1)
    public List<Response> store1Session(Session session) {
        return session.connection.execute("t", session.flip[session.turn++ & 1]);
    }

    @Benchmark
    @Threads(16)
    public List<Response> store16Sessions(Session session) {
        return session.connection.execute("t", session.flip[session.turn++ & 1]);
    }

    @Benchmark
    @Threads(1)
    public List<Response> append1Session(Session session) {
        return session.connection.execute("t", session.append);
    }

    @Benchmark
    @Threads(16)
    public List<Response> append16Sessions(Session session) {
        return session.connection.execute("t", session.append);
    }

    static Command command(String text) {
        try {
            return CommandParser.parseCommand(text);
        } catch (CommandSyntaxException e) {
            throw new IllegalArgumentException("benchmark command does not parse: " + text, e);
        }
    }
}
