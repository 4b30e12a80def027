package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Checks properties: runs seeded random histories, shrinks the first failing one, and reports.
 *
 * <pre>{@code
 * PropertyRunner.check(new MailboxProperty(), Settings.fromSystemProperties(100, 2000, 30, 200))
 *         .assertPassed();
 * }</pre>
 */
public final class PropertyRunner {
    /** Generated commands rejected by their precondition in a row before a history ends early. */
    private static final int MAX_DISCARDS_PER_STEP = 100;

    private PropertyRunner() {}

    /**
     * Checks a stateful property on {@link Settings#tries()} random histories of 1 to {@link
     * Settings#maxSteps()} steps, stopping at the first failure, which is then shrunk.
     *
     * <p>A history ends early when {@value #MAX_DISCARDS_PER_STEP} generated commands in a row
     * fail their precondition; such discards are counted in the passed result.
     *
     * @param <S> the state type
     * @param <C> the command type
     * @param property the property
     * @param settings how hard to check it
     * @return {@link PropertyResult.Passed} or {@link PropertyResult.Failed} with the shrunk history
     * @throws IllegalStateException if generating a command or checking a precondition throws:
     *     that is a bug in the property, not a failure of the system
     */
    public static <S, C> PropertyResult<C> check(StatefulProperty<S, C> property, Settings settings) {
        return check(property, settings, false);
    }

    /**
     * Checks that {@code check} accepts every value of {@code gen}: a property over single values
     * rather than histories. {@code check} fails by throwing. The failing value is shrunk like the
     * arguments of a one-step history.
     *
     * @param <T> the value type
     * @param name the property's name for reports
     * @param gen generates the values
     * @param check throws (an {@link AssertionError}, say) for a bad value
     * @param settings how many values to try and with which seed
     * @return the result; the "histories" in it hold the single value
     */
    public static <T> PropertyResult<T> forAll(String name, Gen<T> gen, Consumer<? super T> check, Settings settings) {
        Objects.requireNonNull(gen, "gen");
        Objects.requireNonNull(check, "check");
        StatefulProperty<Boolean, T> single = new StatefulProperty<>() {
            @Override
            public Boolean initialState() {
                return Boolean.TRUE;
            }

            @Override
            public Gen<T> commands(Boolean state) {
                return gen;
            }

            @Override
            public Boolean run(Boolean state, T value) {
                check.accept(value);
                return state;
            }

            @Override
            public String name() {
                return name;
            }
        };
        return check(single, settings, true);
    }

    /**
     * Runs one explicit history, e.g. a checked-in regression fixture, without shrinking.
     *
     * @param <S> the state type
     * @param <C> the command type
     * @param property the property
     * @param history the commands, in order
     * @return passed, or failed with the history up to the failing step
     * @throws IllegalArgumentException if a step's precondition does not hold (the fixture no
     *     longer fits the property)
     */
    public static <S, C> PropertyResult<C> replay(StatefulProperty<S, C> property, List<C> history) {
        List<Step<C>> steps = new ArrayList<>(history.size());
        for (C command : history) {
            steps.add(new Step<>(command, List.of()));
        }
        Execution.Outcome<C> outcome = new Execution<>(property).replay(steps);
        return switch (outcome.verdict()) {
            case PASSED -> new PropertyResult.Passed<>(property.name(), OptionalLong.empty(), 1, steps.size(), 0);
            case INVALID -> {
                int index = outcome.steps().size();
                throw new IllegalArgumentException("step " + (index + 1) + " of the replayed history ("
                        + property.describe(history.get(index)) + ") fails its precondition");
            }
            case FAILED -> {
                List<C> ran = commands(outcome.steps());
                yield new PropertyResult.Failed<>(property.name(), OptionalLong.empty(), "", 0, 1, history, ran,
                        describe(property, ran), outcome.failure(), 0, 0);
            }
        };
    }

    /**
     * The seed of the try after the one with {@code seed}: one SplitMix64 step, so consecutive
     * tries get well-mixed, unrelated seeds while any single try is replayable from its own seed.
     */
    public static long nextSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static <S, C> PropertyResult<C> check(StatefulProperty<S, C> property, Settings settings, boolean singleStep) {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(settings, "settings");
        long firstSeed = settings.seed().orElseGet(() -> new SplittableRandom().nextLong());
        long seed = firstSeed;
        long steps = 0;
        long discarded = 0;
        for (int tryNumber = 1; tryNumber <= settings.tries(); tryNumber++, seed = nextSeed(seed)) {
            SplittableRandom random = new SplittableRandom(seed);
            int length = singleStep ? 1 : 1 + random.nextInt(settings.maxSteps());
            List<Step<C>> history = new ArrayList<>(length);
            Throwable failure = null;
            S state = property.initialState();
            try {
                while (history.size() < length && failure == null) {
                    Step<C> step = null;
                    for (int attempt = 0; attempt < MAX_DISCARDS_PER_STEP && step == null; attempt++) {
                        step = generateStep(property, state, random, settings, seed, history.size());
                        if (step == null) {
                            discarded++;
                        }
                    }
                    if (step == null) {
                        break; // nothing can run in this state: the history ends here
                    }
                    history.add(step);
                    steps++;
                    try {
                        state = property.run(state, step.command());
                    } catch (OutOfMemoryError e) {
                        throw e;
                    } catch (Throwable t) {
                        failure = t;
                    }
                }
            } finally {
                property.cleanup(state);
            }
            if (failure != null) {
                return shrunk(property, settings, seed, tryNumber, history, failure);
            }
        }
        return new PropertyResult.Passed<>(property.name(), OptionalLong.of(firstSeed), settings.tries(), steps, discarded);
    }

    /** Generates one command in {@code state}; {@code null} when its precondition rejects it. */
    private static <S, C> Step<C> generateStep(
            StatefulProperty<S, C> property, S state, SplittableRandom random, Settings settings, long seed, int index) {
        Source source = Source.random(random);
        try {
            C command = property.commands(state).generate(source);
            return property.precondition(state, command) ? new Step<>(command, source.choices()) : null;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("property '" + property.name() + "' could not generate step "
                    + (index + 1) + " (generators and preconditions must not throw); reproduce with "
                    + settings.replayFlags(seed), t);
        }
    }

    private static <S, C> PropertyResult<C> shrunk(
            StatefulProperty<S, C> property, Settings settings, long seed, int tryNumber,
            List<Step<C>> history, Throwable failure) {
        HistoryShrinker.Result<C> result = new HistoryShrinker<>(new Execution<>(property), settings)
                .shrink(history, failure);
        List<C> minimal = commands(result.history());
        return new PropertyResult.Failed<>(property.name(), OptionalLong.of(seed), settings.replayFlags(seed),
                tryNumber, settings.tries(), commands(history), minimal, describe(property, minimal),
                result.failure(), result.shrinks(), result.attempts());
    }

    private static <C> List<C> commands(List<Step<C>> steps) {
        List<C> commands = new ArrayList<>(steps.size());
        for (Step<C> step : steps) {
            commands.add(step.command());
        }
        return commands;
    }

    private static <S, C> List<String> describe(StatefulProperty<S, C> property, List<C> commands) {
        List<String> lines = new ArrayList<>(commands.size());
        for (C command : commands) {
            lines.add(property.describe(command));
        }
        return lines;
    }
}
