package org.modseq.properties.check;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.modseq.reference.fault.Fault;

/**
 * How soon the checker catches each fault, over many seeds: runs only with
 * {@code -Dmodseq.faults.survey=N} (N seeds, the first {@link FaultCatchTest#SEED}), optionally
 * {@code -Dmodseq.faults.only=name,name}; prints, per fault, the scenarios each seed took (a dash
 * for a seed whose default check missed it) and the rules reported. A measurement, not a test.
 */
class FaultSurveyTest {

    @Test
    void scenariosToCatchEachFault() {
        int seeds = Integer.getInteger("modseq.faults.survey", 0);
        assumeTrue(seeds > 0, "set -Dmodseq.faults.survey=N to run the survey");
        String only = System.getProperty("modseq.faults.only", "");
        System.out.println("| fault | caught | median scenarios | worst | rules reported |");
        for (Fault fault : Fault.values()) {
            if (!only.isEmpty() && !Arrays.asList(only.split(",")).contains(fault.cliName())) {
                continue;
            }
            List<Integer> tries = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                // Seeds apart: a check's later scenarios run from nextSeed of the earlier ones, so
                // consecutive seeds of that chain would be the same check shifted by one.
                long seed = FaultCatchTest.SEED ^ (i * 0x9E3779B97F4A7C15L);
                if (FaultCatchTest.check(fault, seed) instanceof CheckReport.Fails f) {
                    tries.add(f.triesRun());
                    if (!rules.contains(f.finding().kind())) {
                        rules.add(f.finding().kind());
                    }
                }
            }
            List<Integer> sorted = tries.stream().sorted().toList();
            System.out.println(String.format(Locale.ROOT, "| `%s` | %d/%d | %s | %s | %s |", fault.cliName(),
                    tries.size(), seeds, sorted.isEmpty() ? "-" : sorted.get(sorted.size() / 2),
                    sorted.isEmpty() ? "-" : sorted.getLast(), String.join(", ", rules)));
        }
    }
}
