package org.modseq.properties.check;

import java.time.Duration;

/** Told how a check goes while it runs; called on the checking thread. */
public interface CheckProgress {

    /** Reports nothing. */
    CheckProgress SILENT = new CheckProgress() {
        @Override
        public void scenarioStarted(int tryNumber, int tries, long steps, Duration elapsed) {
        }

        @Override
        public void shrinkReplayStarted(int replay, Finding finding, Duration elapsed) {
        }
    };

    /**
     * Scenario {@code tryNumber} of {@code tries} starts.
     *
     * @param steps steps run so far in all scenarios
     * @param elapsed time since the check began
     */
    void scenarioStarted(int tryNumber, int tries, long steps, Duration elapsed);

    /** Shrinking replays a shorter scenario, the {@code replay}th, looking for {@code finding} again. */
    void shrinkReplayStarted(int replay, Finding finding, Duration elapsed);
}
