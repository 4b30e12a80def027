package org.modseq.benchmarks.driver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load}: the same workload against any IMAP server over the network, so that Modseq and
 * another server (Dovecot, say) can be compared in one run on one machine. For each mailbox size
 * it fills a fresh mailbox, makes changes from a second connection and times the resync
 * ({@link ResyncWorkload}), then runs pipelined STOREs from several connections for a fixed time
 * ({@link StoreWorkload}). Results go to standard output and, with {@code --out}, as one JSON
 * object per line to a file.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time CONDSTORE/QRESYNC resyncs and pipelined STOREs against an IMAP server.")
public final class LoadDriver implements Callable<Integer> {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "1143", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", defaultValue = "demo", description = "Account (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "demo", description = "Password (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--label", defaultValue = "server", description = "Name of the server in the results.")
    String label;

    @Option(names = "--mailbox", defaultValue = "modseq-load",
            description = "Mailbox to delete, create and fill (default: ${DEFAULT-VALUE}).")
    String mailbox;

    @Option(names = "--messages", split = ",", defaultValue = "1000,10000",
            description = "Mailbox sizes n, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> messages;

    @Option(names = "--changes", defaultValue = "10",
            description = "Flag changes k before the resync; k/10 (at least 1) expunges too (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--repeats", defaultValue = "20", description = "Timed resyncs per size (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--connections", defaultValue = "4",
            description = "Connections of the STORE workload (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--pipeline", defaultValue = "8",
            description = "Commands in flight per connection (default: ${DEFAULT-VALUE}).")
    int pipeline;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Duration of the STORE workload; 0 skips it (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--seed", defaultValue = "7162", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Append one JSON object per mailbox size to this file.")
    Path out;

    private PrintWriter stdout = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
        LoadDriver driver = new LoadDriver();
        driver.stdout = out;
        CommandLine cli = new CommandLine(driver).setOut(out).setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("load: " + e.getMessage() + " (see load --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("load: " + e.getMessage());
            return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (messages.stream().anyMatch(n -> n < 1) || changes < 1 || repeats < 1 || connections < 1 || pipeline < 1
                || seconds < 0) {
            throw new IllegalArgumentException("--messages, --changes, --repeats, --connections and --pipeline must be"
                    + " positive, --seconds not negative");
        }
        Target target = new Target(host, port, user, password);
        try {
            WireClient.login(target).close();
        } catch (ConnectException | UnknownHostException e) {
            throw new IllegalArgumentException("cannot reach " + host + ":" + port + ": " + e.getMessage(), e);
        }
        for (int n : messages) {
            ResyncWorkload.Result resync = ResyncWorkload.run(target, mailbox, n, changes, repeats, seed);
            StoreWorkload.Result store = seconds == 0 ? null
                    : StoreWorkload.run(target, mailbox, connections, pipeline, seconds, seed);
            stdout.println(summary(resync, store));
            if (out != null) {
                Files.writeString(out, json(resync, store) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
        return 0;
    }

    private String summary(ResyncWorkload.Result r, StoreWorkload.Result s) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s n=%d k=%d expunges=%d: QRESYNC select p50 %.0f us p99 %.0f us; CHANGEDSINCE fetch p50 %.0f us p99"
                        + " %.0f us (%d changed, %d vanished reported); %.0f appends/s",
                label, r.messages(), r.changes(), r.expunges(), micros(r.qresyncSelect(), 50),
                micros(r.qresyncSelect(), 99), micros(r.changedSinceFetch(), 50), micros(r.changedSinceFetch(), 99),
                r.fetchedPerResync(), r.vanishedPerResync(), r.appendsPerSecond()));
        if (s != null) {
            sb.append(String.format(Locale.ROOT, "; STORE %d conns x %d in flight: %.0f/s, p50 %.0f us p99 %.0f us",
                    s.connections(), s.pipeline(), s.commandsPerSecond(), micros(s.latency(), 50),
                    micros(s.latency(), 99)));
        }
        return sb.toString();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the results file; {@code ResultsReport} reads these. */
    private String json(ResyncWorkload.Result r, StoreWorkload.Result s) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", label);
        node.put("messages", r.messages());
        node.put("changes", r.changes());
        node.put("expunges", r.expunges());
        node.put("repeats", repeats);
        node.put("appendsPerSecond", round(r.appendsPerSecond()));
        node.set("qresyncSelectMicros", latency(r.qresyncSelect()));
        node.set("changedSinceFetchMicros", latency(r.changedSinceFetch()));
        node.put("fetchedPerResync", r.fetchedPerResync());
        node.put("vanishedPerResync", r.vanishedPerResync());
        if (s != null) {
            node.put("storeConnections", s.connections());
            node.put("storePipeline", s.pipeline());
            node.put("storeSeconds", s.seconds());
            node.put("storePerSecond", round(s.commandsPerSecond()));
            node.set("storeMicros", latency(s.latency()));
        }
        return JSON.writeValueAsString(node);
    }

    private static ObjectNode latency(Histogram h) {
        ObjectNode node = JSON.createObjectNode();
        node.put("p50", round(micros(h, 50)));
        node.put("p99", round(micros(h, 99)));
        node.put("mean", round(h.getMean() / 1e3));
        node.put("max", round(h.getMaxValue() / 1e3));
        return node;
    }

    private static double micros(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
