package org.modseq.properties.sync;

import java.util.List;
import java.util.Set;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Uid;

/** What the synchronised client does while connected, one command each. */
public sealed interface ClientAction {

    /** NOOP: collects whatever the server owes (RFC 3501 §6.1.2). */
    record Noop() implements ClientAction {
    }

    /** IDLE, ended by DONE at once (RFC 2177). */
    record Idle() implements ClientAction {
    }

    /** {@code UID FETCH <knownBelow>:* (FLAGS)}: learns the messages announced by EXISTS (§6 step 2). */
    record FetchNew() implements ClientAction {
    }

    /**
     * {@code UID FETCH 1:* (FLAGS) (CHANGEDSINCE <cached HIGHESTMODSEQ> [VANISHED])}: asks for what
     * changed instead of waiting to be told (R28, R45, R78), with VANISHED when QRESYNC is enabled.
     */
    record Poll() implements ClientAction {
    }

    /**
     * The client's own {@code UID STORE}, conditional on its cached HIGHESTMODSEQ when
     * {@code conditional} ({@code UNCHANGEDSINCE}, R32); the answer carries MODSEQ (R33), and a
     * server that holds back another session's expunge meanwhile must keep the client from
     * caching past it (R96, X40).
     */
    record Mark(List<Uid> uids, StoreAction action, Set<Flag> flags, boolean silent, boolean conditional)
            implements ClientAction {
        public Mark {
            uids = List.copyOf(uids);
            flags = Set.copyOf(flags);
            if (uids.isEmpty()) {
                throw new IllegalArgumentException("a STORE needs at least one UID");
            }
        }
    }

    /** {@code UID EXPUNGE} of the cached messages flagged {@code \Deleted}, or EXPUNGE when none is (R90-R94). */
    record ExpungeDeleted() implements ClientAction {
    }
}
