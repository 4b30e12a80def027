package org.modseq.properties.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stack whose pop fails when it holds exactly three elements. Popping an empty stack also throws
 * an {@link AssertionError}, so a shrinker ignoring preconditions would "improve" the failure to a
 * lone pop; a correct one must keep the three pushes.
 */
class PreconditionShrinkingTest {

    sealed interface Op permits Push, Pop {}

    record Push(int value) implements Op {
        @Override
        public String toString() {
            return "push " + value;
        }
    }

    record Pop() implements Op {
        @Override
        public String toString() {
            return "pop";
        }
    }

    static final class StackProperty implements StatefulProperty<Deque<Integer>, Op> {
        final AtomicInteger violations = new AtomicInteger();

        @Override
        public Deque<Integer> initialState() {
            return new ArrayDeque<>();
        }

        @Override
        public Gen<Op> commands(Deque<Integer> state) {
            // Pops are generated even for an empty stack, so the precondition filters them.
            return Gen.oneOf(Gen.integers(0, 9).map(Push::new), Gen.constant(new Pop()));
        }

        @Override
        public boolean precondition(Deque<Integer> state, Op op) {
            return !(op instanceof Pop) || !state.isEmpty();
        }

        @Override
        public Deque<Integer> run(Deque<Integer> state, Op op) {
            if (!precondition(state, op)) {
                violations.incrementAndGet();
                throw new AssertionError("pop on an empty stack");
            }
            switch (op) {
                case Push push -> state.push(push.value());
                case Pop pop -> {
                    if (state.size() == 3) {
                        throw new AssertionError("pop lost an element at size 3");
                    }
                    state.pop();
                }
            }
            return state;
        }
    }

    @Test
    void shrunkHistoriesNeverViolatePreconditions() {
        for (long seed = 1; seed <= 10; seed++) {
            StackProperty property = new StackProperty();
            PropertyResult.Failed<Op> failed = StatefulShrinkingTest.failed(
                    PropertyRunner.check(property, Settings.defaults().withTries(300).withMaxSteps(30).withSeed(seed)));
            assertEquals(List.of(new Push(0), new Push(0), new Push(0), new Pop()), failed.minimalHistory(), failed.report());
            assertEquals(0, property.violations.get(), "run() saw a command whose precondition fails");
            assertTrue(failed.shrinkAttempts() > 0);
        }
    }

    @Test
    void replayRejectsAFixtureThatViolatesAPrecondition() {
        StackProperty property = new StackProperty();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PropertyRunner.replay(property, List.of(new Push(1), new Pop(), new Pop())));
        assertTrue(e.getMessage().contains("step 3 of the replayed history (pop)"), e.getMessage());
        assertEquals(0, property.violations.get());
    }
}
