package org.modseq.reference.engine;

/**
 * The engine can take no more commands, for a reason on the server's side (its data directory can
 * no longer be written): the network layer ends the connection with an untagged BYE carrying this
 * message (RFC 3501 §7.1.5) and logs it, without the trace an engine bug gets.
 */
public final class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
