package org.modseq.properties.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Covers;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.fault.Fault;
import org.modseq.reference.fault.FaultyEngine;
import org.modseq.reference.fault.RewritingEngine;

/**
 * The convergence property has teeth: against the reference with one fault in what it tells
 * clients (a {@link Fault}, or one written here) it fails, and the shrunk failure names the rule
 * broken.
 */
class ConvergenceTeethTest {

    /**
     * Enough tries that a fault is found whatever the seed (each is found within a few hundred);
     * the run stops at the first failure. Shrinking is bounded: the point is the failure and the
     * rule it names, and a few hundred replays already leave a history of a handful of steps.
     */
    private static Settings settings() {
        return Settings.fromSystemProperties(3_000, 10_000, 60, 200).withMaxShrinkAttempts(400)
                .withMaxShrinkTime(Duration.ofSeconds(5));
    }

    private static void failsWith(String name, ServerChoices choices, UnaryOperator<ImapEngine> fault,
            String... rules) {
        ConvergenceProperty property = new ConvergenceProperty(SyncTargets.inProcess(name, choices, fault));
        PropertyResult<?> result = PropertyRunner.check(property, settings());
        System.out.println(result.report());
        assertFalse(result.passed(), "the property missed the fault: " + name);
        PropertyResult.Failed<?> failed = (PropertyResult.Failed<?>) result;
        String message = failed.failure().getMessage();
        for (String rule : rules) {
            assertTrue(message.contains(rule), () -> "the failure does not name " + rule + ":\n" + message);
        }
    }

    @Test
    @Covers({"R69", "R78"})
    void aQresyncSelectThatLeavesOutAnExpungedUidFailsNamingR78() {
        failsWith("a server leaving a UID out of VANISHED (EARLIER)", ServerChoices.RFC_DEFAULTS,
                engine -> new FaultyEngine(engine, Fault.QRESYNC_DROPS_VANISHED_UID), "R78");
    }

    @Test
    @Covers("R78")
    void aQresyncSelectThatNamesALiveUidInVanishedEarlierFailsNamingR78() {
        failsWith("a server naming a live UID in VANISHED (EARLIER)", ServerChoices.RFC_DEFAULTS,
                engine -> new FaultyEngine(engine, Fault.QRESYNC_NAMES_LIVE_UID), "R78", "dropped it on");
    }

    @Test
    @Covers("R25")
    void aSelectThatReportsHighestModSeqOneTooHighFailsNamingR25() {
        failsWith("a server reporting HIGHESTMODSEQ one too high", ServerChoices.RFC_DEFAULTS,
                engine -> new FaultyEngine(engine, Fault.SELECT_HIGHESTMODSEQ_TOO_HIGH), "R25");
    }

    @Test
    @Covers("R96")
    void aServerThatHoldsBackChangesWithoutALowerHighestModSeqFailsNamingR96() {
        failsWith("a server holding back changes without a lower HIGHESTMODSEQ", ServerChoices.HARDEST_ON_CLIENTS,
                engine -> new RewritingEngine(engine, ConvergenceTeethTest::omitsTheHeldBackHighestModSeq), "R96");
    }

    /**
     * Outside SELECT, the untagged {@code OK [HIGHESTMODSEQ n]} that keeps a client below the
     * changes held back from it goes missing: a server that sends MODSEQ values while it holds
     * back a lower expunge and says nothing (R96, X40). Only bites where updates are held back;
     * not a {@link Fault}, since the checker's scenarios do not yet catch it (docs/faults.md).
     */
    private static List<Response> omitsTheHeldBackHighestModSeq(Command command, List<Response> responses) {
        if (command instanceof Command.Select) {
            return responses;
        }
        return responses.stream().filter(r -> !(r instanceof Response.Status st && !st.isTagged()
                && st.code().orElse(null) instanceof ResponseCode.HighestModSeq)).toList();
    }

    /**
     * The same misses, caused by the client: one that caches each MODSEQ as it arrives, as §6
     * warns against (R102, X40), fails against the correct reference that holds changes back.
     */
    @Test
    @Covers({"R102", "X40"})
    void aClientCachingEachModSeqAsItArrivesFailsAgainstTheHardestReference() {
        ConvergenceProperty property = new ConvergenceProperty(SyncTargets.inProcess("the reference hardest on clients",
                ServerChoices.HARDEST_ON_CLIENTS), ModSeqTracking.AS_FETCHES_ARRIVE);
        PropertyResult<?> result = PropertyRunner.check(property, settings());
        System.out.println(result.report());
        assertFalse(result.passed(), "the property did not tell an unsafe client from a section 6 one");
        String message = ((PropertyResult.Failed<?>) result).failure().getMessage();
        assertTrue(message.contains("taken as it arrived (unsafe"), message);
    }
}
