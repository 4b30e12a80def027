package org.modseq.properties.model;

import org.junit.jupiter.api.Test;
import org.modseq.model.rfc.Covers;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;

/**
 * The model's invariants over random three-session histories, for each preset of server
 * choices. The fast profile runs by default; {@code -Pdeep} runs many more and longer histories.
 */
class ModelHistoryTest {

    private static Settings settings() {
        return Settings.fromSystemProperties(1_000, 20_000, 60, 300);
    }

    private static void check(ModelHistoryProperty property) {
        PropertyResult<?> result = PropertyRunner.check(property, settings());
        System.out.println(result.report());
        result.assertPassed();
    }

    @Test
    @Covers({"R2", "R3", "R4", "R7", "R25", "R31", "R80", "R85"})
    void invariantsHoldUnderRfcDefaults() {
        check(new ModelHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS));
    }

    @Test
    void invariantsHoldUnderHardestChoices() {
        check(new ModelHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS));
    }

    @Test
    void invariantsHoldWithPrivateSeenNoModSeqAndShortHistory() {
        check(new ModelHistoryProperty("mixed", ModelHistoryProperty.mixed()));
    }
}
