/**
 * The conformance checker: Modseq's judge pointed at any IMAP server.
 *
 * <p>{@link org.modseq.properties.check.Checker#run} takes a {@link
 * org.modseq.properties.check.CheckTarget} (sessions over TCP or in process, one or two accounts,
 * whether they share mailboxes) and {@link org.modseq.properties.check.CheckOptions} (tries,
 * steps, seed), runs random multi-connection scenarios with the property engine, judges every
 * answer incrementally with {@link org.modseq.model.judge.Judge}, and returns a {@link
 * org.modseq.properties.check.CheckReport}: conforms, or the first {@link
 * org.modseq.properties.check.Finding} (a violation, a hang, a lost connection) with the shrunk
 * scenario's transcript and the seed that replays it. {@link
 * org.modseq.properties.check.CheckCommand} is its command line, {@code modseq-check}
 * ({@code properties/target/modseq-check.jar}); {@link org.modseq.properties.check.JsonReport}
 * and {@link org.modseq.properties.check.JunitReport} write its reports for CI systems.
 */
package org.modseq.properties.check;
