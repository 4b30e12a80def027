package org.modseq.benchmarks.driver;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole client session over loopback against the reference server in this process: connect,
 * LOGIN, ENABLE QRESYNC, SELECT (QRESYNC), UID FETCH (CHANGEDSINCE VANISHED), a conditional
 * STORE, LOGOUT. It measures the network layer, parsing, rendering and the engine together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class LoopbackSessionBenchmark {

    private static final String MAILBOX = "bench";

    @Param({"1000", "100000"})
    public int messages;

    private ImapServer server;
    private Target target;
    private long uidValidity;
    private long since;
    private int turn;

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = ImapServer.start(StoreEngine.create(ServerChoices.RFC_DEFAULTS, Map.of("bench", "pw")),
                ServerConfig.defaults().withPort(0));
        target = new Target("127.0.0.1", server.port(), "bench", "pw");
        // The same fill and changes the load driver makes: n messages, 10 changes, 1 expunge.
        ResyncWorkload.Result filled = ResyncWorkload.run(target, MAILBOX, messages, 10, 1, 7162);
        if (filled.fetchedPerResync() != 10) {
            throw new IllegalStateException("the resync reported " + filled.fetchedPerResync() + " changes, not 10");
        }
        try (WireClient client = WireClient.login(target)) {
            client.expectOk("ENABLE QRESYNC");
            for (String line : client.expectOk("EXAMINE " + MAILBOX)) {
                if (line.startsWith("* OK [UIDVALIDITY ")) {
                    uidValidity = Long.parseLong(line.substring(18, line.indexOf(']')));
                }
                if (line.startsWith("* OK [HIGHESTMODSEQ ")) {
                    since = Long.parseLong(line.substring(20, line.indexOf(']'))) - 20;
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.close();
    }

    @Benchmark
    public int session() throws IOException {
        try (WireClient client = WireClient.login(target)) {
            client.expectOk("ENABLE QRESYNC");
            int lines = client.expectOk("SELECT " + MAILBOX + " (QRESYNC (" + uidValidity + " " + since + "))").size();
            lines += client.expectOk("UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + since + " VANISHED)").size();
            String action = (turn++ & 1) == 0 ? "+" : "-";
            lines += client.expectOk("UID STORE 2 (UNCHANGEDSINCE 9223372036854775807) " + action
                    + "FLAGS.SILENT ($Bench)").size();
            return lines;
        }
    }
}
