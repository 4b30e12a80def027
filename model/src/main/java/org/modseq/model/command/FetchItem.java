package org.modseq.model.command;

/**
 * The FETCH data items the model knows (RFC 3501 §6.4.5, RFC 7162 §3.1.4.2). {@link #BODY}
 * stands for {@code BODY[]}: it returns the content and sets {@code \Seen} implicitly (R5, R20);
 * {@link #BODY_PEEK} returns it without.
 */
public enum FetchItem {
    UID("UID"),
    FLAGS("FLAGS"),
    /** RFC 7162 §3.1.4.2, R47: {@code MODSEQ (n)}; a CONDSTORE enabling item (R15). */
    MODSEQ("MODSEQ"),
    RFC822_SIZE("RFC822.SIZE"),
    BODY("BODY[]"),
    BODY_PEEK("BODY.PEEK[]");

    private final String wire;

    FetchItem(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
