/**
 * What a server stores: mod-sequences (RFC 7162 §3.1, R1), UIDs, flags as metadata items (§2,
 * R9) with one mod-sequence per flag (R8), messages, mailboxes with their HIGHESTMODSEQ (R25,
 * R31), and the expunge history with its floor (§5.3, R80, R100).
 */
package org.modseq.model.mailbox;
