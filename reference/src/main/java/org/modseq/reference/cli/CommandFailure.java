package org.modseq.reference.cli;

/**
 * A command cannot do its job for a reason the user can fix (a busy port, a bad users file). Its
 * message is printed as is, on one line, and the command exits with code 2; no stack trace.
 */
public final class CommandFailure extends Exception {

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
