package org.modseq.model.judge;

import java.util.Set;
import org.modseq.model.mailbox.Flag;

/**
 * What the judge is told about how the server under test is set up, because no exchange shows
 * it: whether users share one set of mailboxes, and which flags such shared mailboxes keep per
 * user (R8, R9; {@link org.modseq.model.server.ServerChoices#privateFlags()}).
 *
 * <p>Every account is assumed to start with an empty INBOX; other mailboxes are known once the
 * history creates them.
 *
 * @param sharedMailboxes true when every user sees the same mailboxes (as the reference server
 *     does), false when each user has mailboxes of their own (most servers)
 * @param privateFlags flags kept per user in shared mailboxes
 */
public record ServerSetup(boolean sharedMailboxes, Set<Flag> privateFlags) {

    /** Each user has mailboxes of their own. */
    public static final ServerSetup PER_USER_MAILBOXES = new ServerSetup(false, Set.of());

    public ServerSetup {
        privateFlags = Set.copyOf(privateFlags);
    }

    /** One set of mailboxes for all users, with the given flags kept per user. */
    public static ServerSetup shared(Set<Flag> privateFlags) {
        return new ServerSetup(true, privateFlags);
    }
}
