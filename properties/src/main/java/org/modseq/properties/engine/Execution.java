package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.List;

/** Replays histories of a property from a fresh initial state; shared by the runner and the shrinker. */
final class Execution<S, C> {

    /** How a replay ended. */
    enum Verdict {
        /** Every step ran without failing. */
        PASSED,
        /** A step's precondition failed (or its command could not be regenerated): not a history. */
        INVALID,
        /** A step's {@code run} threw. */
        FAILED
    }

    /**
     * The result of one replay.
     *
     * @param verdict how it ended
     * @param steps the steps that ran, ending with the failing one when it failed; a regenerated
     *     step appears with its new command and the choices actually consumed
     * @param failure what the failing step threw, or {@code null}
     */
    record Outcome<C>(Verdict verdict, List<Step<C>> steps, Throwable failure) {}

    private final StatefulProperty<S, C> property;

    Execution(StatefulProperty<S, C> property) {
        this.property = property;
    }

    /** Replays {@code steps} unchanged. */
    Outcome<C> replay(List<Step<C>> steps) {
        return replay(steps, -1, List.of());
    }

    /**
     * Replays {@code steps}, except that the command of step {@code regenerate} (if not negative)
     * is generated again, in the state reached at that point, from {@code choices}.
     */
    Outcome<C> replay(List<Step<C>> steps, int regenerate, List<Long> choices) {
        S state = property.initialState();
        List<Step<C>> ran = new ArrayList<>(steps.size());
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step<C> step = steps.get(i);
                try {
                    if (i == regenerate) {
                        Source source = Source.replay(choices);
                        step = new Step<>(property.commands(state).generate(source), source.choices());
                    }
                    if (!property.precondition(state, step.command())) {
                        return new Outcome<>(Verdict.INVALID, List.copyOf(ran), null);
                    }
                } catch (RuntimeException e) {
                    // Edits can reach states the property's generators never see; treat a crash
                    // there like a failed precondition rather than as the bug being shrunk.
                    return new Outcome<>(Verdict.INVALID, List.copyOf(ran), null);
                }
                ran.add(step);
                try {
                    state = property.run(state, step.command());
                } catch (OutOfMemoryError e) {
                    throw e;
                } catch (Throwable t) {
                    return new Outcome<>(Verdict.FAILED, List.copyOf(ran), t);
                }
            }
            return new Outcome<>(Verdict.PASSED, List.copyOf(ran), null);
        } finally {
            property.cleanup(state);
        }
    }
}
