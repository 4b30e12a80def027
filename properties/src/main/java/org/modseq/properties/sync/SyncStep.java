package org.modseq.properties.sync;

/** One step of a convergence history: the client acts, or another session changes the mailbox. */
public sealed interface SyncStep {

    /** The client, away, connects and resynchronises. */
    record Resync(ResyncPlan plan, ConnectionLoss loss) implements SyncStep {
    }

    /** The client, synchronised, does one thing. */
    record Act(ClientAction action, ConnectionLoss loss) implements SyncStep {
    }

    /** The client's connection breaks between commands. */
    record HangUp() implements SyncStep {
    }

    /** Session {@code session} changes the mailbox. */
    record Change(String session, MailboxChange change) implements SyncStep {
    }
}
