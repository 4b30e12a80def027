/**
 * The mutable structures behind {@link org.modseq.reference.engine.StoreEngine}: one
 * {@link org.modseq.reference.store.MailboxStore} per mailbox, built from a
 * {@link org.modseq.reference.store.MessageTable} (message number and UID, O(log n) under
 * expunges), a {@link org.modseq.reference.store.ModSeqIndex} (messages changed after a
 * mod-sequence, O(log n + k)), an {@link org.modseq.reference.store.ExpungeLog} (VANISHED, bounded,
 * with a floor: R80, R100) and per-user {@link org.modseq.reference.store.PrivateFlags} (R8, R9),
 * and one {@link org.modseq.reference.store.SessionView} per selecting session, which records what
 * its client was told as a sync point plus exceptions. None of it is thread-safe: the engine
 * serialises access.
 */
package org.modseq.reference.store;
