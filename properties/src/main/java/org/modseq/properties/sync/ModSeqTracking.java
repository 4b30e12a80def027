package org.modseq.properties.sync;

/** How a client moves its cached HIGHESTMODSEQ while connected. */
public enum ModSeqTracking {
    /**
     * RFC 7162 §6 (R102): at each tagged response, the HIGHESTMODSEQ response code received since
     * the previous one, even when lower than MODSEQs seen; else the highest MODSEQ received since,
     * when above the cached value.
     */
    SECTION_6,
    /**
     * What §6 calls unsafe: each MODSEQ as it arrives, and a HIGHESTMODSEQ code only when it is
     * higher. Against a server that holds changes back (X40) such a client misses them; it exists
     * to show that the convergence property tells the two apart.
     */
    AS_FETCHES_ARRIVE
}
