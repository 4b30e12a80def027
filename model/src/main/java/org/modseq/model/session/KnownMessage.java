package org.modseq.model.session;

import java.util.Set;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;

/**
 * What a session's client last learned of one message: its flags and mod-sequence. A message
 * whose current mod-sequence is newer than this owes the client a FETCH (RFC 7162 R16, R18).
 */
public record KnownMessage(Set<Flag> flags, ModSeq modSeq) {
    public KnownMessage {
        flags = Set.copyOf(flags);
    }
}
