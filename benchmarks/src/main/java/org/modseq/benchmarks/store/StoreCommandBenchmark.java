package org.modseq.benchmarks.store;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.Connection;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference store's changing commands on a mailbox of n messages: a flag STORE on one
 * message (issue 5 target: under a microsecond in-process), the same with UNCHANGEDSINCE, a
 * conditional STORE over 1,000 messages, and APPEND. The STOREs alternate +FLAGS and -FLAGS so that every one is a real change
 * with a new mod-sequence (R4). APPEND grows the mailbox by one message per call, which is small
 * next to n for the sizes measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class StoreCommandBenchmark {

    @Param({"1000", "10000", "100000", "1000000"})
    public int messages;

    private Connection writer;
    private Command[] flagStore;
    private Command[] conditionalFlagStore;
    private Command[] conditionalStore;
    private Command append;
    private int turn;

    @Setup(Level.Trial)
    public void fill() {
        ChangedMailbox box = ChangedMailbox.of(ChangedMailbox.storeEngine(ServerChoices.RFC_DEFAULTS), messages, 10);
        writer = box.writer;
        long middle = messages / 2 + 1;
        flagStore = new Command[] {
            ChangedMailbox.command("UID STORE " + middle + " +FLAGS.SILENT (\\Seen)"),
            ChangedMailbox.command("UID STORE " + middle + " -FLAGS.SILENT (\\Seen)")};
        // UNCHANGEDSINCE above every mod-sequence: all succeed, but each is checked (R33, R34).
        conditionalFlagStore = new Command[] {
            ChangedMailbox.command("UID STORE " + middle + " (UNCHANGEDSINCE 9223372036854775807) +FLAGS.SILENT (\\Seen)"),
            ChangedMailbox.command("UID STORE " + middle + " (UNCHANGEDSINCE 9223372036854775807) -FLAGS.SILENT (\\Seen)")};
        String range = (middle - 500) + ":" + (middle + 499);
        conditionalStore = new Command[] {
            ChangedMailbox.command("UID STORE " + range + " (UNCHANGEDSINCE 9223372036854775807) +FLAGS.SILENT ($Work)"),
            ChangedMailbox.command("UID STORE " + range + " (UNCHANGEDSINCE 9223372036854775807) -FLAGS.SILENT ($Work)")};
        append = ChangedMailbox.command("APPEND INBOX {" + ChangedMailbox.CONTENT.length() + "}\r\n"
                + ChangedMailbox.CONTENT);
    }

    @Benchmark
    public List<Response> flagStore() {
        return writer.execute("t", flagStore[turn++ & 1]);
    }

    @Benchmark
    public List<Response> conditionalFlagStore() {
        return writer.execute("t", conditionalFlagStore[turn++ & 1]);
    }

    @Benchmark
    public List<Response> conditionalStoreOf1000Messages() {
        return writer.execute("t", conditionalStore[turn++ & 1]);
    }

    @Benchmark
    public List<Response> append() {
        return writer.execute("a", append);
    }
}
