package org.modseq.model.command;

/** STATUS items (RFC 3501 §6.3.10, RFC 7162 §3.1.7). */
public enum StatusItem {
    MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN,
    /** R57: the SELECT value, or 0 without persistent mod-sequences; a CONDSTORE enabling item (R15). */
    HIGHESTMODSEQ
}
