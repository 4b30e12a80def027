package org.modseq.reference.engine;

/** How a {@link StoreEngine} divides its mailboxes among users. */
public enum NamespaceMode {
    /**
     * One namespace for all users, as the model has: every account sees the same INBOX and
     * mailboxes, and users can share a mailbox as RFC 7162's Example 14 does. The differential
     * test runs the store in this mode against the model.
     */
    SHARED,
    /**
     * A namespace per account: each user has an INBOX and mailboxes of their own, and no mailbox
     * name of one user can reach another user's mailboxes.
     */
    PER_USER
}
