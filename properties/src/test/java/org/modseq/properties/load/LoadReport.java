package org.modseq.properties.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured: the commands answered while the load ran and their latency (from the
 * command's first octet sent to its tagged response read) by kind, the changes the server
 * acknowledged, how many accounts' final state was checked, and the failures. {@code clientTime}
 * is the time the clients spent in their turns on their own work (drawing the command, running
 * it in the model, judging the answer), which holds up the account's next command;
 * {@code clientCpu} the CPU time their threads used in their turns, out of what the machine's
 * processors had while the load ran; {@code processCpu} the CPU time of the whole JVM (server,
 * clients, JIT and GC) meanwhile.
 */
record LoadReport(LoadPlan plan, Duration elapsed, long commands, Duration clientTime, Duration clientCpu,
        Duration processCpu, Map<CommandKind, Histogram> latencies, long appends, long stores, long expunges,
        int accountsVerified, List<LoadFailure> failures) {

    LoadReport {
        latencies = Map.copyOf(latencies);
        failures = List.copyOf(failures);
    }

    /** Commands answered in the kind's histogram. */
    long count(CommandKind kind) {
        Histogram h = latencies.get(kind);
        return h == null ? 0 : h.getTotalCount();
    }

    double commandsPerSecond() {
        return commands / (elapsed.toNanos() / 1e9);
    }

    long violations() {
        return failures.stream().filter(f -> f instanceof LoadFailure.Violated).count();
    }

    long lostUpdates() {
        return failures.stream().filter(f -> f instanceof LoadFailure.LostUpdate).count();
    }

    /** The figures as Markdown: a summary and a table of latency percentiles in milliseconds by kind. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d sessions (%d accounts x %d), %.1f s of load, seed 0x%x, %d"
                + " processors, Java %s%n%n", plan.sessions(), plan.accounts(), plan.sessionsPerAccount(),
                elapsed.toNanos() / 1e9, plan.seed(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        md.append(String.format(Locale.ROOT, "- %d commands answered and judged: %.0f commands/s%n", commands,
                commandsPerSecond()));
        md.append(String.format(Locale.ROOT, "- the clients' own work in their turns (drawing, the model, the judge):"
                + " %.0f us per command on average%n", commands == 0 ? 0 : clientTime.toNanos() / 1e3 / commands));
        double available = elapsed.toNanos() / 1e9 * Runtime.getRuntime().availableProcessors();
        md.append(String.format(Locale.ROOT, "- CPU: the whole JVM (server, clients, JIT, GC) used %.1f s of the %.1f s"
                + " the processors had (%.0f%%), the clients' threads in their turns %.1f s (%.0f%%)%n",
                processCpu.toNanos() / 1e9, available, 100 * processCpu.toNanos() / 1e9 / available,
                clientCpu.toNanos() / 1e9, 100 * clientCpu.toNanos() / 1e9 / available));
        md.append(String.format(Locale.ROOT, "- acknowledged: %d APPEND, %d STORE, %d EXPUNGE / UID EXPUNGE%n",
                appends, stores, expunges));
        md.append(String.format(Locale.ROOT, "- violations: %d; lost updates: %d; no answer: %d; final state"
                + " checked in %d of %d accounts%n%n", violations(), lostUpdates(),
                failures.size() - violations() - lostUpdates(), accountsVerified, plan.accounts()));
        md.append("| command | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (CommandKind kind : CommandKind.values()) {
            Histogram h = latencies.get(kind);
            if (h == null || h.getTotalCount() == 0) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", kind.label(),
                    h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                    ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue())));
        }
        Histogram all = new Histogram(3);
        latencies.values().forEach(all::add);
        if (all.getTotalCount() > 0) {
            md.append(String.format(Locale.ROOT, "| **all** | %d | %s | %s | %s | %s | %s |%n", all.getTotalCount(),
                    ms(all.getValueAtPercentile(50)), ms(all.getValueAtPercentile(90)),
                    ms(all.getValueAtPercentile(99)), ms(all.getValueAtPercentile(99.9)), ms(all.getMaxValue())));
        }
        return md.toString();
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.2f" : "%.1f", nanos / 1e6);
    }
}
