package org.modseq.properties.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.properties.history.HistoryStep;

/**
 * What one client of the load does next, drawn from the model's state of its account so that it
 * makes sense (message numbers within the client's view, mod-sequences near the mailbox's): the
 * work of a syncing client. It enables QRESYNC (three clients in four; the others stay with
 * CONDSTORE), selects or examines a mailbox with QRESYNC and what it remembers of it (R66-R74) or
 * with CONDSTORE, fetches what changed (CHANGEDSINCE, R45; with VANISHED, R75-R80), stores flags
 * with and without UNCHANGEDSINCE (R32-R44), appends, expunges (EXPUNGE, UID EXPUNGE), polls with
 * NOOP, asks STATUS HIGHESTMODSEQ of the other mailbox (R57), and now and then loses its
 * connection and logs in again. A mailbox that fills up gets more deletions, so mailboxes stay
 * small and the run measures the server, not the size of its mailboxes.
 */
final class Workload {

    /** Every account's mailboxes: INBOX and one the account creates first. */
    static final List<String> MAILBOXES = List.of("INBOX", "Work");
    static final int RECONNECT_ONE_IN = 500;
    /** Above this many messages a mailbox is pruned more than it grows. */
    private static final int FULL = 30;
    private static final List<Flag> FLAGS = List.of(Flag.SEEN, Flag.FLAGGED, Flag.ANSWERED, Flag.DELETED,
            Flag.of("$Label"));
    private static final List<Flag> APPENDED_FLAGS = List.of(Flag.SEEN, Flag.FLAGGED, Flag.of("$Label"));

    /** What a client remembers of a mailbox it left: the mailbox's HIGHESTMODSEQ then, and the UIDs it had. */
    private record Cache(ModSeq highestModSeq, List<Uid> uids) {
    }

    private final Random random;
    private final boolean qresyncClient;
    private final Map<String, Cache> caches = new HashMap<>();
    private int appended;

    Workload(Random random) {
        this.random = random;
        this.qresyncClient = random.nextInt(4) != 0;
    }

    /**
     * The next step of session {@code id}, whose state is {@code session} in the model's
     * {@code state}; {@code uidValidities} holds the UIDVALIDITY the server gave each mailbox,
     * which a QRESYNC parameter must name (the model numbers its own).
     */
    HistoryStep next(String id, ServerState state, Session session, Map<String, Long> uidValidities) {
        if (random.nextInt(RECONNECT_ONE_IN) == 0) {
            remember(state, session);
            return new HistoryStep.Reconnect(id);
        }
        Command command = session.selected().isEmpty() ? unselected(state, session, uidValidities)
                : selected(state, session, uidValidities);
        return new HistoryStep.Send(id, command);
    }

    private Command unselected(ServerState state, Session session, Map<String, Long> uidValidities) {
        if (qresyncClient && !session.qresync()) {
            return new Command.Enable(List.of("QRESYNC"));
        }
        if (random.nextInt(6) == 0) {
            return status(pick(MAILBOXES));
        }
        return select(state, session, pick(MAILBOXES), uidValidities);
    }

    private Command selected(ServerState state, Session session, Map<String, Long> uidValidities) {
        SelectedMailbox view = session.mailbox();
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        boolean some = view.exists() > 0;
        boolean full = mailbox.size() >= FULL;
        boolean writable = !view.readOnly();
        int[] weights = {
            some ? 14 : 0, // FETCH (CHANGEDSINCE)
            12, // UID FETCH (CHANGEDSINCE [VANISHED])
            some ? writable ? 16 : 1 : 0, // STORE, with and without UNCHANGEDSINCE
            full ? 1 : 8, // APPEND
            writable ? full ? 6 : 2 : 0, // EXPUNGE
            some && writable ? full ? 4 : 2 : 0, // UID EXPUNGE
            6, // NOOP
            3, // STATUS of the other mailbox
            4, // SELECT or EXAMINE, this mailbox again or the other
        };
        return switch (weighted(weights)) {
            case 0 -> fetch(view, mailbox);
            case 1 -> uidFetch(view, mailbox, session.qresync());
            case 2 -> store(view, mailbox, full);
            case 3 -> append(random.nextInt(4) == 0 ? other(view.mailbox()) : view.mailbox());
            case 4 -> new Command.Expunge();
            case 5 -> new Command.UidExpunge(uidSet(view));
            case 6 -> new Command.Noop();
            case 7 -> status(other(view.mailbox()));
            default -> {
                remember(state, session);
                yield select(state, session, pick(MAILBOXES), uidValidities);
            }
        };
    }

    /**
     * SELECT, or EXAMINE one time in five: with QRESYNC, what the client remembers of the mailbox
     * and (two times in three) the UIDs it knew, when it has QRESYNC on and has been in the mailbox
     * before; with CONDSTORE otherwise.
     */
    private Command select(ServerState state, Session session, String name, Map<String, Long> uidValidities) {
        boolean readOnly = random.nextInt(5) == 0;
        Cache cache = caches.get(name);
        Long uidValidity = uidValidities.get(name);
        if (session.qresync() && cache != null && uidValidity != null) {
            Optional<SequenceSet> known = cache.uids().isEmpty() || random.nextInt(3) == 0 ? Optional.empty()
                    : Optional.of(SequenceSet.of(NumberSet.of(cache.uids().stream().map(Uid::value).toList())));
            return new Command.Select(name, readOnly, Optional.of(new SelectParameter.Qresync(uidValidity,
                    cache.highestModSeq(), known, Optional.empty())));
        }
        return new Command.Select(name, readOnly, Optional.of(new SelectParameter.Condstore()));
    }

