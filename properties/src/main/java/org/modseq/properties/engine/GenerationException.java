package org.modseq.properties.engine;

/**
 * A generator could not produce a value: a {@link Gen#filter filter} rejected too many candidates,
 * or a generator consumed an unreasonable number of choices. This signals a badly written
 * generator, not a failure of the system under test; while shrinking it just marks a candidate as
 * unusable.
 */
public final class GenerationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be generated and why
     */
    public GenerationException(String message) {
        super(message);
    }
}
