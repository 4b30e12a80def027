package org.modseq.properties.hostile;

import org.junit.jupiter.api.Test;
import org.modseq.properties.engine.Settings;

/**
 * Issue 7: {@link HostileInputProperty} against the reference server. The default run tries
 * {@value #FAST_TRIES} inputs; {@code -Dmodseq.properties.profile=deep} tries {@value #DEEP_TRIES}.
 */
class HostileInputTest {

    static final int FAST_TRIES = 4000;
    static final int DEEP_TRIES = 30_000;

    @Test
    void everyHostileInputIsRefusedClearlyWithoutHangOrChange() throws Exception {
        try (HostileInputProperty property = new HostileInputProperty(HostileInputProperty.reference())) {
            property.check(Settings.fromSystemProperties(FAST_TRIES, DEEP_TRIES, 1, 1)).assertPassed();
        }
    }
}
