package org.modseq.properties.reference;

import org.junit.jupiter.api.Test;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.model.ModelHistoryProperty;

/**
 * No false alarms: the judge accepts every answer of the reference store engine on random
 * three-session histories, under each preset of server choices that {@link EngineHistoryTest}
 * uses, from a nearly empty server and from a preloaded INBOX.
 */
class JudgeAcceptsReferenceTest {

    private static final int PRELOAD = 200;

    private static void check(JudgedHistoryProperty property, Settings settings) {
        PropertyResult<?> result = PropertyRunner.check(property, settings);
        System.out.println(result.report());
        result.assertPassed();
    }

    private static Settings settings() {
        return Settings.fromSystemProperties(500, 10_000, 60, 300);
    }

    private static Settings preloadedSettings() {
        return Settings.fromSystemProperties(100, 2_000, 60, 300);
    }

    @Test
    void judgeAcceptsTheReferenceUnderRfcDefaults() {
        check(new JudgedHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS, 0), settings());
    }

    @Test
    void judgeAcceptsTheReferenceUnderHardestChoices() {
        check(new JudgedHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS, 0), settings());
    }

    @Test
    void judgeAcceptsTheReferenceWithPrivateSeenNoModSeqAndShortHistory() {
        check(new JudgedHistoryProperty("mixed", ModelHistoryProperty.mixed(), 0), settings());
    }

    @Test
    void judgeAcceptsTheReferenceWithPrivateFlagsPerFlagAndHeldBackUpdates() {
        check(new JudgedHistoryProperty("the remaining choices", EngineHistoryTest.remainingChoices(), 0), settings());
    }

    @Test
    void judgeAcceptsTheReferenceFromABigInboxUnderRfcDefaults() {
        check(new JudgedHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS, PRELOAD), preloadedSettings());
    }

    @Test
    void judgeAcceptsTheReferenceFromABigInboxUnderHardestChoices() {
        check(new JudgedHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS, PRELOAD),
                preloadedSettings());
    }
}
