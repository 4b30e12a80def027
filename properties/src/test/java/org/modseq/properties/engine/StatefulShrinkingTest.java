package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.modseq.properties.engine.CounterProperty.Add;
import org.modseq.properties.engine.CounterProperty.Bug;
import org.modseq.properties.engine.CounterProperty.Command;
import org.modseq.properties.engine.CounterProperty.Reset;
import org.modseq.properties.engine.CounterProperty.Twice;

/** Finding and shrinking failures of stateful properties. */
class StatefulShrinkingTest {

    private static final Settings SETTINGS = Settings.defaults().withTries(300).withMaxSteps(40);

    static <C> PropertyResult.Failed<C> failed(PropertyResult<C> result) {
        if (result instanceof PropertyResult.Failed<C> failed) {
            return failed;
        }
        throw new AssertionError("expected a failure: " + result.report());
    }

    @Test
    void plantedSequenceBugShrinksToExactlyTwoSteps() {
        for (long seed = 1; seed <= 20; seed++) {
            PropertyResult.Failed<Command> failed =
                    failed(PropertyRunner.check(new CounterProperty(Bug.DOUBLE_AFTER_ADD_SEVEN, 20), SETTINGS.withSeed(seed)));
            assertEquals(List.of(new Add(7), new Twice()), failed.minimalHistory(), "seed " + seed);
            assertTrue(failed.originalHistory().size() >= 2);
            assertTrue(failed.failure().getMessage().startsWith("double right after add 7"));
        }
    }

    @Test
    void plantedBoundBugShrinksToALocallyMinimalHistory() {
        for (long seed = 1; seed <= 10; seed++) {
            CounterProperty property = new CounterProperty(Bug.ABOVE_HUNDRED, 50);
            PropertyResult.Failed<Command> failed = failed(PropertyRunner.check(property, SETTINGS.withSeed(seed)));
            List<Command> minimal = failed.minimalHistory();
            assertTrue(minimal.size() <= failed.originalHistory().size());
            assertTrue(fails(property, minimal), "minimal history does not fail: " + minimal);
            for (int i = 0; i < minimal.size(); i++) {
                List<Command> without = new ArrayList<>(minimal);
                without.remove(i);
                assertTrue(!fails(property, without), "step " + (i + 1) + " is removable from " + minimal);
                if (minimal.get(i) instanceof Add(int amount) && amount > 0) {
                    List<Command> lower = new ArrayList<>(minimal);
                    lower.set(i, new Add(amount - 1));
                    assertTrue(!fails(property, lower), "step " + (i + 1) + " could be smaller in " + minimal);
                }
            }
            assertTrue(!minimal.contains(new Reset()), "a reset is never needed: " + minimal);
        }
    }

    private static boolean fails(CounterProperty property, List<Command> history) {
        return !PropertyRunner.replay(property, history).passed();
    }

    @Test
    void correctSystemPassesAllTries() {
        CounterProperty property = new CounterProperty(Bug.NONE, 20);
        PropertyResult<Command> result = PropertyRunner.check(property, SETTINGS.withSeed(77));
        PropertyResult.Passed<?> passed = assertInstanceOf(PropertyResult.Passed.class, result);
        assertEquals(300, passed.tries());
        assertTrue(passed.steps() > 300 * 10, "histories are too short: " + passed.steps() + " steps");
        result.assertPassed();
        assertEquals(property.created.get(), property.cleaned.get(), "every history is cleaned up");
    }

    @Test
    void shrinkingIsDeterministic() {
        Settings settings = SETTINGS.withSeed(1234);
        PropertyResult.Failed<Command> first = failed(PropertyRunner.check(new CounterProperty(Bug.ABOVE_HUNDRED, 50), settings));
        PropertyResult.Failed<Command> second = failed(PropertyRunner.check(new CounterProperty(Bug.ABOVE_HUNDRED, 50), settings));
        assertEquals(first.originalHistory(), second.originalHistory());
        assertEquals(first.minimalHistory(), second.minimalHistory());
        assertEquals(first.shrinkAttempts(), second.shrinkAttempts());
    }

    @Test
    void shrinkingStopsAtTheAttemptBudget() {
        PropertyResult.Failed<Command> failed = failed(PropertyRunner.check(
                new CounterProperty(Bug.DOUBLE_AFTER_ADD_SEVEN, 20), SETTINGS.withSeed(3).withMaxShrinkAttempts(0)));
        assertEquals(failed.originalHistory(), failed.minimalHistory());
        assertEquals(0, failed.shrinks());
        assertEquals(0, failed.shrinkAttempts());
        PropertyResult.Failed<Command> few = failed(PropertyRunner.check(
                new CounterProperty(Bug.DOUBLE_AFTER_ADD_SEVEN, 20), SETTINGS.withSeed(3).withMaxShrinkAttempts(5)));
        assertTrue(few.shrinkAttempts() <= 5);
    }

    /**
     * Steps before the fourth fail with an {@link AssertionError} if the first step adds 1, and the
     * fourth step always throws {@link IllegalStateException}: shrinking the first argument would
     * swap one bug for another.
     */
    private static final class TwoBugs implements StatefulProperty<List<Integer>, Integer> {
        @Override
        public List<Integer> initialState() {
            return new ArrayList<>();
        }

