package org.modseq.benchmarks.driver;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Mixed flag changes from several connections on one mailbox, each connection keeping
 * {@code pipeline} commands in flight for a fixed time: {@code +FLAGS}/{@code -FLAGS}, a third of
 * them conditional ({@code UNCHANGEDSINCE}, RFC 7162 §3.1.3) and a third not silent, so that every
 * server also reports MODSEQ and other connections' changes. Latency is from a command's first
 * octet to its tagged response.
 */
final class StoreWorkload {

    /** What one run measured; latencies in nanoseconds. */
    record Result(int connections, int pipeline, double seconds, long commands, Histogram latency) {
        double commandsPerSecond() {
            return commands / seconds;
        }
    }

    private StoreWorkload() {
    }

    /** Runs on the mailbox {@link ResyncWorkload} filled; {@code uids} are live messages in it. */
    static Result run(Target target, String mailbox, int connections, int pipeline, double seconds, long seed)
            throws IOException {
        List<Long> uids;
        try (WireClient client = WireClient.login(target)) {
            client.expectOk("SELECT " + WireClient.quoted(mailbox));
            uids = new ArrayList<>();
            for (String line : client.expectOk("UID SEARCH ALL")) {
                if (line.startsWith("* SEARCH ")) {
                    for (String word : line.substring("* SEARCH ".length()).split(" ")) {
                        uids.add(Long.parseLong(word));
                    }
                }
            }
        }
        if (uids.isEmpty()) {
            throw new IOException("mailbox " + mailbox + " is empty: nothing to STORE to");
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<Histogram>> futures = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Random random = new Random(seed + c);
                futures.add(pool.submit(() -> connection(target, mailbox, uids, pipeline, deadline, random)));
            }
            Histogram latency = new Histogram(3);
            for (Future<Histogram> future : futures) {
                latency.add(future.get());
            }
            return new Result(connections, pipeline, seconds, latency.getTotalCount(), latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Histogram connection(Target target, String mailbox, List<Long> uids, int pipeline, long deadline,
            Random random) throws IOException {
        Histogram latency = new Histogram(3);
        try (WireClient client = WireClient.login(target)) {
            client.expectOk("SELECT " + WireClient.quoted(mailbox) + " (CONDSTORE)");
            Deque<String> tags = new ArrayDeque<>();
            Deque<Long> sent = new ArrayDeque<>();
            while (true) {
                boolean more = System.nanoTime() < deadline;
                while (more && tags.size() < pipeline) {
                    String tag = client.nextTag();
                    client.write(tag, command(uids.get(random.nextInt(uids.size())), random));
                    tags.add(tag);
                    sent.add(System.nanoTime());
                }
                client.flush();
                if (tags.isEmpty()) {
                    return latency;
                }
                // Tagged responses come in command order: the server runs one connection's commands in turn.
                String tag = tags.removeFirst();
                String last = client.readUntil(tag).getLast();
                latency.recordValue(System.nanoTime() - sent.removeFirst());
                if (!last.startsWith(tag + " OK")) {
                    throw new IOException("STORE refused: " + last);
                }
            }
        }
    }

    private static String command(long uid, Random random) {
        String action = random.nextBoolean() ? "+FLAGS" : "-FLAGS";
        String flag = random.nextBoolean() ? "\\Seen" : "$Label" + random.nextInt(4);
        int kind = random.nextInt(3);
        String condition = kind == 0 ? "(UNCHANGEDSINCE 9223372036854775807) " : "";
        String silent = kind == 2 ? "" : ".SILENT";
        return "UID STORE " + uid + " " + condition + action + silent + " (" + flag + ")";
    }
}
