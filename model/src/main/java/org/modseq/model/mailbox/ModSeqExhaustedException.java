package org.modseq.model.mailbox;

/**
 * A change needs a mod-sequence above 2^63-1, which R1 does not allow; the server refuses the
 * command that would make it rather than reuse a value (R2, R4).
 */
public final class ModSeqExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ModSeqExhaustedException() {
        super("mod-sequence space exhausted (RFC 7162 R1: 63-bit range)");
    }
}
