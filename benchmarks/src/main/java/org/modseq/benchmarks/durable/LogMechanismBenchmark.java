package org.modseq.benchmarks.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
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
 * The durable write a STORE or an APPEND costs, by mechanism, one at a time (no group commit):
 * a checksummed record appended to a log file and forced ({@link FileChannel#force}), as the
 * reference store's journal does, against one put into an embedded store (H2 MVStore) committed
 * and synced. {@code record} is the payload size: 64 octets is a STORE record, 4096 an APPEND
 * with a small message. Files go to {@code -Dmodseq.bench.dir} (default {@code target}): measure
 * on the disk the server would use, not on a tmpfs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class LogMechanismBenchmark {

    @Param({"64", "4096"})
    public int record;

    private Path dir;
    private FileChannel log;
    private MVStore store;
    private MVMap<Long, byte[]> map;
    private byte[] payload;
    private long key;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path base = Path.of(System.getProperty("modseq.bench.dir", "target"));
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "durable-mechanism");
        log = FileChannel.open(dir.resolve("journal.log"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        store = new MVStore.Builder().fileName(dir.resolve("store.mv").toString()).autoCommitDisabled().open();
        map = store.openMap("messages");
        payload = new byte[record];
        for (int i = 0; i < record; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        log.close();
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The journal's way: length, CRC32C and payload appended, then forced. */
    @Benchmark
    public long walAppendAndForce() throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        while (frame.hasRemaining()) {
            log.write(frame);
        }
        log.force(false);
        return log.size();
    }

    /** An embedded store's way: a put, a commit (a new version of the B-tree) and a sync. */
    @Benchmark
    public long mvStorePutCommitSync() {
        map.put(key++, payload);
        long version = store.commit();
        store.sync();
        return version;
    }
}
