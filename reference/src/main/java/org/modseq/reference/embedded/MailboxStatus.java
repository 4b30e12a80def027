package org.modseq.reference.embedded;

/**
 * A mailbox's numbers as {@code STATUS mailbox (MESSAGES UIDNEXT UIDVALIDITY HIGHESTMODSEQ)}
 * reports them (RFC 3501 §6.3.10, RFC 7162 §3.1.7).
 *
 * @param messages      how many messages it holds
 * @param uidNext       the UID the next message will get
 * @param uidValidity   changes only when the mailbox is recreated
 * @param highestModSeq the highest mod-sequence of the mailbox; 0 for a mailbox without
 *                      mod-sequences (NOMODSEQ, R57)
 */
public record MailboxStatus(long messages, long uidNext, long uidValidity, long highestModSeq) {
}
