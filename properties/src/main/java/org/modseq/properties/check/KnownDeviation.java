package org.modseq.properties.check;

import java.util.List;
import java.util.Objects;
import org.modseq.model.judge.Event;

/**
 * Violations of one acknowledged rule ({@link KnownRules}) that a check met: each ended its
 * scenario, and the check went on with the next.
 *
 * @param rule the rule as the judge names it ({@code R16}, {@code RFC 3501 §6.4.4}), or {@code BYE}
 * @param scenarios how many scenarios it ended
 * @param firstSeed the seed of the first of them: with the same maximum steps and the rule not
 *     acknowledged, it replays the violation and shrinks it
 * @param first the first violation ({@link Finding.Violated}) or BYE ({@link Finding.ClosedAfterBye})
 * @param transcript the first scenario as run up to the violation, not shrunk
 */
public record KnownDeviation(String rule, int scenarios, long firstSeed, Finding first, List<Event> transcript) {
    public KnownDeviation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(first, "first");
        transcript = List.copyOf(transcript);
    }
}
