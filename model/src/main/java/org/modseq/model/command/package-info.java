/**
 * IMAP commands as values, each with its wire text: the RFC 7162 additions are the SELECT
 * parameters CONDSTORE and QRESYNC (§3.1.8, §3.2.5), the FETCH modifiers CHANGEDSINCE and
 * VANISHED (§3.1.4.1, §3.2.6), the MODSEQ fetch item (§3.1.4.2), the STORE modifier
 * UNCHANGEDSINCE (§3.1.3), the MODSEQ search key (§3.1.5) and the STATUS item HIGHESTMODSEQ
 * (§3.1.7).
 */
package org.modseq.model.command;
