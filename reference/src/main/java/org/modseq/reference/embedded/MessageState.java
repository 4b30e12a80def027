package org.modseq.reference.embedded;

import java.util.Objects;
import java.util.Set;
import org.modseq.model.mailbox.Flag;

/**
 * One message as a user sees it: what {@code UID FETCH uid (FLAGS MODSEQ)} reports.
 *
 * @param uid    the message's UID
 * @param flags  its flags for that user (shared ones and the user's private ones, RFC 7162 §3.1.1)
 * @param modSeq its mod-sequence for that user (R8); 0 in a mailbox without mod-sequences (NOMODSEQ)
 */
public record MessageState(long uid, Set<Flag> flags, long modSeq) {

    public MessageState {
        flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
    }
}
