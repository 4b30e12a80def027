package org.modseq.properties.sync;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.modseq.properties.engine.PropertyResult;
import org.modseq.properties.engine.PropertyRunner;
import org.modseq.properties.engine.Settings;
import org.modseq.properties.sessions.TcpSessions;

/**
 * The RFC 7162 §6 client converges on Debian's Dovecot, started by {@code peers/dovecot/start}
 * on the port in {@code MODSEQ_DOVECOT_PORT} (docs/dovecot.md): a namespace per user, so the
 * changing sessions are the client's own user, and each history deletes and creates
 * {@code modseq-sync-work} and {@code modseq-sync-archive} in carol's account.
 */
@EnabledIfEnvironmentVariable(named = "MODSEQ_DOVECOT_PORT", matches = "[0-9]+")
class DovecotConvergenceTest {

    @Test
    void clientConvergesOnDovecot() {
        int port = Integer.parseInt(System.getenv("MODSEQ_DOVECOT_PORT"));
        Account carol = new Account("carol", "carol");
        SyncTarget dovecot = new SyncTarget("Dovecot at 127.0.0.1:" + port,
                () -> TcpSessions.connectTo("127.0.0.1", port, TcpSessions.DEFAULT_READ_TIMEOUT), carol,
                List.of(carol, carol), "modseq-sync-work", "modseq-sync-archive");
        ConvergenceProperty property = new ConvergenceProperty(dovecot);
        PropertyResult<?> result = PropertyRunner.check(property, Settings.defaults().withTries(40).withMaxSteps(60)
                .withSeed(1).withMaxShrinkTime(Duration.ofSeconds(30)));
        System.out.println(result.report() + property.coverage());
        result.assertPassed();
    }
}
