package org.modseq.model.server;

import java.util.Set;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.ModSeq;

/**
 * Every choice RFC 7162 (and RFC 3501 around it) leaves to a server, named. The model runs with
 * one value of each; {@link #RFC_DEFAULTS} takes the RFC's recommendation wherever it makes one.
 * A judge of real servers allows exactly these freedoms.
 *
 * @param modSeqOnEverySelect whether every SELECT/EXAMINE reports HIGHESTMODSEQ or NOMODSEQ, as
 *     §3.1.2 says a server MUST when it opens a mailbox, or only after a CONDSTORE enabling command,
 *     as §3.1.2.1 notes some servers do (R23, R24, R25)
 * @param modSeqGranularity whether one STORE that changes several messages gives them one new
 *     mod-sequence or one each (R2 requires only that STOREs differ)
 * @param conflictDetection how UNCHANGEDSINCE is compared: per affected flag, which avoids
 *     spurious MODIFIED as R39 asks, or per message, which R8 and R38 permit
 * @param noOpStoreBumpsModSeq whether setting a set flag or clearing a clear one still takes a
 *     new mod-sequence (R5 says it SHOULD NOT)
 * @param unchangedSinceZero how {@code UNCHANGEDSINCE 0} is read for keywords (R37)
 * @param storeOnExpunged the tagged answer to a STORE that names a message expunged by another
 *     session and not yet reported (X14, R36)
 * @param expungeHistoryBound how many expunged UIDs a mailbox remembers before it keeps only a
 *     floor (R98, R100); {@link Integer#MAX_VALUE} for an exact history
 * @param updateDelivery when changes made by other sessions are reported (RFC 3501 §7; R86, R96)
 * @param fetchForFailedStore whether a conditional STORE reports the current state of the
 *     messages it did not change (R40, RECOMMENDED), even when updates are otherwise held back
 * @param uidInCondstoreFetch whether a CONDSTORE-only session also gets UID in unsolicited FETCH
 *     (R21, SHOULD; required with QRESYNC by R20)
 * @param highestModSeqAfterExpunge whether EXPUNGE tells a CONDSTORE-aware session without QRESYNC
 *     the new HIGHESTMODSEQ (optional by R92; required with QRESYNC)
 * @param zeroModSeqArgument how CHANGEDSINCE 0 and QRESYNC with mod-sequence 0 are answered; the
 *     grammar forbids 0 there (R46, R64)
 * @param privateFlags flags kept per user rather than shared (R8, R9; Example 14)
 * @param noModSeqMailboxes names of mailboxes without persistent mod-sequences (R14, R24)
 */
