package org.modseq.properties.check;

/**
 * The server cannot be checked, for a reason that says nothing about its conformance: it cannot
 * be reached, refuses the LOGIN, does not offer CONDSTORE and QRESYNC, or refuses to create the
 * checker's mailboxes. The message is one line for the user.
 */
public final class UnusableTargetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnusableTargetException(String message) {
        super(message);
    }

    public UnusableTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
