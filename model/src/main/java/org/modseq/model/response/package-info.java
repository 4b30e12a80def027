/**
 * Server responses as values with one canonical wire rendering: the RFC 7162 additions are the
 * response codes HIGHESTMODSEQ, NOMODSEQ, MODIFIED and CLOSED, the MODSEQ fetch attribute, the
 * {@code (MODSEQ n)} of SEARCH and ESEARCH, and VANISHED (§7). Status responses always carry
 * text after their code (erratum 5055).
 */
package org.modseq.model.response;
