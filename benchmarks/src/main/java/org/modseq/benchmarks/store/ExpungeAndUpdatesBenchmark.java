package org.modseq.benchmarks.store;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
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
 * Work that a change makes for its own session and the others: EXPUNGE of k messages, and the
 * updates another session is owed after k changes (found through the mod-sequence index, R16,
 * R18). Each invocation needs fresh changes, made in an untimed per-invocation setup; the
 * measured commands take microseconds to milliseconds, where JMH's per-invocation overhead is
 * small next to them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
public class ExpungeAndUpdatesBenchmark {

    /** The mailbox and the sizes; each state below prepares its own changes. */
    @State(Scope.Benchmark)
    public abstract static class Sized {
        @Param({"1000", "10000", "100000", "1000000"})
        public int messages;

        @Param({"10", "1000"})
        public int changes;

        ChangedMailbox box;
        final Command noop = ChangedMailbox.command("NOOP");

        @Setup(Level.Trial)
        public void fill() {
            box = ChangedMailbox.of(ChangedMailbox.storeEngine(ServerChoices.RFC_DEFAULTS), messages, 10);
        }
    }

    /** k flag changes by the writer before each invocation, undone by the next: the reader is owed k updates. */
    public static class Changed extends Sized {
        private Command[][] flips;
        private int turn;

        @Setup(Level.Trial)
        public void commands() {
            // Every flip must hit a live message, or the reader is owed fewer than k updates: the
            // box's one expunge took UID 1, so UIDs 2..n, spread evenly (n = 10^3, k = 1,000: all).
            long live = messages - 1;
            long stride = Math.max(1, live / changes);
            flips = new Command[2][changes];
            for (int i = 0; i < changes; i++) {
                long uid = 2 + (i * stride) % live;
                flips[0][i] = ChangedMailbox.command("UID STORE " + uid + " +FLAGS.SILENT ($Label" + (i & 3) + ")");
                flips[1][i] = ChangedMailbox.command("UID STORE " + uid + " -FLAGS.SILENT ($Label" + (i & 3) + ")");
            }
        }

        @Setup(Level.Invocation)
        public void change() {
            for (Command flip : flips[turn++ & 1]) {
                box.writer.execute("t", flip);
            }
        }
    }

    /** k new messages marked \Deleted before each invocation, so the mailbox keeps its size. */
    public static class Deleted extends Sized {
        private Command appendDeleted;
        final Command expunge = ChangedMailbox.command("EXPUNGE");

        @Setup(Level.Trial)
        public void commands() {
            appendDeleted = ChangedMailbox.command("APPEND INBOX (\\Deleted) {" + ChangedMailbox.CONTENT.length()
                    + "}\r\n" + ChangedMailbox.CONTENT);
        }

        @Setup(Level.Invocation)
        public void delete() {
            for (int i = 0; i < changes; i++) {
                box.writer.execute("a", appendDeleted);
            }
            box.writer.execute("n", noop);
            box.reader.execute("n", noop); // the reader hears of the last expunges, so none pile up
        }
    }

    @Benchmark
    public List<Response> updatesOwedToAnotherSession(Changed state) {
        return state.box.reader.execute("n", state.noop);
    }

    @Benchmark
    public List<Response> expungeOfKMessages(Deleted state) {
        return state.box.writer.execute("e", state.expunge);
    }
}
