package org.modseq.benchmarks.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Command parsing and response encoding, in operations per second; the bytes per operation are
 * fixed by the inputs ({@link #COMMAND_OCTETS}, and the octets of the responses, printed at
 * setup), so bytes per second follow from the scores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WireBenchmark {

    /** A sync client's typical lines. */
    static final List<String> COMMANDS = List.of(
            "a1 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345 VANISHED)",
            "a2 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541 (1,3,5 41,43,45)))",
            "a3 UID STORE 1:100,200:300 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Seen $Forwarded)",
            "a4 UID SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338 NOT DELETED",
            "a5 FETCH 1:10 (UID FLAGS MODSEQ RFC822.SIZE)",
            "a6 NOOP");
    static final int COMMAND_OCTETS = COMMANDS.stream().mapToInt(c -> c.length() + 2).sum();

    private List<Response> responses;

    @Setup(Level.Trial)
    public void responses() {
        ChangedMailbox box = ChangedMailbox.of(ChangedMailbox.storeEngine(ServerChoices.RFC_DEFAULTS), 1000, 100);
        responses = new ArrayList<>(ChangedMailbox.run(box.reader, "FETCH 1:100 (UID FLAGS MODSEQ RFC822.SIZE)"));
        responses.addAll(ChangedMailbox.run(box.reader, "UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + box.since + " VANISHED)"));
        int octets = responses.stream().mapToInt(r -> r.toWire().length() + 2).sum();
        System.out.printf("%n%d command lines = %d octets; %d responses = %d octets%n", COMMANDS.size(), COMMAND_OCTETS,
                responses.size(), octets);
    }

    @Benchmark
    @OperationsPerInvocation(6)
    public void parseCommands(Blackhole sink) throws CommandSyntaxException {
        for (String line : COMMANDS) {
            sink.consume(CommandParser.parse(line));
        }
    }

    @Benchmark
    public void encodeResponses(Blackhole sink) {
        for (Response response : responses) {
            sink.consume(response.toWire());
        }
    }
}
