package org.modseq.properties.reference;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.model.ModelHistoryProperty;

/**
 * The store engine gives the model's answers on random three-session histories, for each preset
 * of server choices, from a nearly empty server and from a preloaded INBOX. The fast profile runs
 * by default; {@code -Pdeep} runs many more and longer histories.
 */
class EngineHistoryTest {

    private static final int PRELOAD = 200;

    private static void check(EngineHistoryProperty property, Settings settings) {
        PropertyResult<?> result = PropertyRunner.check(property, settings);
        System.out.println(result.report());
        result.assertPassed();
    }

    private static Settings settings() {
        return Settings.fromSystemProperties(1_000, 20_000, 60, 300);
    }

    /** Fewer histories from a big INBOX: the model copies the mailbox on every change. */
    private static Settings preloadedSettings() {
        return Settings.fromSystemProperties(300, 5_000, 60, 300);
    }

    @Test
    void storeEngineAnswersAsTheModelUnderRfcDefaults() {
        check(new EngineHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS, 0), settings());
    }

    @Test
    void storeEngineAnswersAsTheModelUnderHardestChoices() {
        check(new EngineHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS, 0), settings());
    }

    @Test
    void storeEngineAnswersAsTheModelWithPrivateSeenNoModSeqAndShortHistory() {
        check(new EngineHistoryProperty("mixed", ModelHistoryProperty.mixed(), 0), settings());
    }

    @Test
    void storeEngineAnswersAsTheModelWithPrivateFlagsPerFlagAndHeldBackUpdates() {
        check(new EngineHistoryProperty("the remaining choices", remainingChoices(), 0), settings());
    }

    @Test
    void storeEngineAnswersAsTheModelFromABigInboxUnderRfcDefaults() {
        check(new EngineHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS, PRELOAD), preloadedSettings());
    }

    @Test
    void storeEngineAnswersAsTheModelFromABigInboxUnderHardestChoices() {
        check(new EngineHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS, PRELOAD),
                preloadedSettings());
    }

    @Test
    void storeEngineAnswersAsTheModelFromABigInboxWithMixedChoices() {
        check(new EngineHistoryProperty("mixed", ModelHistoryProperty.mixed(), PRELOAD), preloadedSettings());
    }

    /** A big INBOX mostly expunged, so that the store's table compacts before the history. */
    @Test
    void storeEngineAnswersAsTheModelAfterCompactingABigInboxUnderRfcDefaults() {
        check(new EngineHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS, PRELOAD,
                EngineHistoryProperty.Transport.IN_PROCESS, true), preloadedSettings());
    }

    /** The same with private flags and per-flag stamps, which compaction must carry along. */
    @Test
    void storeEngineAnswersAsTheModelAfterCompactingABigInboxWithTheRemainingChoices() {
        check(new EngineHistoryProperty("the remaining choices", remainingChoices(), PRELOAD,
                EngineHistoryProperty.Transport.IN_PROCESS, true), preloadedSettings());
    }

    /**
     * The values no preset above takes: private flags with conflicts detected per flag (private
     * stamps), updates held back with the courtesy FETCH after a failed STORE, no-op STOREs that
     * bump, STORE on expunged messages answered OK, no UID for CONDSTORE-only clients, no
     * HIGHESTMODSEQ after EXPUNGE without QRESYNC, and an expunge history of one.
     */
    static ServerChoices remainingChoices() {
        return ServerChoices.RFC_DEFAULTS.withPrivateFlags(Set.of(Flag.SEEN, Flag.of("$Label")))
                .withUpdateDelivery(ServerChoices.UpdateDelivery.ON_NOOP).withFetchForFailedStore(true)
                .withNoOpStoreBumpsModSeq(true).withStoreOnExpunged(ServerChoices.StoreOnExpunged.OK)
                .withUidInCondstoreFetch(false).withHighestModSeqAfterExpunge(false).withExpungeHistoryBound(1)
                .withUnchangedSinceZero(ServerChoices.UnchangedSinceZero.ALWAYS_FAILS);
    }
}
