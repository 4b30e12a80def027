package org.modseq.reference.store;

import java.util.Set;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;

/**
 * Where a mailbox reports each change as it makes it, with the mod-sequence it took, so that the
 * changes can be written down and replayed into a fresh mailbox after a restart: replaying the
 * same calls on the same prior state gives the same mailbox, mod-sequences, UIDs and expunge
 * history included. {@link #NONE} keeps nothing (mailboxes in memory only).
 */
public interface ChangeSink {

    /** Keeps nothing; an APPEND's octets stay on the heap. */
    ChangeSink NONE = new ChangeSink() {
    };

    /**
     * An APPEND of {@code octets} as UID {@code uid} at {@code modSeq}. Returns what the mailbox
     * is to keep for the octets: the array itself, or where the sink stored them.
     */
    default Object appended(MailboxStore mailbox, long uid, long modSeq, Set<Flag> flags, String user, byte[] octets,
            InternalDate internalDate) {
        return octets;
    }

    /** A COPY or MOVE of {@code source}'s {@code sourceUid} into {@code target} as {@code uid} at {@code modSeq}. */
    default void copied(MailboxStore target, long uid, long modSeq, MailboxStore source, long sourceUid) {
    }

    /** A STORE (or an implicit \Seen) that changed {@code uid} at {@code modSeq}, with the arguments it was made with. */
    default void stored(MailboxStore mailbox, long uid, String user, Set<Flag> wanted, Set<Flag> scope, long modSeq,
            boolean stampUnchanged) {
    }

    /** An expunge of {@code uids} at {@code modSeq} (R12, R91). */
    default void expunged(MailboxStore mailbox, long[] uids, long modSeq) {
    }

    /** A RENAME (RFC 3501 §6.3.5): the mailbox keeps its UIDVALIDITY and contents under a new name. */
    default void renamed(MailboxStore mailbox, String newName) {
    }
}
