package org.modseq.reference.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.reference.engine.ImapEngine;

/**
 * One mailbox of an {@link EmbeddedServer} as one user sees it, with fixtures that change it as
 * another client of that user would (APPEND, STORE, EXPUNGE) and inspection of what the server
 * holds (STATUS, FETCH). Every call is one short session of its own: log in, the commands, log
 * out. Messages are named by UID throughout.
 *
 * <p>Every change takes new mod-sequences as any client's would (RFC 7162 §3.1), and clients
 * that have the mailbox selected are told of it as of any other session's change.
 */
public final class UserMailbox {

    private final ImapEngine engine;
    private final String user;
    private final String password;
    private final String name;

    UserMailbox(ImapEngine engine, String user, String password, String name) {
        this.engine = engine;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** The user whose view this is. */
    public String user() {
        return user;
    }

    /** The mailbox's name. */
    public String name() {
        return name;
    }

    void create() {
        try (FixtureConnection c = open()) {
            c.send(new Command.Create(name));
        }
    }

    // ---- fixtures ----

    /**
     * Appends a message given as text, sent as its UTF-8 octets, with these flags (APPEND,
     * RFC 3501 §6.3.11). RFC 5322 wants CRLF line ends; the server stores what it is given.
     *
     * @return the new message's UID (APPENDUID, RFC 4315)
     * @throws IllegalStateException when the server refuses it, e.g. the mailbox does not exist
     */
    public long append(String message, Flag... flags) {
        return append(message.getBytes(StandardCharsets.UTF_8), Set.copyOf(List.of(flags)));
    }

    /**
     * Appends a message given as octets, with these flags.
     *
     * @return the new message's UID (APPENDUID, RFC 4315)
     * @throws IllegalStateException when the server refuses it
     */
    public long append(byte[] octets, Set<Flag> flags) {
        // Wire text holds one char per octet (ImapString): ISO-8859-1 maps each byte to one char.
        Command.Append append = new Command.Append(name, flags, new String(octets, StandardCharsets.ISO_8859_1));
        try (FixtureConnection c = open()) {
            List<Response> responses = c.send(append);
            if (responses.getLast() instanceof Response.Status status
                    && status.code().orElse(null) instanceof ResponseCode.AppendUid appendUid) {
                return appendUid.uid().value();
            }
            throw new IllegalStateException("APPEND gave no APPENDUID: " + responses.getLast().toWire());
        }
    }

    /** Adds flags to the messages with these UIDs ({@code UID STORE +FLAGS}). */
    public void addFlags(Set<Flag> flags, long... uids) {
        store(StoreAction.ADD, flags, uids);
    }

    /** Removes flags from the messages with these UIDs ({@code UID STORE -FLAGS}). */
    public void removeFlags(Set<Flag> flags, long... uids) {
        store(StoreAction.REMOVE, flags, uids);
    }

    /** Makes these the flags of the messages with these UIDs ({@code UID STORE FLAGS}). */
    public void replaceFlags(Set<Flag> flags, long... uids) {
        store(StoreAction.REPLACE, flags, uids);
    }

    /**
     * Expunges the messages with these UIDs and no others: {@code \Deleted} on them, then
     * {@code UID EXPUNGE} of them (RFC 4315, R94). Messages already marked {@code \Deleted} stay.
     *
     * @throws IllegalArgumentException when a UID names no message of the mailbox; nothing changes
     */
    public void expunge(long... uids) {
        SequenceSet set = uidSet(uids);
        try (FixtureConnection c = selected(uids)) {
            c.send(new Command.Store(true, set, Optional.empty(), StoreAction.ADD, true, Set.of(Flag.DELETED)));
            c.send(new Command.UidExpunge(set));
        }
    }

    /** @throws IllegalArgumentException when a UID names no message of the mailbox; nothing changes */
    private void store(StoreAction action, Set<Flag> flags, long[] uids) {
        Objects.requireNonNull(flags, "flags");
        SequenceSet set = uidSet(uids);
        try (FixtureConnection c = selected(uids)) {
            c.send(new Command.Store(true, set, Optional.empty(), action, true, flags));
        }
    }

    /** A session with the mailbox selected read-write, once every UID is known to name a message. */
    private FixtureConnection selected(long[] uids) {
        FixtureConnection c = open();
        try {
            c.send(new Command.Select(name, false, Optional.empty()));
            Set<Long> found = new TreeSet<>();
            for (Response r : c.send(new Command.Fetch(true, uidSet(uids), List.of(FetchItem.UID), Optional.empty(),
                    false))) {
                if (r instanceof Response.Fetch fetch) {
                    fetch.attribute(FetchAttribute.UidAttribute.class).ifPresent(u -> found.add(u.uid().value()));
                }
            }
            for (long uid : uids) {
                if (!found.contains(uid)) {
                    throw new IllegalArgumentException("no message with UID " + uid + " in " + name + " of " + user);
                }
            }
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    // ---- inspection ----

    /** MESSAGES, UIDNEXT, UIDVALIDITY and HIGHESTMODSEQ, from one STATUS command. */
    public MailboxStatus status() {
        try (FixtureConnection c = open()) {
            Map<String, Long> values = new HashMap<>();
            for (Response r : c.send(new Command.Status(name, List.of(StatusItem.MESSAGES, StatusItem.UIDNEXT,
                    StatusItem.UIDVALIDITY, StatusItem.HIGHESTMODSEQ)))) {
                if (r instanceof Response.StatusData data) {
                    data.items().forEach(item -> values.put(item.name(), item.value()));
                }
            }
            return new MailboxStatus(values.get("MESSAGES"), values.get("UIDNEXT"), values.get("UIDVALIDITY"),
                    values.get("HIGHESTMODSEQ"));
        }
    }

    /** The mailbox's HIGHESTMODSEQ (RFC 7162 §3.1.2.1); 0 for a mailbox without mod-sequences (R57). */
    public long highestModSeq() {
        return status().highestModSeq();
    }

    /** The mailbox's UIDVALIDITY (RFC 3501 §2.3.1.1). */
    public long uidValidity() {
        return status().uidValidity();
    }

    /** The UID the next message will get (RFC 3501 §2.3.1.1). */
    public long uidNext() {
        return status().uidNext();
    }

    /**
     * The message with this UID: its flags and mod-sequence for this mailbox's user.
     *
     * @throws NoSuchElementException when no message has that UID (it never existed or was expunged)
     */
    public MessageState message(long uid) {
        List<MessageState> found = fetch(uidSet(new long[] {uid}));
        if (found.isEmpty()) {
            throw new NoSuchElementException("no message with UID " + uid + " in " + name + " of " + user);
        }
        return found.getFirst();
    }

    /** Every message, ascending by UID. */
    public List<MessageState> messages() {
        return fetch(SequenceSet.parse("1:*"));
    }

    /** {@code UID FETCH (FLAGS MODSEQ)} in a read-only session (EXAMINE sets no flag, RFC 3501 §6.3.2). */
    private List<MessageState> fetch(SequenceSet uids) {
        try (FixtureConnection c = open()) {
            boolean noModSeq = c.send(new Command.Select(name, true, Optional.of(new SelectParameter.Condstore())))
                    .stream().anyMatch(r -> r instanceof Response.Status s
                            && s.code().orElse(null) instanceof ResponseCode.NoModSeq);
            // R30: MODSEQ may not be fetched once the server said NOMODSEQ.
            List<FetchItem> items = noModSeq ? List.of(FetchItem.FLAGS) : List.of(FetchItem.FLAGS, FetchItem.MODSEQ);
            List<MessageState> messages = new ArrayList<>();
            for (Response r : c.send(new Command.Fetch(true, uids, items, Optional.empty(), false))) {
                if (r instanceof Response.Fetch fetch) {
                    messages.add(new MessageState(
                            fetch.attribute(FetchAttribute.UidAttribute.class).orElseThrow().uid().value(),
                            fetch.attribute(FetchAttribute.Flags.class).orElseThrow().flags(),
                            fetch.attribute(FetchAttribute.ModSeqAttribute.class).map(m -> m.modSeq().value())
                                    .orElse(0L)));
                }
            }
            messages.sort((a, b) -> Long.compare(a.uid(), b.uid()));
            return messages;
        }
    }

    private FixtureConnection open() {
        return FixtureConnection.open(engine, user, password);
    }

    private static SequenceSet uidSet(long[] uids) {
        if (uids.length == 0) {
            throw new IllegalArgumentException("name at least one UID");
        }
        for (long uid : uids) {
            if (uid < 1 || uid > NumberSet.MAX_NUMBER) {
                throw new IllegalArgumentException("not a UID: " + uid + " (UIDs are 1 to 4294967295)");
            }
        }
        return SequenceSet.of(NumberSet.of(uids));
    }
}
