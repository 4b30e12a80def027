package org.modseq.reference.store;

import java.util.Arrays;

/**
 * When each flag of one message last changed state: the per-flag mod-sequences that R8 allows
 * and that conflict detection per flag needs (R32, R39, §3.1.12) and the MODSEQ search key with
 * an entry name (R51). Kept only for messages whose flags changed, and only when the server
 * detects conflicts per flag; a flag never changed dates from the message's add.
 *
 * <p>The stamps of a message are one {@code long[]} of (flag id, mod-sequence) pairs, flag ids
 * from {@link FlagSets#idOf}: 16 bytes of array header plus 16 per changed flag, with no object
 * of its own, since a mailbox may hold a million of them.
 */
public final class FlagStamps {

    private FlagStamps() {
    }

    /** When the flag with {@code flagId} last changed, or 0 if it never did (or {@code stamps} is null). */
    public static long get(long[] stamps, int flagId) {
        if (stamps != null) {
            for (int i = 0; i < stamps.length; i += 2) {
                if (stamps[i] == flagId) {
                    return stamps[i + 1];
                }
            }
        }
        return 0;
    }

    /** The stamps with the flag's set to {@code modSeq}: the same array when the flag had one, else a longer copy. */
    static long[] put(long[] stamps, int flagId, long modSeq) {
        if (stamps == null) {
            return new long[] {flagId, modSeq};
        }
        for (int i = 0; i < stamps.length; i += 2) {
            if (stamps[i] == flagId) {
                stamps[i + 1] = modSeq;
                return stamps;
            }
        }
        long[] longer = Arrays.copyOf(stamps, stamps.length + 2);
        longer[stamps.length] = flagId;
        longer[stamps.length + 1] = modSeq;
        return longer;
    }
}
