package org.modseq.properties.sync;

/**
 * How the client resynchronises its mailbox when it (re)connects: RFC 7162 §6 says a client
 * SHOULD use QRESYNC when the server offers it and CONDSTORE otherwise (R102). When the cache
 * has no UIDVALIDITY or HIGHESTMODSEQ to start from, either plan becomes a full synchronisation.
 */
public sealed interface ResyncPlan {

    /** What the client sends as QRESYNC's known-uids (R64, R70). */
    enum KnownUids {
        /** Left out: the server reports on {@code 1:<UIDNEXT-1>} (R70). */
        OMITTED,
        /** Exactly the cached UIDs. */
        EXACT,
        /** {@code 1:<highest cached UID>}: a range with holes where the client knows of expunges. */
        RANGE
    }

    /**
     * {@code ENABLE QRESYNC} (R62), then {@code SELECT mailbox (QRESYNC (uidvalidity modseq
     * [known-uids] [seq-match-data]))} (R64, X41), then {@code UID FETCH <knownBelow>:* (FLAGS)}
     * to discover new messages (§6 step 2).
     *
     * @param knownUids the known-uids the client sends
     * @param seqMatchPairs how many (message number, UID) pairs of sequence match data to send,
     *     taken evenly from the part of the cache the client knows completely (R72, R73); 0 for none
     */
    record Qresync(KnownUids knownUids, int seqMatchPairs) implements ResyncPlan {
        public Qresync {
            if (seqMatchPairs < 0) {
                throw new IllegalArgumentException("seqMatchPairs must not be negative");
            }
        }
    }

    /** How a CONDSTORE-only client finds the messages expunged while it was away (X30). */
    enum ExpungeFinder {
        /** {@code UID SEARCH ALL}: every UID that is still there. */
        UID_SEARCH,
        /** {@code UID FETCH 1:* (UID)}: every UID that is still there, with its message number. */
        UID_FETCH
    }

    /**
     * {@code SELECT mailbox (CONDSTORE)}, the expunges by {@code finder}, the flag changes by
     * {@code [UID] FETCH 1:* (FLAGS) (CHANGEDSINCE <cached HIGHESTMODSEQ>)} (R28, R45, X16, X30),
     * then {@code UID FETCH <knownBelow>:* (FLAGS)} for new messages.
     *
     * @param finder how the expunges are found
     * @param uidFetch whether the CHANGEDSINCE FETCH is a UID FETCH or a FETCH by message number
     */
    record Condstore(ExpungeFinder finder, boolean uidFetch) implements ResyncPlan {
    }
}
