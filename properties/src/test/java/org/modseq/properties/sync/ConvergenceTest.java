package org.modseq.properties.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.rfc.Covers;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.model.ModelHistoryProperty;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/**
 * Client-sync convergence against the reference store engine: a client that follows RFC 7162
 * §6 ends every resynchronisation with exactly the server's mailbox, under the RFC's defaults
 * and under the choices hardest on clients (updates held back until NOOP, one mod-sequence per
 * message, an expunge history of two, so superset VANISHED (EARLIER)), in process for many
 * histories and over TCP for a few. {@code -Pdeep} (or {@code -Dmodseq.properties.profile=deep})
 * runs many more and longer ones; {@code -Dmodseq.seed=...} replays one.
 */
@Covers({"R27", "R57", "R69", "R71", "R78", "R96", "R102"})
class ConvergenceTest {

    private static void check(ConvergenceProperty property, Settings settings, List<String> mustReach) {
        PropertyResult<?> result = PropertyRunner.check(property, settings);
        System.out.println(result.report() + property.coverage());
        result.assertPassed();
        for (String situation : mustReach) {
            assertTrue(property.coverage().count(situation) > 0, () -> "no history reached: " + situation
                    + property.coverage());
        }
    }

    private static Settings inProcess() {
        return Settings.fromSystemProperties(300, 5_000, 60, 200);
    }

    private static Settings fewer() {
        return Settings.fromSystemProperties(150, 2_000, 60, 200);
    }

    private static Settings overTcp() {
        return Settings.fromSystemProperties(20, 500, 60, 200);
    }

    /** What every in-process run must reach, or it proves little. */
    private static final List<String> EVERY_SITUATION = List.of(SyncCoverage.FULL_SYNC,
            SyncCoverage.QRESYNC_KNOWN_UIDS_OMITTED, SyncCoverage.QRESYNC_KNOWN_UIDS_EXACT,
            SyncCoverage.QRESYNC_KNOWN_UIDS_RANGE, SyncCoverage.QRESYNC_SEQ_MATCH, SyncCoverage.QRESYNC_VANISHED,
            SyncCoverage.CONDSTORE_UID_SEARCH, SyncCoverage.CONDSTORE_UID_FETCH, SyncCoverage.CONDSTORE_BY_NUMBER,
            SyncCoverage.LOST_MID_RESYNC, SyncCoverage.LOST_MID_COMMAND, SyncCoverage.LOST_BETWEEN_COMMANDS,
            SyncCoverage.UIDVALIDITY_CHANGED, SyncCoverage.CACHED_FROM_CODE, SyncCoverage.CACHED_FROM_FETCH,
            SyncCoverage.CHECKED);

    @Test
    void clientConvergesOnTheReferenceUnderRfcDefaults() {
        check(new ConvergenceProperty(SyncTargets.inProcess("the reference under RFC defaults",
                ServerChoices.RFC_DEFAULTS)), inProcess(), EVERY_SITUATION);
    }

    @Test
    void clientConvergesOnTheReferenceUnderHardestChoices() {
        List<String> hardest = new ArrayList<>(EVERY_SITUATION);
        hardest.add(SyncCoverage.CACHED_FROM_LOWER_CODE);
        check(new ConvergenceProperty(SyncTargets.inProcess("the reference hardest on clients",
                ServerChoices.HARDEST_ON_CLIENTS)), inProcess(), hardest);
    }

    /**
     * Private {@code \Seen} (R8: the other user's \Seen is not the client's), one mod-sequence
     * per message, spurious MODIFIED, an expunge history of three, NOMODSEQ for the other mailbox.
     */
    @Test
    void clientConvergesOnTheReferenceWithPrivateSeenAndShortHistory() {
        check(new ConvergenceProperty(SyncTargets.inProcess("the reference with private \\Seen and a short history",
                ModelHistoryProperty.mixed())), fewer(), List.of(SyncCoverage.CHECKED, SyncCoverage.QRESYNC_VANISHED));
    }

    /**
     * Updates held back until NOOP with private flags, STORE on expunged messages answered OK,
     * no UID in CONDSTORE-only FETCH (so the client maps message numbers), no HIGHESTMODSEQ
     * after EXPUNGE without QRESYNC, no-op STOREs that bump, and an expunge history of one.
     */
    @Test
    void clientConvergesOnTheReferenceWithHeldBackUpdatesAndPrivateFlags() {
        ServerChoices choices = ServerChoices.RFC_DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN, Flag.of("$Label")))
                .withUpdateDelivery(ServerChoices.UpdateDelivery.ON_NOOP).withFetchForFailedStore(true)
                .withStoreOnExpunged(ServerChoices.StoreOnExpunged.OK).withUidInCondstoreFetch(false)
                .withHighestModSeqAfterExpunge(false).withNoOpStoreBumpsModSeq(true).withExpungeHistoryBound(1);
        check(new ConvergenceProperty(SyncTargets.inProcess("the reference holding back updates, with private flags",
                choices)), fewer(), List.of(SyncCoverage.CHECKED, SyncCoverage.CACHED_FROM_LOWER_CODE));
    }

    @Test
    void clientConvergesOnALongRunningServerWithAMailboxNamespacePerUser() throws IOException {
        try (ImapServer server = ImapServer.start(SyncTargets.perUserEngine(ServerChoices.HARDEST_ON_CLIENTS),
                ServerConfig.defaults().withPort(0).withIdlePollInterval(ServerConfig.DEFAULT_IDLE_TIMEOUT))) {
            check(new ConvergenceProperty(SyncTargets.running("the reference hardest on clients", server)), overTcp(),
                    List.of(SyncCoverage.CHECKED, SyncCoverage.UIDVALIDITY_CHANGED));
        }
    }

    @Test
    void clientConvergesOnTheReferenceOverTcp() {
        check(new ConvergenceProperty(SyncTargets.overTcp("the reference hardest on clients",
                ServerChoices.HARDEST_ON_CLIENTS)), overTcp(), List.of(SyncCoverage.CHECKED));
    }
}
