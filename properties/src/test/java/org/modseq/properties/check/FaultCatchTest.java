package org.modseq.properties.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.modseq.model.judge.ServerSetup;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.fault.Fault;
import org.modseq.reference.fault.FaultyEngine;

/**
 * The checker's teeth: with its default scenarios and steps, at a fixed seed, it catches every
 * {@link Fault} of the reference and names one of the fault's rules; and the reference without a
 * fault conforms at that seed. In process, where the checker is fastest; the table it prints is
 * docs/faults.md's.
 */
class FaultCatchTest {

    static final long SEED = 0x5EEDFA17L;
    private static final Map<Fault, String> CAUGHT = new EnumMap<>(Fault.class);

    static CheckReport check(Fault fault, long seed) {
        FaultyEngine engine = new FaultyEngine(ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS), fault);
        return Checker.run(CheckTarget.inProcess(engine, ReferenceServers.ALICE, Optional.of(ReferenceServers.BOB),
                ServerSetup.PER_USER_MAILBOXES), CheckOptions.defaults().withSeed(seed));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theCheckerCatchesTheFaultAndNamesItsRule(Fault fault) {
        CheckReport report = check(fault, SEED);
        CheckReport.Fails fails = assertInstanceOf(CheckReport.Fails.class, report,
                () -> "the checker missed " + fault.cliName() + " in " + report.triesRun() + " scenarios");
        String rule = fails.finding().kind();
        synchronized (CAUGHT) {
            CAUGHT.put(fault, String.format("| `%s` | %s | %s | %d | %d |", fault.cliName(),
                    String.join(", ", fault.rules()), rule, fails.triesRun(), fails.elapsed().toMillis()));
        }
        assertTrue(fault.rules().contains(rule), () -> fault.cliName() + " was caught naming " + rule + ", not one of "
                + fault.rules() + ":\n" + fails.finding().describe() + "\n" + fails.transcriptText());
    }

    @Test
    void everyFaultHasRulesAndADistinctName() {
        List<String> names = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            assertTrue(!fault.rules().isEmpty() && fault.cliName().matches("[a-z0-9]+(-[a-z0-9]+)*"), fault::name);
            names.add(fault.cliName());
            assertEquals(fault, Fault.named(fault.cliName().toUpperCase(Locale.ROOT)));
        }
        assertEquals(names.size(), names.stream().distinct().count());
    }

    @Test
    void theReferenceWithoutAFaultConformsAtTheSameSeed() {
        CheckReport report = Checker.run(CheckTarget.inProcess(ReferenceServers.perUser(ServerChoices.RFC_DEFAULTS),
                ReferenceServers.ALICE, Optional.of(ReferenceServers.BOB), ServerSetup.PER_USER_MAILBOXES),
                CheckOptions.defaults().withSeed(SEED));
        assertTrue(report.conforms(), () -> report instanceof CheckReport.Fails f
                ? f.finding().describe() + "\n" + f.transcriptText() : "");
    }

    @AfterAll
    static void printTheCatchTable() {
        System.out.println("| fault | expected | reported | scenarios | ms |");
        CAUGHT.values().forEach(System.out::println);
    }
}
