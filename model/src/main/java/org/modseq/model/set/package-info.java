/**
 * Sets of message numbers and UIDs: {@link org.modseq.model.set.SequenceSet} as the client
 * writes it, with {@code *}; {@link org.modseq.model.set.NumberSet} as the server computes it,
 * rendered canonically and never empty on the wire (RFC 7162 §7: VANISHED, MODIFIED).
 */
package org.modseq.model.set;
