package org.modseq.properties.reference;

import org.junit.jupiter.api.Test;
import org.modseq.model.server.ServerChoices;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.model.ModelHistoryProperty;
import org.modseq.properties.reference.EngineHistoryProperty.Transport;

/**
 * The differential property of {@link EngineHistoryTest} with the store engine behind a real
 * {@link org.modseq.reference.net.ImapServer}: every step travels as wire text over a socket of
 * its session (literals, IDLE and DONE included) and what comes back must be the model's
 * responses as {@link org.modseq.model.response.Response#toWire()} renders them. So the parser,
 * the command reader and the connection handler are checked along with the engine. Fewer
 * histories than in process: each one is a server and three sockets.
 */
class EngineHistoryOverTcpTest {

    private static final int PRELOAD = 200;

    private static void check(EngineHistoryProperty property, Settings settings) {
        PropertyResult<?> result = PropertyRunner.check(property, settings);
        System.out.println(result.report());
        result.assertPassed();
    }

    private static Settings settings() {
        return Settings.fromSystemProperties(100, 2_000, 60, 300);
    }

    private static Settings preloadedSettings() {
        return Settings.fromSystemProperties(20, 500, 60, 300);
    }

    @Test
    void storeEngineOverTcpAnswersAsTheModelUnderRfcDefaults() {
        check(new EngineHistoryProperty("RFC defaults", ServerChoices.RFC_DEFAULTS, 0, Transport.TCP), settings());
    }

    @Test
    void storeEngineOverTcpAnswersAsTheModelUnderHardestChoices() {
        check(new EngineHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS, 0, Transport.TCP),
                settings());
    }

    @Test
    void storeEngineOverTcpAnswersAsTheModelWithPrivateSeenNoModSeqAndShortHistory() {
        check(new EngineHistoryProperty("mixed", ModelHistoryProperty.mixed(), 0, Transport.TCP), settings());
    }

    @Test
    void storeEngineOverTcpAnswersAsTheModelWithTheRemainingChoices() {
        check(new EngineHistoryProperty("the remaining choices", EngineHistoryTest.remainingChoices(), 0,
                Transport.TCP), settings());
    }

    @Test
    void storeEngineOverTcpAnswersAsTheModelFromABigInbox() {
        check(new EngineHistoryProperty("hardest on clients", ServerChoices.HARDEST_ON_CLIENTS, PRELOAD, Transport.TCP),
                preloadedSettings());
    }
}
