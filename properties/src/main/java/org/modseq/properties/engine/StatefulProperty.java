package org.modseq.properties.engine;

/**
 * A property of a stateful system, checked over random histories of commands.
 *
 * <p>A history starts from {@link #initialState()} and grows one step at a time: the next
 * command is drawn from {@link #commands(Object)} for the <em>current</em> state, kept only if
 * {@link #precondition} allows it, and applied with {@link #run}. The property fails when
 * {@code run} throws (an {@link AssertionError} or anything else).
 *
 * <p>While shrinking, the runner replays edited histories from a fresh initial state many times,
 * so {@code initialState} must return an independent system each time, and the system should be
 * deterministic: the same history must give the same outcome. Replayed commands are checked
 * against {@code precondition} again, since removing earlier steps can make a later one
 * meaningless (popping an empty stack, expunging a message never appended); such edits are
 * discarded.
 *
 * <p>Only exceptions thrown by {@code run} count as failures of the property. An exception from
 * {@code commands}, a generator or {@code precondition} while generating a history is a bug in
 * the property itself and ends the check with an {@link IllegalStateException}.
 *
 * @param <S> the state: the system under test, a model of it, or both
 * @param <C> the command type, one step of a history
 */
public interface StatefulProperty<S, C> {

    /**
     * A fresh system, independent of every earlier one.
     *
     * @return the initial state
     */
    S initialState();

    /**
     * The generator of the next command in {@code state}.
     *
     * @param state the current state
     * @return the generator
     */
    Gen<C> commands(S state);

    /**
     * Whether {@code command} makes sense in {@code state}. Checked for every generated command and
     * again whenever a shrunk history is replayed.
     *
     * @param state the current state
     * @param command the candidate command
     * @return {@code true} if the command may run
     */
    default boolean precondition(S state, C command) {
        return true;
    }

    /**
     * Applies {@code command} and checks the property.
     *
     * @param state the current state
     * @param command the command, whose precondition holds
     * @return the next state (may be {@code state} itself when the system is mutable)
     * @throws AssertionError (or any throwable) when the property fails
     */
    S run(S state, C command);

    /**
     * One line describing {@code command} in a failure report.
     *
     * @param command the command
     * @return its description
     */
    default String describe(C command) {
        return String.valueOf(command);
    }

    /**
     * Releases what the state holds (connections, threads, files) after each history, whether it
     * passed or failed. The default does nothing.
     *
     * @param state the last state of the history
     */
    default void cleanup(S state) {}

    /**
     * The name used in reports.
     *
     * @return the property's name, by default its class's simple name
     */
    default String name() {
        String simple = getClass().getSimpleName();
        return simple.isEmpty() ? getClass().getName() : simple;
    }
}
