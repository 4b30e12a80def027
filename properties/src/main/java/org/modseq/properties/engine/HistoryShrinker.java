package org.modseq.properties.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing history in two alternating phases until neither helps or the budget runs out:
 *
 * <ol>
 *   <li>remove steps: chunks of half the history, then quarters, ..., then single steps
 *       (delta debugging); a smaller history is kept if all its preconditions hold when replayed
 *       and it still fails;
 *   <li>simplify arguments: shrink the choice sequence of each remaining step with {@link
 *       ChoiceShrinker}, regenerating the step's command from it in the state reached at that
 *       step; kept on the same conditions.
 * </ol>
 *
 * <p>Every kept history either has fewer steps or simpler choices at one step with the earlier
 * steps unchanged, so the search cannot cycle. It is deterministic for a deterministic system;
 * only the optional time budget can cut it short differently from one run to the next.
 */
final class HistoryShrinker<S, C> {
    private final Execution<S, C> execution;
    private final Settings settings;
    private final long deadline;
    private List<Step<C>> current;
    private Throwable failure;
    private int shrinks;
    private int attempts;

    /**
     * The outcome of shrinking.
     *
     * @param history the smallest failing history found
     * @param failure what its last step threw
     * @param shrinks how many simplifications were kept
     * @param attempts how many candidate histories were replayed
     */
    record Result<C>(List<Step<C>> history, Throwable failure, int shrinks, int attempts) {}

    HistoryShrinker(Execution<S, C> execution, Settings settings) {
        this.execution = execution;
        this.settings = settings;
        long budget = settings.maxShrinkTime().toNanos();
        this.deadline = System.nanoTime() + budget;
    }

    Result<C> shrink(List<Step<C>> history, Throwable originalFailure) {
        current = List.copyOf(history);
        failure = originalFailure;
        boolean progress = true;
        while (progress && budgetLeft()) {
            progress = removeSteps() | simplifyArguments();
        }
        return new Result<>(current, failure, shrinks, attempts);
    }

    private boolean removeSteps() {
        boolean progress = false;
        // Granularity as in ddmin: 2, 4, 8, ... chunks, rounding sizes up so that no size is
        // skipped (6 steps: chunks of 3, 2, then 1).
        int size = current.size();
        while (size > 1 && budgetLeft()) {
            size = (size + 1) / 2;
            int start = 0;
            while (start < current.size() && budgetLeft()) {
                int end = Math.min(start + size, current.size());
                if (end - start == current.size()) {
                    start = end; // an empty history cannot fail
                    continue;
                }
                List<Step<C>> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(end, current.size()));
                if (keepIfStillFails(execution.replay(candidate), null, -1)) {
                    progress = true; // the steps after the removed chunk moved to `start`
                } else {
                    start = end;
                }
            }
        }
        return progress;
    }

    private boolean simplifyArguments() {
        boolean progress = false;
        for (int i = 0; i < current.size() && budgetLeft(); i++) {
            int index = i;
            progress |= ChoiceShrinker.shrink(
                    () -> index < current.size() ? current.get(index).choices() : List.of(),
                    choices -> index < current.size()
                            && keepIfStillFails(
                                    execution.replay(current, index, choices),
                                    current.get(index).choices(),
                                    index),
                    this::budgetLeft);
        }
        return progress;
    }

    /**
     * Keeps the replayed history if it fails like the original and is simpler: shorter, or with
     * simpler choices at {@code index} than {@code previousChoices}.
     */
    private boolean keepIfStillFails(Execution.Outcome<C> outcome, List<Long> previousChoices, int index) {
        attempts++;
        if (outcome.verdict() != Execution.Verdict.FAILED || !sameFailure(outcome.failure())) {
            return false;
        }
        List<Step<C>> candidate = outcome.steps();
        boolean shorter = candidate.size() < current.size();
        boolean simpler = index >= 0
                && index < candidate.size()
                && ChoiceShrinker.compare(candidate.get(index).choices(), previousChoices) < 0;
        if (!shorter && !simpler) {
            return false;
        }
        current = candidate;
        failure = outcome.failure();
        shrinks++;
        return true;
    }

    private boolean sameFailure(Throwable candidate) {
        return !settings.sameFailureClass() || candidate.getClass() == failure.getClass();
    }

    private boolean budgetLeft() {
        return attempts < settings.maxShrinkAttempts() && System.nanoTime() - deadline < 0;
    }
}
