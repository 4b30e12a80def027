package org.modseq.properties.sync;

import java.util.Map;
import java.util.TreeMap;

/**
 * How often each situation the convergence property means to reach was reached: each kind of
 * resynchronisation, connection losses mid-command, UIDVALIDITY changes, each ground on which
 * the client cached a HIGHESTMODSEQ. A property that passes without reaching them proves little,
 * so the tests read these counts.
 */
public final class SyncCoverage {

    public static final String FULL_SYNC = "full synchronisation";
    public static final String QRESYNC_KNOWN_UIDS_OMITTED = "QRESYNC without known-uids";
    public static final String QRESYNC_KNOWN_UIDS_EXACT = "QRESYNC with the cached UIDs as known-uids";
    public static final String QRESYNC_KNOWN_UIDS_RANGE = "QRESYNC with 1:<highest cached UID> as known-uids";
    public static final String QRESYNC_SEQ_MATCH = "QRESYNC with seq-match-data";
    public static final String QRESYNC_VANISHED = "QRESYNC answered with VANISHED (EARLIER)";
    public static final String CONDSTORE_UID_SEARCH = "CONDSTORE resync finding expunges by UID SEARCH";
    public static final String CONDSTORE_UID_FETCH = "CONDSTORE resync finding expunges by UID FETCH";
    public static final String CONDSTORE_BY_NUMBER = "CONDSTORE resync with FETCH 1:* (CHANGEDSINCE)";
    public static final String LOST_MID_RESYNC = "connection lost during a resynchronisation";
    public static final String LOST_MID_COMMAND = "connection lost between responses of one command";
    public static final String LOST_BETWEEN_COMMANDS = "connection lost between commands";
    public static final String UIDVALIDITY_CHANGED = "UIDVALIDITY changed";
    public static final String CACHED_FROM_CODE = "HIGHESTMODSEQ cached from a HIGHESTMODSEQ response code";
    public static final String CACHED_FROM_LOWER_CODE =
            "HIGHESTMODSEQ cached from a response code below a MODSEQ of the same command (X40)";
    public static final String CACHED_FROM_FETCH = "HIGHESTMODSEQ cached from the highest FETCH MODSEQ";
    public static final String CHECKED = "cache compared with the server after a resynchronisation";

    private final Map<String, Long> counts = new TreeMap<>();

    public void record(String event) {
        counts.merge(event, 1L, Long::sum);
    }

    public long count(String event) {
        return counts.getOrDefault(event, 0L);
    }

    /** Every count so far, by event name. */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        counts.forEach((event, n) -> out.append("\n  ").append(n).append(" x ").append(event));
        return out.toString();
    }
}