public record ServerChoices(
        boolean modSeqOnEverySelect,
        ModSeqGranularity modSeqGranularity,
        ConflictDetection conflictDetection,
        boolean noOpStoreBumpsModSeq,
        UnchangedSinceZero unchangedSinceZero,
        StoreOnExpunged storeOnExpunged,
        int expungeHistoryBound,
        UpdateDelivery updateDelivery,
        boolean fetchForFailedStore,
        boolean uidInCondstoreFetch,
        boolean highestModSeqAfterExpunge,
        ZeroModSeqArgument zeroModSeqArgument,
        Set<Flag> privateFlags,
        Set<String> noModSeqMailboxes) {

    /** R2: one STORE's changes share one new mod-sequence, or each changed message gets its own. */
    public enum ModSeqGranularity {
        PER_COMMAND, PER_MESSAGE
    }

    /** R32, R39: what "the mod-sequence of every metadata item the STORE affects" is. */
    public enum ConflictDetection {
        /** Each flag carries its own mod-sequence (R8); ±FLAGS compare only the named flags (§3.1.12). */
        PER_FLAG,
        /** One mod-sequence per message; any change fails the STORE (spurious MODIFIED, R38). */
        PER_MESSAGE
    }

    /** R37: "UNCHANGEDSINCE 0 always fails if the metadata item exists". */
    public enum UnchangedSinceZero {
        /** Literal: fails when a named keyword is set, or a system flag is named (X08 tests presence). */
        FAILS_IF_ITEM_EXISTS,
        /** Every message has a mod-sequence of at least 1, so 0 always fails. */
        ALWAYS_FAILS
    }

    /** X14, R36: STORE naming a message another session expunged and this one was not told of. */
    public enum StoreOnExpunged {
        /** {@code NO [MODIFIED ...] Some of the messages no longer exist}, as Example 11 shows. */
        NO,
        /** OK: the vanished messages are skipped silently (RFC 2180 §4.2.3 allows both). */
        OK
    }

    /** RFC 3501 §7, R86, R96: when other sessions' changes are reported. */
    public enum UpdateDelivery {
        /** At the end of every command, where the RFC allows each kind of update. */
        EAGER,
        /**
         * Held back until NOOP, CHECK, IDLE or a command that expunges; HIGHESTMODSEQ codes then
         * stay below every held-back change (R96, X40).
         */
        ON_NOOP
    }

    /** R46, R64: the grammar has no 0 for CHANGEDSINCE or QRESYNC's mod-sequence. */
    public enum ZeroModSeqArgument {
        /** Tagged BAD, as the grammar requires. */
        REJECT,
        /** Lenient: read 0 as "since the beginning", which every message and expunge satisfies. */
        ACCEPT_AS_EVERYTHING
    }

    public ServerChoices {
        privateFlags = Set.copyOf(privateFlags);
        noModSeqMailboxes = Set.copyOf(noModSeqMailboxes);
        if (expungeHistoryBound < 0) {
            throw new IllegalArgumentException("expunge history bound must not be negative");
        }
    }

    /** The RFC's recommendation at every choice, and the strict reading where it makes none. */
    public static final ServerChoices RFC_DEFAULTS = new ServerChoices(true, ModSeqGranularity.PER_COMMAND,
            ConflictDetection.PER_FLAG, false, UnchangedSinceZero.FAILS_IF_ITEM_EXISTS, StoreOnExpunged.NO,
            Integer.MAX_VALUE, UpdateDelivery.EAGER, true, true, true, ZeroModSeqArgument.REJECT, Set.of(), Set.of());

    /**
     * At every choice, the permitted behaviour hardest on clients: no HIGHESTMODSEQ before an
     * enabling command, one mod-sequence per message,
     * spurious MODIFIED, no-op STOREs that still bump, a tiny expunge history (superset VANISHED),
     * updates held back until NOOP, no courtesy FETCH after a failed STORE, no UID for
     * CONDSTORE-only clients.
     */
    public static final ServerChoices HARDEST_ON_CLIENTS = new ServerChoices(false, ModSeqGranularity.PER_MESSAGE,
            ConflictDetection.PER_MESSAGE, true, UnchangedSinceZero.ALWAYS_FAILS, StoreOnExpunged.NO, 2,
            UpdateDelivery.ON_NOOP, false, false, false, ZeroModSeqArgument.REJECT, Set.of(), Set.of());

    /**
     * The mod-sequence for the next change a command makes (R2, R3, R7): the value the command
     * already took, under {@link ModSeqGranularity#PER_COMMAND}, or else the mailbox's next.
     *
     * @param commandModSeq the value this command took for its first change, or null
     */
    public ModSeq modSeqForChange(ModSeq commandModSeq, Mailbox mailbox) {
        return modSeqGranularity == ModSeqGranularity.PER_COMMAND && commandModSeq != null ? commandModSeq
                : mailbox.nextModSeq();
    }

    public ServerChoices withModSeqOnEverySelect(boolean value) {
        return new ServerChoices(value, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withModSeqGranularity(ModSeqGranularity value) {
        return new ServerChoices(modSeqOnEverySelect, value, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero, storeOnExpunged,
                expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withConflictDetection(ConflictDetection value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, value, noOpStoreBumpsModSeq, unchangedSinceZero, storeOnExpunged,
                expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withNoOpStoreBumpsModSeq(boolean value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, value, unchangedSinceZero, storeOnExpunged,
                expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withUnchangedSinceZero(UnchangedSinceZero value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, value, storeOnExpunged,
                expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withStoreOnExpunged(StoreOnExpunged value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero, value,
                expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withExpungeHistoryBound(int value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, value, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withUpdateDelivery(UpdateDelivery value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, value, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withFetchForFailedStore(boolean value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, value, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withUidInCondstoreFetch(boolean value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, fetchForFailedStore, value,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withHighestModSeqAfterExpunge(boolean value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch, value,
                zeroModSeqArgument, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withZeroModSeqArgument(ZeroModSeqArgument value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, value, privateFlags, noModSeqMailboxes);
    }

    public ServerChoices withPrivateFlags(Set<Flag> value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, value, noModSeqMailboxes);
    }

    public ServerChoices withNoModSeqMailboxes(Set<String> value) {
        return new ServerChoices(modSeqOnEverySelect, modSeqGranularity, conflictDetection, noOpStoreBumpsModSeq, unchangedSinceZero,
                storeOnExpunged, expungeHistoryBound, updateDelivery, fetchForFailedStore, uidInCondstoreFetch,
                highestModSeqAfterExpunge, zeroModSeqArgument, privateFlags, value);
    }
}