    /** {@code FETCH set (FLAGS MODSEQ) (CHANGEDSINCE n)}, with n at or a little below the mailbox's HIGHESTMODSEQ. */
    private Command fetch(SelectedMailbox view, Mailbox mailbox) {
        List<FetchItem> items = random.nextBoolean() ? List.of(FetchItem.FLAGS, FetchItem.MODSEQ)
                : List.of(FetchItem.UID, FetchItem.FLAGS);
        return new Command.Fetch(false, messageNumbers(view), items, Optional.of(modSeqNear(mailbox)), false);
    }

    /**
     * {@code UID FETCH 1:* (FLAGS) (CHANGEDSINCE n VANISHED)} as a QRESYNC client resyncs (R78), or
     * without VANISHED for a client that has only CONDSTORE; over all UIDs or over those it knows.
     */
    private Command uidFetch(SelectedMailbox view, Mailbox mailbox, boolean qresync) {
        SequenceSet set = view.exists() == 0 || random.nextInt(3) > 0 ? SequenceSet.parse("1:*") : uidSet(view);
        return new Command.Fetch(true, set, List.of(FetchItem.FLAGS), Optional.of(modSeqNear(mailbox)), qresync);
    }

    /**
     * A STORE, half of them with UNCHANGEDSINCE near the mailbox's HIGHESTMODSEQ (some fail with
     * MODIFIED, since another session changed the message since); in a full mailbox, often the
     * first half marked {@code \Deleted} for the next EXPUNGE.
     */
    private Command store(SelectedMailbox view, Mailbox mailbox, boolean full) {
        Optional<ModSeq> unchangedSince = random.nextBoolean() ? Optional.of(modSeqNear(mailbox)) : Optional.empty();
        if (full && random.nextBoolean()) {
            return new Command.Store(false, SequenceSet.parse("1:" + Math.max(1, view.exists() / 2)), unchangedSince,
                    StoreAction.ADD, true, Set.of(Flag.DELETED));
        }
        boolean uid = random.nextBoolean();
        SequenceSet set = uid ? uidSet(view) : messageNumbers(view);
        StoreAction action = random.nextInt(8) == 0 ? StoreAction.REPLACE
                : random.nextBoolean() ? StoreAction.ADD : StoreAction.REMOVE;
        Set<Flag> flags = Set.copyOf(random.nextInt(3) == 0 ? List.of(pick(FLAGS), pick(FLAGS))
                : List.of(pick(FLAGS)));
        return new Command.Store(uid, set, unchangedSince, action, random.nextInt(3) == 0, flags);
    }

    private Command append(String mailbox) {
        Set<Flag> flags = random.nextBoolean() ? Set.of() : Set.of(pick(APPENDED_FLAGS));
        return new Command.Append(mailbox, flags, "Subject: load " + ++appended + "\r\n\r\nbody\r\n");
    }

    private static Command status(String mailbox) {
        return new Command.Status(mailbox, List.of(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.UIDVALIDITY,
                StatusItem.HIGHESTMODSEQ));
    }

    /** Before leaving the selected mailbox: what the client will resync from when it comes back. */
    private void remember(ServerState state, Session session) {
        session.selected().ifPresent(view -> state.mailbox(view.mailbox()).ifPresent(mailbox ->
                caches.put(view.mailbox(), new Cache(mailbox.highestModSeq(), view.view()))));
    }

    /** A mod-sequence at or up to five below the mailbox's HIGHESTMODSEQ, at least 1. */
    private ModSeq modSeqNear(Mailbox mailbox) {
        return ModSeq.of(Math.max(1, mailbox.highestModSeq().value() - random.nextInt(6)));
    }

    /** A range of up to five message numbers within the view, or (one time in ten) {@code 1:*}. */
    private SequenceSet messageNumbers(SelectedMailbox view) {
        int exists = view.exists();
        if (exists == 0 || random.nextInt(10) == 0) {
            return SequenceSet.parse("1:*");
        }
        long first = 1 + random.nextInt(exists);
        long last = Math.min(exists, first + random.nextInt(5));
        return SequenceSet.of(NumberSet.range(first, last));
    }

    /** One to three UIDs of the client's view, or {@code 1:*} when it has none. */
    private SequenceSet uidSet(SelectedMailbox view) {
        if (view.exists() == 0) {
            return SequenceSet.parse("1:*");
        }
        List<Long> uids = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            uids.add(view.view().get(random.nextInt(view.exists())).value());
        }
        return SequenceSet.of(NumberSet.of(uids));
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("no weight left");
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String other(String mailbox) {
        return MAILBOXES.get(0).equalsIgnoreCase(mailbox) ? MAILBOXES.get(1) : MAILBOXES.get(0);
    }
}
