package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of checking a property: {@link Passed} or {@link Failed}.
 *
 * @param <C> the command (or value) type
 */
public sealed interface PropertyResult<C> permits PropertyResult.Passed, PropertyResult.Failed {

    /**
     * The property's name.
     *
     * @return the name
     */
    String propertyName();

    /**
     * Whether every try passed.
     *
     * @return {@code true} for {@link Passed}
     */
    boolean passed();

    /**
     * A readable, multi-line account of the outcome.
     *
     * @return the report
     */
    String report();

    /**
     * Does nothing if the property passed; otherwise throws an {@link AssertionError} carrying the
     * {@link #report()} and, as its cause, what the minimal history threw.
     *
     * @throws AssertionError if the property failed
     */
    void assertPassed();

    /**
     * Every try passed.
     *
     * @param propertyName the property's name
     * @param firstSeed the seed of the first try, or empty for an explicit history replay
     * @param tries how many histories ran
     * @param steps how many steps ran in total
     * @param discarded how many generated commands were discarded by their precondition
     * @param <C> the command type
     */
    record Passed<C>(String propertyName, OptionalLong firstSeed, int tries, long steps, long discarded)
            implements PropertyResult<C> {
        @Override
        public boolean passed() {
            return true;
        }

        @Override
        public String report() {
            String seed = firstSeed.isPresent() ? ", first seed " + Settings.formatSeed(firstSeed.getAsLong()) : "";
            return "Property '" + propertyName + "' passed " + tries + (tries == 1 ? " try" : " tries")
                    + " (" + steps + " steps, " + discarded + " commands discarded by preconditions" + seed + ")";
        }

        @Override
        public void assertPassed() {}
    }

    /**
     * A try failed.
     *
     * @param propertyName the property's name
     * @param seed the failing try's seed, or empty for an explicit history replay
     * @param replayFlags system property flags replaying the failing try, or empty
     * @param tryNumber the failing try, counting from 1 (0 for an explicit history replay)
     * @param tries the number of tries asked for
     * @param originalHistory the history as generated, ending with the failing step
     * @param minimalHistory the shrunk history, ending with the failing step
     * @param minimalDescription {@link StatefulProperty#describe} of each minimal step
     * @param failure what the minimal history's last step threw
     * @param shrinks how many simplifications shrinking kept
     * @param shrinkAttempts how many candidate histories shrinking replayed
     * @param <C> the command type
     */
    record Failed<C>(
            String propertyName,
            OptionalLong seed,
            String replayFlags,
            int tryNumber,
            int tries,
            List<C> originalHistory,
            List<C> minimalHistory,
            List<String> minimalDescription,
            Throwable failure,
            int shrinks,
            int shrinkAttempts)
            implements PropertyResult<C> {

        /** Copies the histories (commands may be {@code null}, so not with {@code List.copyOf}). */
        public Failed {
            Objects.requireNonNull(failure, "failure");
            originalHistory = Collections.unmodifiableList(new ArrayList<>(originalHistory));
            minimalHistory = Collections.unmodifiableList(new ArrayList<>(minimalHistory));
            minimalDescription = List.copyOf(minimalDescription);
        }

        @Override
        public boolean passed() {
            return false;
        }

        @Override
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append("Property '").append(propertyName).append("' failed");
            if (seed.isPresent()) {
                out.append(" on try ").append(tryNumber).append(" of ").append(tries).append('\n');
                out.append("  seed:     ").append(Settings.formatSeed(seed.getAsLong())).append('\n');
                out.append("  replay:   run again with ").append(replayFlags).append('\n');
            } else {
                out.append(" on an explicit history\n");
            }
            out.append("  minimal history (").append(count(minimalHistory.size(), "step"))
                    .append(", shrunk from ").append(count(originalHistory.size(), "step"))
                    .append(" by ").append(count(shrinks, "simplification"))
                    .append(" in ").append(count(shrinkAttempts, "replay")).append("):\n");
            for (int i = 0; i < minimalDescription.size(); i++) {
                out.append(String.format("    %3d. %s", i + 1, minimalDescription.get(i))).append('\n');
            }
            out.append("  failure:  ").append(failure);
            return out.toString();
        }

        @Override
        public void assertPassed() {
            throw new AssertionError(report(), failure);
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
