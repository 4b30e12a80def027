package org.modseq.reference.journal;

/**
 * A data directory the server will not start from, and why, in one sentence that names the file
 * and, for damage, the offset: refusing is the only way never to start silently with older state.
 */
public final class DataDirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DataDirectoryException(String message) {
        super(message);
    }

    public DataDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
