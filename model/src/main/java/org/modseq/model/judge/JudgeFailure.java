package org.modseq.model.judge;

/** Carries the first violation out of the checks of one event to {@link Judge}; never leaves the package. */
final class JudgeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient Violation violation;

    JudgeFailure(Violation violation) {
        super(violation.describe(), null, false, false);
        this.violation = violation;
    }
}
