/**
 * IMAP wire syntax: string forms (RFC 3501 §4.3) and the command parser (RFC 3501 §9, RFC 4466,
 * RFC 7162 §7). Keywords are case-insensitive (R108).
 */
package org.modseq.model.wire;