        @Override
        public Gen<Integer> commands(List<Integer> state) {
            return Gen.integers(1, 20);
        }

        @Override
        public List<Integer> run(List<Integer> state, Integer command) {
            state.add(command);
            if (state.size() == 4) {
                throw new IllegalStateException("fourth step");
            }
            if (state.get(0) == 1) {
                throw new AssertionError("first step added 1");
            }
            return state;
        }
    }

    @Test
    void shrinkingKeepsTheFailureClassUnlessToldOtherwise() {
        Settings settings = SETTINGS.withSeed(21).withMaxSteps(10);
        PropertyResult.Failed<Integer> same = failed(PropertyRunner.check(new TwoBugs(), settings));
        assertEquals(IllegalStateException.class, same.failure().getClass(), same.report());
        assertEquals(List.of(2, 1, 1, 1), same.minimalHistory());

        PropertyResult.Failed<Integer> any = failed(PropertyRunner.check(new TwoBugs(), settings.withSameFailureClass(false)));
        assertEquals(same.originalHistory(), any.originalHistory());
        assertEquals(AssertionError.class, any.failure().getClass());
        assertEquals(List.of(1), any.minimalHistory());
    }

    @Test
    void brokenGeneratorsAreReportedAsPropertyBugsWithTheSeed() {
        StatefulProperty<Object, Integer> broken = new StatefulProperty<>() {
            @Override
            public Object initialState() {
                return new Object();
            }

            @Override
            public Gen<Integer> commands(Object state) {
                return Gen.integers(0, 10).filter(i -> i > 10);
            }

            @Override
            public Object run(Object state, Integer command) {
                return state;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PropertyRunner.check(broken, SETTINGS.withSeed(0xabcL)));
        assertTrue(e.getMessage().contains("-Dmodseq.seed=0x0000000000000abc"), e.getMessage());
        assertInstanceOf(GenerationException.class, e.getCause());
    }

    @Test
    void replayingAnExplicitHistoryRunsItWithoutShrinking() {
        CounterProperty property = new CounterProperty(Bug.DOUBLE_AFTER_ADD_SEVEN, 20);
        List<Command> history = List.of(new Add(3), new Add(7), new Twice(), new Reset());
        PropertyResult.Failed<Command> failed = failed(PropertyRunner.replay(property, history));
        assertEquals(history, failed.originalHistory());
        assertEquals(history.subList(0, 3), failed.minimalHistory());
        assertTrue(failed.seed().isEmpty());
        assertTrue(failed.report().contains("explicit history"), failed.report());
        assertTrue(PropertyRunner.replay(property, List.of(new Add(7), new Reset(), new Twice())).passed());
    }

    @Test
    void failureReportNamesTheSeedTheMinimalHistoryAndTheFailure() {
        PropertyResult.Failed<Command> failed =
                failed(PropertyRunner.check(new CounterProperty(Bug.DOUBLE_AFTER_ADD_SEVEN, 20), SETTINGS.withSeed(5)));
        AssertionError error = assertThrows(AssertionError.class, failed::assertPassed);
        assertSame(failed.failure(), error.getCause());
        String report = error.getMessage();
        assertEquals(failed.report(), report);
        assertTrue(report.startsWith("Property 'counter(DOUBLE_AFTER_ADD_SEVEN)' failed on try "), report);
        assertTrue(report.contains("-Dmodseq.seed=" + Settings.formatSeed(failed.seed().getAsLong())), report);
        assertTrue(report.contains("minimal history (2 steps, shrunk from " + failed.originalHistory().size() + " steps"),
                report);
        assertTrue(report.contains("  1. add 7\n") && report.contains("  2. double\n"), report);
        assertTrue(report.contains("failure:  java.lang.AssertionError: double right after add 7"), report);
    }

    /** Counts calls, to check the runner releases every state it creates. */
    @Test
    void cleanupRunsForEveryHistoryIncludingShrinkReplays() {
        CounterProperty property = new CounterProperty(Bug.ABOVE_HUNDRED, 50);
        failed(PropertyRunner.check(property, SETTINGS.withSeed(9)));
        assertTrue(property.created.get() > 1);
        assertEquals(property.created.get(), property.cleaned.get());
    }

    @Test
    void discardsAreCountedWhenPreconditionsRejectCommands() {
        AtomicInteger runs = new AtomicInteger();
        StatefulProperty<Object, Integer> picky = new StatefulProperty<>() {
            @Override
            public Object initialState() {
                return new Object();
            }

            @Override
            public Gen<Integer> commands(Object state) {
                return Gen.integers(0, 1);
            }

            @Override
            public boolean precondition(Object state, Integer command) {
                return command == 1;
            }

            @Override
            public Object run(Object state, Integer command) {
                runs.incrementAndGet();
                if (command != 1) {
                    throw new AssertionError("precondition ignored");
                }
                return state;
            }
        };
        PropertyResult.Passed<?> passed =
                assertInstanceOf(PropertyResult.Passed.class, PropertyRunner.check(picky, SETTINGS.withSeed(4)));
        assertTrue(passed.discarded() > 0);
        assertEquals(runs.get(), passed.steps());
    }
}
