package org.modseq.properties.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.engine.ForwardingConnection;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.fault.Fault;
import org.modseq.reference.fault.FaultyEngine;

/**
 * The reference server under load (issue 7): 200 sessions over 127.0.0.1 doing CONDSTORE and
 * QRESYNC work for 30 s, every answer judged by the model, no violation and no lost update
 * ({@link LoadRun}). The latency percentiles go to {@code target/load-latency.md} and standard
 * output; docs/benchmarks.md ("200 sessions under load") holds a run's figures and how to rerun
 * it larger or longer ({@code -Dmodseq.load.sessions}, {@code -Dmodseq.load.seconds}).
 *
 * <p>The teeth: the same load against a server with a fault, or one that loses acknowledged
 * stores, fails.
 */
class LoadTest {

    /** Long enough for any of the teeth to show; each stops at its first failure. */
    private static final Duration TEETH_AT_MOST = Duration.ofSeconds(30);

    static StoreEngine reference(LoadPlan plan) {
        return StoreEngine.create(ServerChoices.RFC_DEFAULTS, plan.passwords(), NamespaceMode.PER_USER);
    }

    private static String failures(LoadReport report) {
        return report.failures().stream().limit(5).map(LoadFailure::describe).collect(Collectors.joining("\n\n"));
    }

    @Test
    void twoHundredSessionsOfCondstoreAndQresyncWorkAreAllAnsweredAsTheRfcPermitsAndLoseNoUpdate()
            throws IOException {
        LoadPlan plan = LoadPlan.fromSystemProperties();
        LoadReport report = LoadRun.run(reference(plan), plan);
        String figures = report.markdown();
        System.out.println(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-latency.md"), figures);

        assertEquals(List.of(), report.failures().stream().map(LoadFailure::account).toList(),
                () -> failures(report));
        assertEquals(plan.accounts(), report.accountsVerified());
        for (CommandKind kind : CommandKind.MIX) {
            assertTrue(report.count(kind) > 0, () -> "the load sent no " + kind.label() + ":\n" + figures);
        }
        assertTrue(report.appends() > 0 && report.stores() > 0 && report.expunges() > 0, figures);
    }

    /**
     * Faults a syncing client under load runs into: a stale UNCHANGEDSINCE that the server lets
     * through (another session changed the message since), a CHANGEDSINCE that also returns the
     * messages changed at n, and resyncs that forget old expunges.
     */
    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"UNCHANGEDSINCE_PASSES_LATER_CHANGE", "CHANGEDSINCE_INCLUDES_EQUAL",
        "VANISHED_EARLIER_FORGETS_OLD_EXPUNGES", "HIGHESTMODSEQ_NOT_RAISED_BY_FLAG_CHANGE"})
    void theSameLoadOnAServerWithAFaultIsFlaggedWithTheFaultsRule(Fault fault) {
        LoadPlan plan = LoadPlan.fromSystemProperties().stoppingAtFirstFailure(TEETH_AT_MOST);
        LoadReport report = LoadRun.run(new FaultyEngine(reference(plan), fault), plan);

        assertFalse(report.failures().isEmpty(), () -> fault.cliName() + " went unnoticed:\n" + report.markdown());
        System.out.println(fault.cliName() + " flagged after " + report.commands() + " commands: "
                + report.failures().getFirst().describe());
        List<String> rules = report.failures().stream()
                .map(f -> f instanceof LoadFailure.Violated v ? v.violation().rule().source() : "(not a violation)")
                .toList();
        assertTrue(rules.stream().anyMatch(fault.rules()::contains), () -> fault.cliName() + " was flagged as "
                + rules + ", not one of " + fault.rules() + ":\n" + failures(report));
    }

    @Test
    void theSameLoadOnAServerThatAcknowledgesStoresItDoesNotMakeIsFlagged() {
        LoadPlan plan = LoadPlan.fromSystemProperties().stoppingAtFirstFailure(TEETH_AT_MOST);
        LoadReport report = LoadRun.run(losingEveryFiftiethSilentStore(reference(plan)), plan);

        assertFalse(report.failures().isEmpty(), () -> "the lost stores went unnoticed:\n" + report.markdown());
        System.out.println("lost stores flagged after " + report.commands() + " commands: "
                + report.failures().getFirst().describe());
    }

    /**
     * {@code engine}, but every fiftieth {@code STORE ... FLAGS.SILENT} without UNCHANGEDSINCE
     * (counted over all connections) is answered OK and not made: nothing in its own answer
     * shows it, only what later answers say of the message's flags.
     */
    private static ImapEngine losingEveryFiftiethSilentStore(ImapEngine engine) {
        AtomicLong silentStores = new AtomicLong();
        return () -> new ForwardingConnection(engine.open()) {
            @Override
            public List<Response> execute(String tag, Command command) {
                if (command instanceof Command.Store s && s.silent() && s.unchangedSince().isEmpty()
                        && silentStores.incrementAndGet() % 50 == 0) {
                    return List.of(new Response.Status(Optional.of(tag), Response.Condition.OK, Optional.empty(),
                            "STORE completed"));
                }
                return super.execute(tag, command);
            }
        };
    }
}
