package org.modseq.properties.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.modseq.properties.sessions.TcpSessions;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/**
 * Puts a {@link LoadPlan}'s load on an engine served by an {@link ImapServer} on 127.0.0.1 with
 * the default limits: every account's sessions connect and log in, then each session works on a
 * thread of its own until the plan's time is up, and a fresh session of each account checks
 * that nothing acknowledged was lost.
 */
final class LoadRun {

    /** Generous: a hang is a failure, but a busy 2-core machine is not a hang. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** How long past the plan's end a session may still be in its last command before the run gives up on it. */
    private static final Duration GRACE = READ_TIMEOUT.plusSeconds(30);

    private LoadRun() {
    }

    /** CPU time of this whole JVM (server, clients, JIT, GC), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    static LoadReport run(ImapEngine engine, LoadPlan plan) {
        ImapServer server;
        try {
            server = ImapServer.start(engine, ServerConfig.defaults().withPort(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AccountUnderLoad> accounts = new ArrayList<>();
        try {
            List<String> ids = new ArrayList<>();
            for (int s = 1; s <= plan.sessionsPerAccount(); s++) {
                ids.add("s" + s);
            }
            for (int n = 0; n < plan.accounts(); n++) {
                AccountUnderLoad account = new AccountUnderLoad(LoadPlan.user(n),
                        TcpSessions.connectTo(ServerConfig.DEFAULT_HOST, server.port(), READ_TIMEOUT));
                accounts.add(account);
                account.open(ids);
            }
            Random seeds = new Random(plan.seed());
            AtomicBoolean stop = new AtomicBoolean();
            Queue<Throwable> crashes = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            accounts.forEach(a -> a.measure(true));
            long processCpuStart = processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + plan.duration().toNanos();
            for (AccountUnderLoad account : accounts) {
                for (String id : ids) {
                    Workload workload = new Workload(new Random(seeds.nextLong()));
                    threads.add(Thread.ofPlatform().name("load-" + account.user() + "-" + id).start(() -> {
                        try {
                            while (System.nanoTime() < deadline && !stop.get()) {
                                if (!account.step(id, workload)) {
                                    if (plan.stopAtFirstFailure()) {
                                        stop.set(true);
                                    }
                                    return;
                                }
                            }
                        } catch (RuntimeException | Error e) {
                            crashes.add(e);
                            stop.set(true);
                        }
                    }));
                }
            }
            for (Thread thread : threads) {
                long left = deadline + GRACE.toNanos() - System.nanoTime();
                if (!thread.join(Duration.ofNanos(Math.max(1, left)))) {
                    stop.set(true);
                    throw new IllegalStateException(thread.getName() + " is still in a command long after the"
                            + " load's end; the read timeout should have ended it");
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Duration processCpu = Duration.ofNanos(processCpuNanos() - processCpuStart);
            accounts.forEach(a -> a.measure(false));
            if (!crashes.isEmpty()) {
                IllegalStateException failure = new IllegalStateException("the load itself failed (a bug in the test)",
                        crashes.peek());
                crashes.stream().skip(1).forEach(failure::addSuppressed);
                throw failure;
            }
            boolean stoppedEarly = plan.stopAtFirstFailure() && stop.get();
            int verified = 0;
            if (!stoppedEarly) {
                for (AccountUnderLoad account : accounts) {
                    if (account.failure().isEmpty()) {
                        account.verifyFinalState();
                        verified++;
                    }
                }
            }
            return report(plan, elapsed, processCpu, accounts, verified);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load ran", e);
        } finally {
            accounts.forEach(AccountUnderLoad::close);
            server.close();
        }
    }

    private static LoadReport report(LoadPlan plan, Duration elapsed, Duration processCpu,
            List<AccountUnderLoad> accounts, int verified) {
        Map<CommandKind, Histogram> latencies = new EnumMap<>(CommandKind.class);
        AccountUnderLoad.Acknowledged acknowledged = new AccountUnderLoad.Acknowledged();
        List<LoadFailure> failures = new ArrayList<>();
        long commands = 0;
        long clientNanos = 0;
        long clientCpuNanos = 0;
        for (AccountUnderLoad account : accounts) {
            clientNanos += account.clientNanos();
            clientCpuNanos += account.clientCpuNanos();
            account.latencies().forEach((kind, histogram) ->
                    latencies.computeIfAbsent(kind, k -> new Histogram(3)).add(histogram));
            acknowledged.add(account.acknowledged());
            account.failure().ifPresent(failures::add);
            commands += account.commands();
        }
        return new LoadReport(plan, elapsed, commands, Duration.ofNanos(clientNanos),
                Duration.ofNanos(clientCpuNanos), processCpu, latencies, acknowledged.appends, acknowledged.stores,
                acknowledged.expunges, verified, failures);
    }
}
