package org.modseq.properties.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The mailbox names a random history uses. The properties run on fresh servers and use INBOX
 * and {@code Archive} ({@link #DEFAULT}); the conformance checker runs on real accounts, whose
 * INBOX holds mail the judge cannot know and whose other mailboxes are none of its business, so
 * it uses names under a prefix of its own ({@link #underPrefix}), which it creates first and
 * deletes afterwards.
 *
 * @param first the mailbox every history starts with: INBOX, or one the history creates first
 * @param archive a second mailbox the history creates first and then deletes, recreates and
 *     renames now and then
 * @param attic what {@code archive} is renamed to and back from
 * @param sublevel a mailbox one level below {@code archive} ({@code Archive/2024}), which RENAME
 *     of the archive takes along (RFC 3501 §6.3.5); empty where the server's hierarchy delimiter
 *     is not {@code /}, the only one the judge knows
 */
public record MailboxNames(String first, String archive, String attic, Optional<String> sublevel) {

    /** INBOX, {@code Archive}, {@code Attic} and {@code Archive/2024}: the properties' names. */
    public static final MailboxNames DEFAULT = new MailboxNames("INBOX", "Archive", "Attic",
            Optional.of("Archive/2024"));

    public MailboxNames {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(attic, "attic");
        Objects.requireNonNull(sublevel, "sublevel");
        if (List.of(archive, attic).stream().anyMatch(MailboxNames::isInbox)) {
            throw new IllegalArgumentException("only the first mailbox may be INBOX");
        }
        if (sublevel.isPresent() && !sublevel.get().startsWith(archive + "/")) {
            throw new IllegalArgumentException("the sublevel " + sublevel.get() + " is not below " + archive);
        }
    }

    /**
     * {@code PREFIX-first}, {@code PREFIX-archive}, {@code PREFIX-attic} and, when
     * {@code hierarchy}, {@code PREFIX-archive/2024}: none of them INBOX, all matched by the
     * LIST pattern {@code PREFIX*}.
     */
    public static MailboxNames underPrefix(String prefix, boolean hierarchy) {
        String archive = prefix + "-archive";
        return new MailboxNames(prefix + "-first", archive, prefix + "-attic",
                hierarchy ? Optional.of(archive + "/2024") : Optional.empty());
    }

    /** Whether histories may name INBOX: only when it is the first mailbox. */
    public boolean usesInbox() {
        return isInbox(first);
    }

    /** The mailboxes a history creates before its first step: none when it starts from INBOX. */
    public List<String> created() {
        return usesInbox() ? List.of(archive) : List.of(first, archive);
    }

    /** Whether {@code name} is INBOX, which is case-insensitive (RFC 3501 §5.1). */
    static boolean isInbox(String name) {
        return name.equalsIgnoreCase("INBOX");
    }
}
