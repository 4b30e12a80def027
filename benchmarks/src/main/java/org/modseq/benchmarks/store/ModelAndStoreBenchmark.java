package org.modseq.benchmarks.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.modseq.model.command.Command;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.ModelEngine;
import org.modseq.reference.engine.StoreEngine;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One history of two sessions, run from the start by the model ({@link ModelEngine}) and by the
 * reference engine ({@link StoreEngine}): the model copies its state on every change, so it is
 * slower, and issue 5 asks that it stay within 100x of the reference on the same history. The
 * history fills a mailbox of {@code messages} messages, then one session changes flags, some
 * conditionally, and expunges, while the other resynchronises with CHANGEDSINCE and QRESYNC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ModelAndStoreBenchmark {

    @Param({"100", "1000"})
    public int messages;

    @Param({"model", "store"})
    public String engine;

    private final List<Command> writes = new ArrayList<>();
    private final List<Command> reads = new ArrayList<>();
    private Command append;

    @Setup(Level.Trial)
    public void history() {
        append = ChangedMailbox.command("APPEND INBOX {" + ChangedMailbox.CONTENT.length() + "}\r\n"
                + ChangedMailbox.CONTENT);
        for (int i = 1; i <= 200; i++) {
            long uid = 1 + (i * 37L) % messages;
            writes.add(ChangedMailbox.command(i % 3 == 0
                    ? "UID STORE " + uid + " (UNCHANGEDSINCE 9223372036854775807) +FLAGS ($Label" + i % 5 + ")"
                    : "UID STORE " + uid + " " + (i % 2 == 0 ? "+" : "-") + "FLAGS.SILENT (\\Seen)"));
            if (i % 40 == 0) {
                writes.add(ChangedMailbox.command("UID STORE " + (1 + (i * 53L) % messages) + " +FLAGS.SILENT (\\Deleted)"));
                writes.add(ChangedMailbox.command("EXPUNGE"));
            }
        }
        reads.add(ChangedMailbox.command("UID FETCH 1:* (FLAGS) (CHANGEDSINCE 2 VANISHED)"));
        reads.add(ChangedMailbox.command("SELECT INBOX (QRESYNC (1 2 1:" + messages + "))"));
        reads.add(ChangedMailbox.command("NOOP"));
    }

    @Benchmark
    public void wholeHistory(Blackhole sink) {
        Map<String, String> accounts = Map.of(ChangedMailbox.USER, ChangedMailbox.PASSWORD);
        ImapEngine server = engine.equals("model") ? ModelEngine.create(ServerChoices.RFC_DEFAULTS, accounts)
                : StoreEngine.create(ServerChoices.RFC_DEFAULTS, accounts);
        Connection writer = ChangedMailbox.login(server);
        for (int i = 0; i < messages; i++) {
            sink.consume(writer.execute("a", append));
        }
        ChangedMailbox.run(writer, "SELECT INBOX");
        Connection reader = ChangedMailbox.login(server);
        ChangedMailbox.run(reader, "ENABLE QRESYNC");
        ChangedMailbox.run(reader, "SELECT INBOX");
        int step = 0;
        for (Command write : writes) {
            sink.consume(writer.execute("w", write));
            if (++step % 20 == 0) {
                for (Command read : reads) {
                    sink.consume(reader.execute("r", read));
                }
            }
        }
    }
}
