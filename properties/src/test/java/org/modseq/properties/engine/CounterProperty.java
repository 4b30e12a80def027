package org.modseq.properties.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counter with add, double and reset commands, and optional planted bugs, shared by the
 * stateful tests.
 */
final class CounterProperty implements StatefulProperty<CounterProperty.Counter, CounterProperty.Command> {

    /** A planted bug. */
    enum Bug {
        /** None: the property holds. */
        NONE,
        /** "double" right after "add 7" fails. */
        DOUBLE_AFTER_ADD_SEVEN,
        /** The counter must never exceed 100. */
        ABOVE_HUNDRED
    }

    sealed interface Command permits Add, Twice, Reset {}

    record Add(int amount) implements Command {
        @Override
        public String toString() {
            return "add " + amount;
        }
    }

    record Twice() implements Command {
        @Override
        public String toString() {
            return "double";
        }
    }

    record Reset() implements Command {
        @Override
        public String toString() {
            return "reset";
        }
    }

    /** The mutable system under test. */
    static final class Counter {
        long value;
        Command last;
    }

    private final Bug bug;
    private final int maxAdd;
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger cleaned = new AtomicInteger();

    CounterProperty(Bug bug, int maxAdd) {
        this.bug = bug;
        this.maxAdd = maxAdd;
    }

    @Override
    public Counter initialState() {
        created.incrementAndGet();
        return new Counter();
    }

    @Override
    public Gen<Command> commands(Counter state) {
        return Gen.oneOf(
                Gen.integers(0, maxAdd).map(Add::new),
                Gen.constant(new Twice()),
                Gen.constant(new Reset()));
    }

    @Override
    public Counter run(Counter state, Command command) {
        switch (command) {
            case Add add -> state.value += add.amount();
            case Twice twice -> {
                if (bug == Bug.DOUBLE_AFTER_ADD_SEVEN && state.last instanceof Add(int amount) && amount == 7) {
                    throw new AssertionError("double right after add 7 (counter " + state.value + ")");
                }
                state.value *= 2;
            }
            case Reset reset -> state.value = 0;
        }
        state.last = command;
        if (bug == Bug.ABOVE_HUNDRED && state.value > 100) {
            throw new AssertionError("counter " + state.value + " exceeds 100");
        }
        return state;
    }

    @Override
    public void cleanup(Counter state) {
        cleaned.incrementAndGet();
    }

    @Override
    public String name() {
        return "counter(" + bug + ")";
    }
}
