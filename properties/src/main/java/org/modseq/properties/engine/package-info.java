/**
 * A small property-based testing engine, the heart of the Modseq harness.
 *
 * <p><b>Choice sequences.</b> Every random decision a generator makes goes through a {@link
 * org.modseq.properties.engine.Source}, which records it as a non-negative number (a "choice"). A
 * generated value is therefore fully described by the list of choices that produced it, and
 * replaying a generator on a recorded list gives the same value back. This is the design of
 * Hypothesis (MacIver and Donaldson, "Test-Case Reduction via Test-Case Generation: Insights from
 * the Hypothesis Reducer", ECOOP 2020), chosen here for two reasons:
 *
 * <ul>
 *   <li>Shrinking is generic: instead of every generator shipping its own shrinker, the engine
 *       shrinks the choice list (deleting choices, lowering them towards zero) and replays the
 *       generator on it. Because every generator maps smaller choices to simpler values (the low
 *       bound of an integer range, an earlier alternative, a shorter list), simpler choices give
 *       simpler values, and values built with {@code map}, {@code flatMap} or {@code filter}
 *       shrink for free, always staying inside what the generator can produce.
 *   <li>Generators stay simple: a {@link org.modseq.properties.engine.Gen} is just a function from
 *       a source to a value.
 * </ul>
 *
 * <p><b>Stateful properties.</b> The main use is a {@link
 * org.modseq.properties.engine.StatefulProperty}: a history of commands, each drawn from the
 * current state of a system under test. {@link org.modseq.properties.engine.PropertyRunner} runs
 * many seeded histories; when one fails it first removes steps (delta debugging, keeping only
 * histories whose preconditions hold), then simplifies the arguments of the remaining steps by
 * shrinking the choices each step was generated from. The failure report names one seed that
 * replays the failing try exactly ({@code -Dmodseq.seed=...}).
 *
 * <p>The engine depends on nothing but the JDK, so the command-line conformance checker can reuse
 * it; only its own tests use JUnit.
 */
package org.modseq.properties.engine;
