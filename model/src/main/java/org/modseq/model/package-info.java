/**
 * The executable specification of IMAP CONDSTORE and QRESYNC (RFC 7162).
 */
package org.modseq.model;
