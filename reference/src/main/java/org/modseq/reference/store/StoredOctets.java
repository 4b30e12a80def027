package org.modseq.reference.store;

/**
 * A message's octets kept in a file rather than on the heap: the store holds where they are and
 * reads them each time a FETCH asks for content, so that a mailbox costs memory by its number of
 * messages, not by their size. Implementations are immutable and safe to read from any thread.
 */
public interface StoredOctets {

    /** The number of octets (RFC822.SIZE), known without reading them. */
    int size();

    /** The octets, read now. */
    byte[] read();
}
