package org.modseq.model.command;

/** How a STORE changes flags (RFC 3501 §6.4.6). */
public enum StoreAction {
    /** {@code FLAGS}: replace; every flag is affected, so RFC 7162 §3.1.12 cannot help (R39). */
    REPLACE("FLAGS"),
    ADD("+FLAGS"),
    REMOVE("-FLAGS");

    private final String wire;

    StoreAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
