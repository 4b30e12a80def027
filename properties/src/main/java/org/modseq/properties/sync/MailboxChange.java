package org.modseq.properties.sync;

import java.util.Optional;
import java.util.Set;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.set.SequenceSet;

/**
 * A change another session makes to the synchronised mailbox while the client is connected or
 * away: the changes a client must not miss.
 */
public sealed interface MailboxChange {

    /** APPEND of a new message: a new UID and a mod-sequence above every other (R7). */
    record Append(Set<Flag> flags) implements MailboxChange {
        public Append {
            flags = Set.copyOf(flags);
        }
    }

    /** UID STORE, conditional with UNCHANGEDSINCE when given (R32-R44). */
    record Store(SequenceSet uids, Optional<ModSeq> unchangedSince, StoreAction action, boolean silent,
            Set<Flag> flags) implements MailboxChange {
        public Store {
            flags = Set.copyOf(flags);
        }
    }

    /** How the deleted messages are removed. */
    enum Removal {
        /** EXPUNGE (R90-R92). */
        EXPUNGE,
        /** UID EXPUNGE of the same UIDs (R94). */
        UID_EXPUNGE,
        /** CLOSE, which expunges without telling the closing session (R93). */
        CLOSE
    }

    /** {@code UID STORE uids +FLAGS.SILENT (\Deleted)}, then the removal (R12). */
    record Expunge(SequenceSet uids, Removal removal) implements MailboxChange {
    }

    /** UID MOVE to the other mailbox: an expunge here (R95). */
    record MoveOut(SequenceSet uids) implements MailboxChange {
    }

    /** UID MOVE from the other mailbox: new messages here. */
    record MoveIn(SequenceSet uids) implements MailboxChange {
    }

    /**
     * DELETE and CREATE: the mailbox starts over with a new UIDVALIDITY (R26, R101), so the
     * client must empty its cache (R27). Done only while the client has the mailbox closed.
     */
    record Recreate() implements MailboxChange {
    }
}
