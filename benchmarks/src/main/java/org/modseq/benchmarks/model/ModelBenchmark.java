package org.modseq.benchmarks.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.server.Outcome;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.set.SequenceSet;
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
 * The model's cost per command on a mailbox of {@code messages} messages. The model copies on
 * write, so its costs grow with the mailbox; the reference server's benchmarks (issue 5) are the
 * ones with targets, and this one is the baseline they are compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ModelBenchmark {

    @Param({"100", "1000"})
    public int messages;

    private ServerState selected;
    private ModSeq middle;

    @Setup(Level.Trial)
    public void fill() {
        ServerState state = ServerState.initial(ServerChoices.RFC_DEFAULTS, Map.of("alex", "pw"));
        state = Server.connect(state, "A").state();
        state = Server.execute(state, "A", "l", new Command.Login("alex", "pw")).state();
        state = Server.execute(state, "A", "e", new Command.Enable(List.of("QRESYNC"))).state();
        for (int i = 0; i < messages; i++) {
            state = Server.execute(state, "A", "a", new Command.Append("INBOX", Set.of(), "m" + i)).state();
        }
        state = Server.execute(state, "A", "s", new Command.Select("INBOX", false, Optional.empty())).state();
        middle = state.mailbox("INBOX").orElseThrow().highestModSeq();
        for (int i = 1; i <= 10; i++) {
            state = store(state, i * (messages / 10));
        }
        selected = state;
    }

    private static ServerState store(ServerState state, long uid) {
        return Server.execute(state, "A", "t", new Command.Store(true, SequenceSet.of(uid), Optional.empty(),
                StoreAction.ADD, true, Set.of(Flag.FLAGGED))).state();
    }

    @Benchmark
    public Outcome flagStore() {
        return Server.execute(selected, "A", "t", new Command.Store(true, SequenceSet.of(1), Optional.empty(),
                StoreAction.ADD, false, Set.of(Flag.SEEN)));
    }

    @Benchmark
    public Outcome uidFetchChangedSinceVanished() {
        return Server.execute(selected, "A", "f", new Command.Fetch(true, SequenceSet.all(), List.of(FetchItem.FLAGS),
                Optional.of(middle), true));
    }
}
