package org.modseq.model.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.modseq.model.mailbox.ExpungeHistory;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.FlagState;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.Message;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.set.NumberSet;

/**
 * Builds a mailbox in a given state, with the exact UIDs and mod-sequences an RFC example
 * shows, as if its history had happened. Every flag of a message dates from the message's
 * mod-sequence unless {@link #flagChanged} says otherwise.
 */
public final class MailboxFixture {

    private final String name;
    private long uidValidity = 1;
    private long uidNext = 0;
    private long highestModSeq = 0;
    private boolean persistent = true;
    private int historyBound = Integer.MAX_VALUE;
    private final TreeMap<Long, Message> messages = new TreeMap<>();
    private final TreeMap<Long, List<Long>> expunges = new TreeMap<>();
    private long floor = 0;

    private MailboxFixture(String name) {
        this.name = name;
    }

    public static MailboxFixture mailbox(String name) {
        return new MailboxFixture(name);
    }

    public MailboxFixture uidValidity(long value) {
        uidValidity = value;
        return this;
    }

    public MailboxFixture uidNext(long value) {
        uidNext = value;
        return this;
    }

    public MailboxFixture highestModSeq(long value) {
        highestModSeq = value;
        return this;
    }

    public MailboxFixture noModSeq() {
        persistent = false;
        return this;
    }

    public MailboxFixture historyBound(int bound) {
        historyBound = bound;
        return this;
    }

    /** A message with shared flags, all dating from {@code modSeq}. */
    public MailboxFixture message(long uid, long modSeq, String... flags) {
        messages.put(uid, new Message(Uid.of(uid), ModSeq.of(modSeq), new FlagState(flags(flags), Map.of()), Map.of(),
                "Message " + uid, InternalDate.EPOCH));
        return this;
    }

    /** Messages {@code from..to} with {@code modSeq} and no flags. */
    public MailboxFixture messages(long from, long to, long modSeq) {
        for (long uid = from; uid <= to; uid++) {
            message(uid, modSeq);
        }
        return this;
    }

    /** Records that {@code flag} of message {@code uid} last changed state at {@code modSeq}. */
    public MailboxFixture flagChanged(long uid, String flag, long modSeq) {
        Message m = messages.get(uid);
        Map<Flag, ModSeq> stamps = new HashMap<>(m.shared().changedAt());
        stamps.put(Flag.of(flag), ModSeq.of(modSeq));
        messages.put(uid, new Message(m.uid(), m.added(), new FlagState(m.shared().flags(), stamps), m.privateFlags(),
                m.content(), m.internalDate()));
        return this;
    }

    /** Private flags of {@code user} on message {@code uid}, changed at {@code modSeq}. */
    public MailboxFixture privateFlags(long uid, String user, long modSeq, String... flags) {
        Message m = messages.get(uid);
        Map<Flag, ModSeq> stamps = new HashMap<>();
        for (Flag f : flags(flags)) {
            stamps.put(f, ModSeq.of(modSeq));
        }
        Map<String, FlagState> priv = new HashMap<>(m.privateFlags());
        priv.put(user, new FlagState(flags(flags), stamps));
        messages.put(uid, new Message(m.uid(), m.added(), m.shared(), priv, m.content(), m.internalDate()));
        return this;
    }

    /** Records that the given UIDs were expunged at {@code modSeq}. */
    public MailboxFixture expunged(long modSeq, long... uids) {
        expunges.computeIfAbsent(modSeq, k -> new ArrayList<>()).addAll(Arrays.stream(uids).boxed().toList());
        return this;
    }

    /** Records that every expunge at or below {@code modSeq} has been forgotten (RFC 7162 §5.3). */
    public MailboxFixture forgottenUpTo(long modSeq) {
        floor = modSeq;
        return this;
    }

    private static Set<Flag> flags(String... names) {
        return Arrays.stream(names).map(Flag::of).collect(Collectors.toSet());
    }

    public Mailbox build() {
        List<ExpungeHistory.Expunged> entries = new ArrayList<>();
        expunges.forEach((modSeq, uids) -> uids.stream().sorted()
                .forEach(uid -> entries.add(new ExpungeHistory.Expunged(Uid.of(uid), ModSeq.of(modSeq)))));
        ExpungeHistory history = new ExpungeHistory(entries, ModSeq.of(floor), historyBound);
        long highest = highestModSeq;
        for (Message m : messages.values()) {
            highest = Math.max(highest, m.highestModSeq().value());
        }
        highest = Math.max(Math.max(highest, history.lastExpunge().value()), 1);
        long next = uidNext;
        if (next == 0) {
            long maxUid = Math.max(messages.isEmpty() ? 0 : messages.lastKey(),
                    entries.stream().mapToLong(e -> e.uid().value()).max().orElse(0));
            next = maxUid + 1;
        }
        return new Mailbox(name, UidValidity.of(uidValidity), next, ModSeq.of(highest), persistent,
                List.copyOf(messages.values()), history);
    }

    /** The live UIDs, for assertions. */
    public NumberSet liveUids() {
        return NumberSet.of(messages.keySet());
    }
}
