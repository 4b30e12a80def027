/**
 * What each connection's client was told. RFC 7162's promises are about what a client learns
 * and when (§3.1, §3.2.10, §6): a session records whether it is CONDSTORE-aware and
 * QRESYNC-enabled, its message-number to UID map, and the flags and mod-sequence it last saw of
 * each message. Updates it is owed are the difference between that record and the mailbox.
 */
package org.modseq.model.session;
