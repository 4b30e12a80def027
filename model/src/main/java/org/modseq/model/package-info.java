/**
 * The executable specification of IMAP CONDSTORE and QRESYNC (RFC 7162): a pure, immutable
 * model of an IMAP server's mailboxes, sessions and mod-sequence transitions.
 *
 * <h2>How to read it next to the RFC</h2>
 * <ul>
 * <li>Values first: {@link org.modseq.model.mailbox.ModSeq} (§3.1, R1),
 * {@link org.modseq.model.mailbox.Uid}, {@link org.modseq.model.mailbox.Message} (per-flag
 * mod-sequences, private flags: R8, R9), {@link org.modseq.model.mailbox.ExpungeHistory} (§5.3,
 * R80, R100) and {@link org.modseq.model.mailbox.Mailbox}.</li>
 * <li>What a client was told: {@link org.modseq.model.session.Session} (CONDSTORE-aware, QRESYNC
 * enabled) and {@link org.modseq.model.session.SelectedMailbox} (its message numbers and what it
 * knows of each message).</li>
 * <li>The transition function: {@link org.modseq.model.server.Server#execute}, from a
 * {@link org.modseq.model.server.ServerState}, a session, a tag and a
 * {@link org.modseq.model.command.Command} to the next state and the
 * {@link org.modseq.model.response.Response}s. One rules class per part of the RFC:
 * SELECT/EXAMINE and QRESYNC (§3.1.2, §3.1.8, §3.2.5), STORE (§3.1.3), FETCH and VANISHED
 * (§3.1.4, §3.2.6), SEARCH (§3.1.5, §3.1.10), EXPUNGE (§3.2.7-§3.2.9), and what other sessions
 * are told and when (§3.1, §3.2.4, §3.2.10; R96).</li>
 * <li>The server's freedoms: {@link org.modseq.model.server.ServerChoices}, one named field per
 * choice the RFC leaves open, with the RFC's recommendations as
 * {@link org.modseq.model.server.ServerChoices#RFC_DEFAULTS}.</li>
 * <li>Invariants as code: {@link org.modseq.model.server.Invariants}, checked after every step
 * of every test history.</li>
 * <li>The RFC's rules and examples by ID: {@link org.modseq.model.rfc.Requirement} (R1-R110) and
 * {@link org.modseq.model.rfc.Example} (X01-X41); tests cite them.</li>
 * </ul>
 *
 * <p>The model has no I/O, no mutation and no threads: every method returns new values, so a
 * test, a checker or a benchmark can keep any state and branch from it.
 */
package org.modseq.model;
