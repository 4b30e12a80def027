/**
 * IMAP wire syntax: string forms (RFC 3501 §4.3), the command parser (RFC 3501 §9, RFC 4466,
 * RFC 7162 §7) and the response parser that checks what a server sends against the same grammar
 * ({@link org.modseq.model.wire.ResponseParser}). Keywords are case-insensitive (R108).
 */
package org.modseq.model.wire;
