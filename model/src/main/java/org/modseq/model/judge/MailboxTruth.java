package org.modseq.model.judge;

import java.util.TreeMap;

/**
 * What the judge knows of one mailbox: everything in it, since the checker is its only client.
 * Mutable; copied per event.
 */
final class MailboxTruth {

    /** A HIGHESTMODSEQ the server reported as the mailbox's highest (SELECT, STATUS), and how many changes it covered. */
    record Highest(long value, int changes, int event, Rule rule) {
    }

    final String name;
    /** 0 until known. */
    long uidValidity;
    /** The UIDVALIDITY of an earlier mailbox of the same name, which a new one must exceed (RFC 3501 §2.3.1.1). */
    long previousUidValidity;
    /** False when messages may exist that the judge does not know (then it judges the mailbox's content no further). */
    boolean complete;
    /** Null until the server shows whether the mailbox keeps mod-sequences (R14, R24). */
    Boolean noModSeq;
    final TreeMap<Long, LiveMessage> live;
    /** Expunged UIDs and the variable of their expunge. */
    final TreeMap<Long, Integer> expunged;
    /** The highest UID known to have been assigned. */
    long highestUid;
    /** The last UIDNEXT reported, and whether a message arrived since (RFC 3501 §2.3.1.1). */
    long uidNextReported;
    boolean arrivedSinceUidNext;
    final ModSeqTimeline modSeqs;
    Highest lastHighest;
    /**
     * Created only by a CREATE with a trailing hierarchy delimiter, which a server that does not
     * need the declaration ignores (RFC 3501 §6.3.3), and shown to exist by no command since: a
     * plain CREATE of the name may still succeed.
     */
    boolean declaredOnly;

    MailboxTruth(String name, boolean complete) {
        this.name = name;
        this.complete = complete;
        this.live = new TreeMap<>();
        this.expunged = new TreeMap<>();
        this.modSeqs = new ModSeqTimeline();
    }

    private MailboxTruth(MailboxTruth other) {
        this.name = other.name;
        this.uidValidity = other.uidValidity;
        this.previousUidValidity = other.previousUidValidity;
        this.complete = other.complete;
        this.noModSeq = other.noModSeq;
        this.live = new TreeMap<>(other.live);
        this.expunged = new TreeMap<>(other.expunged);
        this.highestUid = other.highestUid;
        this.uidNextReported = other.uidNextReported;
        this.arrivedSinceUidNext = other.arrivedSinceUidNext;
        this.modSeqs = other.modSeqs.copy();
        this.lastHighest = other.lastHighest;
        this.declaredOnly = other.declaredOnly;
    }

    MailboxTruth copy() {
        return new MailboxTruth(this);
    }

    boolean hasModSeqs() {
        return !Boolean.TRUE.equals(noModSeq);
    }

    /** The least UIDNEXT can be: above every UID assigned, and at least what was reported. */
    long uidNextAtLeast() {
        return Math.max(highestUid + 1, uidNextReported);
    }

    void add(LiveMessage message) {
        live.put(message.uid(), message);
        highestUid = Math.max(highestUid, message.uid());
        arrivedSinceUidNext = true;
    }

    void expunge(long uid, int var) {
        live.remove(uid);
        expunged.put(uid, var);
    }
}
