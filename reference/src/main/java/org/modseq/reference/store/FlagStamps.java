package org.modseq.reference.store;

import java.util.Arrays;
import org.modseq.model.mailbox.Flag;

/**
 * When each flag of one message last changed state: the per-flag mod-sequences that R8 allows
 * and that conflict detection per flag needs (R32, R39, §3.1.12) and the MODSEQ search key with
 * an entry name (R51). Kept only for messages whose flags changed, and only when the server
 * detects conflicts per flag; a flag never changed dates from the message's add.
 */
public final class FlagStamps {

    private Flag[] flags = new Flag[2];
    private long[] stamps = new long[2];
    private int size;

    /** When {@code flag} last changed, or 0 if it never did. */
    public long get(Flag flag) {
        for (int i = 0; i < size; i++) {
            if (flags[i].equals(flag)) {
                return stamps[i];
            }
        }
        return 0;
    }

    void put(Flag flag, long modSeq) {
        for (int i = 0; i < size; i++) {
            if (flags[i].equals(flag)) {
                stamps[i] = modSeq;
                return;
            }
        }
        if (size == flags.length) {
            flags = Arrays.copyOf(flags, size * 2);
            stamps = Arrays.copyOf(stamps, size * 2);
        }
        flags[size] = flag;
        stamps[size] = modSeq;
        size++;
    }
}
