package org.modseq.model.rfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.modseq.model.rfc.Requirement.Party;
import org.modseq.model.rfc.Requirement.Scope;

/**
 * Sanity of the catalogue itself: the IDs must match the project's requirements list one to one
 * (R1..R110, X01..X41), because tests, code and docs cite them. This class checks bookkeeping,
 * not RFC behaviour, so it cites nothing.
 */
class RequirementCatalogueTest {

    /** Longest summary we accept: one readable line in a failure message. */
    private static final int MAX_SUMMARY = 200;

    @Test
    void thereAre110RequirementsNumberedInOrder() {
        Requirement[] all = Requirement.values();
        assertEquals(110, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals("R" + (i + 1), all[i].id());
            assertEquals(i + 1, all[i].number());
        }
    }

    @Test
    void thereAre41ExamplesNumberedInOrderWithTwoDigits() {
        Example[] all = Example.values();
        assertEquals(41, all.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(String.format("X%02d", i + 1), all[i].id());
        }
    }

    @Test
    void requirementTextsAreShortSingleLinesAndSectionsAreRfcSections() {
        List<String> problems = new ArrayList<>();
        for (Requirement r : Requirement.values()) {
            checkLine(r.id() + " summary", r.summary(), problems);
            if (!r.section().startsWith("§")) {
                problems.add(r.id() + " section does not start with §: " + r.section());
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void exampleTextsAreShortSingleLinesAndEveryExampleExercisesARequirement() {
        List<String> problems = new ArrayList<>();
        for (Example x : Example.values()) {
            checkLine(x.id() + " summary", x.summary(), problems);
            if (x.isDefective()) {
                checkLine(x.id() + " defect", x.defect(), problems);
            }
            if (x.label().isBlank() || !x.section().startsWith("§")) {
                problems.add(x.id() + " needs a label and a § section");
            }
            if (x.exercises().isEmpty()) {
                problems.add(x.id() + " exercises no requirement");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void onlyOutOfScopeAndDeferredRequirementsCarryAReason() {
        List<String> problems = new ArrayList<>();
        for (Requirement r : Requirement.values()) {
            boolean needsReason = r.scope() != Scope.IN_SCOPE;
            if (needsReason) {
                checkLine(r.id() + " scope reason", r.scopeReason(), problems);
            } else if (!r.scopeReason().isEmpty()) {
                problems.add(r.id() + " is in scope but has a reason: " + r.scopeReason());
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void scopeDecisionsAreTheAgreedOnes() {
        // §3.2 (METADATA) and §3.1.9 (SORT): features we do not implement.
        assertEquals(EnumSet.of(Requirement.R13, Requirement.R54), withScope(Scope.OUT_OF_SCOPE));
        // §4 line length: only the reference server's protocol tests can exercise it.
        assertEquals(EnumSet.of(Requirement.R106, Requirement.R107), withScope(Scope.DEFERRED));
    }

    @Test
    void clientRulesAreCataloguedButNotDemanded() {
        Set<Requirement> clientRules = Arrays.stream(Requirement.values())
                .filter(Requirement::isClientRule)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Requirement.class)));
        assertTrue(clientRules.containsAll(EnumSet.of(Requirement.R6, Requirement.R27, Requirement.R28,
                Requirement.R38, Requirement.R41, Requirement.R62, Requirement.R83, Requirement.R88,
                Requirement.R102)), () -> "client rules: " + clientRules);
        for (Requirement r : clientRules) {
            assertSame(Scope.IN_SCOPE, r.scope(), r.id());
            assertFalse(r.demandsCoverage(), r.id());
        }
    }

    @Test
    void demandedRequirementsAreExactlyTheInScopeServerOnes() {
        for (Requirement r : Requirement.values()) {
            boolean server = r.party() == Party.SERVER || r.party() == Party.BOTH;
            assertEquals(server && r.scope() == Scope.IN_SCOPE, r.demandsCoverage(), r.id());
        }
    }

    @Test
    void defectiveExamplesAreTheOnesTheRequirementsListFlags() {
        Set<Example> defective = Arrays.stream(Example.values())
                .filter(Example::isDefective)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Example.class)));
        assertEquals(EnumSet.of(Example.X01, Example.X05, Example.X13, Example.X14, Example.X18, Example.X22,
                Example.X25, Example.X27, Example.X28, Example.X40, Example.X41), defective);
    }

    @Test
    void onlyTheSortExampleIsPlanned() {
        Set<Example> planned = Arrays.stream(Example.values())
                .filter(Example::isPlanned)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Example.class)));
        assertEquals(EnumSet.of(Example.X24), planned);
        assertEquals("SORT (RFC 5256) is not modelled yet", Example.X24.planned());
    }

    @ParameterizedTest
    @EnumSource(Requirement.class)
    void requirementParseRoundTrips(Requirement r) {
        assertSame(r, Requirement.parse(r.id()));
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void exampleParseRoundTrips(Example x) {
        assertSame(x, Example.parse(x.id()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"R0", "R111", "X5", "foo", "r45", "R045", " R45", "R45 ", "R1a", "X16"})
    @NullAndEmptySource
    void requirementParseRejectsAndNamesTheInput(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Requirement.parse(id));
        assertTrue(e.getMessage().contains("\"" + id + "\""), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"X00", "X42", "X5", "X016", "x16", "foo", "R45", "X"})
    @NullAndEmptySource
    void exampleParseRejectsAndNamesTheInput(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Example.parse(id));
        assertTrue(e.getMessage().contains("\"" + id + "\""), e.getMessage());
    }

    @Test
    void malformedIdsGetTheCanonicalFormSuggested() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Example.parse("X5"))
                .getMessage().contains("write X05"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Requirement.parse("R045"))
                .getMessage().contains("write R45"));
    }

    private static Set<Requirement> withScope(Scope scope) {
        return Arrays.stream(Requirement.values())
                .filter(r -> r.scope() == scope)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Requirement.class)));
    }

    private static void checkLine(String what, String text, List<String> problems) {
        if (text.isBlank()) {
            problems.add(what + " is blank");
        } else if (text.length() > MAX_SUMMARY) {
            problems.add(what + " has " + text.length() + " characters (max " + MAX_SUMMARY + ")");
        } else if (text.contains("\n") || !text.equals(text.strip())) {
            problems.add(what + " is not a single trimmed line");
        }
    }
}
