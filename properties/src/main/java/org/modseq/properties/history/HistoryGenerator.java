package org.modseq.properties.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SearchKey;
import org.modseq.model.command.Section;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.Mailbox;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.server.ServerState;
import org.modseq.model.session.SelectedMailbox;
import org.modseq.model.session.Session;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.properties.engine.Gen;

/**
 * Draws the next step of a random multi-session CONDSTORE/QRESYNC history from the model's
 * current state, so that steps mostly make sense (message numbers within the view, mod-sequences
 * near the mailbox's) while still reaching the edges the RFC defines: UNCHANGEDSINCE 0,
 * CHANGEDSINCE 0, VANISHED without QRESYNC, {@code *} in known-uids, stale seq-match data, a
 * UIDVALIDITY that does not match, and commands out of state. Now and then a session browses
 * the namespace as a client does before it syncs: LIST, LSUB, SUBSCRIBE, UNSUBSCRIBE, NAMESPACE
 * and ID, over a hierarchy that sometimes has a level ({@code Archive/2024}), which RENAME of
 * Archive takes along. Messages come with and without APPEND date-time, and FETCHes ask for
 * content too, some of it setting {@code \Seen} implicitly.
 *
 * <p>Sessions and their users are fixed: {@code A} and {@code B} are one user (so private flags
 * are shared between them), {@code C} is another.
 *
 * <p>The mailbox names are {@link MailboxNames#DEFAULT} for the static {@link #next(ServerState)};
 * a generator of {@link #of(MailboxNames)} uses other ones, and names INBOX only when they do.
 */
public final class HistoryGenerator {

    /** Session id to user; every user's password is {@link #PASSWORD}. */
    public static final Map<String, String> SESSIONS = Map.of("A", "alex", "B", "alex", "C", "bob");
    public static final String PASSWORD = "pw";
    /** The mailboxes every history of the default names starts with. */
    public static final List<String> MAILBOXES = List.of(MailboxNames.DEFAULT.first(), MailboxNames.DEFAULT.archive());

    private static final HistoryGenerator DEFAULT = new HistoryGenerator(MailboxNames.DEFAULT);

    private static final List<Flag> FLAGS = List.of(Flag.SEEN, Flag.FLAGGED, Flag.DELETED, Flag.ANSWERED,
            Flag.of("$Label"), Flag.of("$MDNSent"));

    /** Message contents: no header at all, a plain message, and a multipart one. */
    private static final List<String> MESSAGES = List.of("body",
            "Subject: hello\r\nFrom: Ann <ann@example.com>\r\n\r\nHello\r\n",
            "Subject: parts\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\n"
                    + "Content-Type: text/html\r\n\r\n<p>two</p>\r\n--b--\r\n");

    /** APPEND date-times, with zone offsets either way. */
    private static final List<InternalDate> DATES = List.of(new InternalDate(837_595_465L, -420),
            new InternalDate(1_704_067_200L, 330));

    private static final Section SUBJECT = new Section(List.of(), Section.Text.HEADER_FIELDS, List.of("Subject"));

    private final MailboxNames names;

    private HistoryGenerator(MailboxNames names) {
        this.names = names;
    }

    /** A generator of histories over these mailbox names. */
    public static HistoryGenerator of(MailboxNames names) {
        return new HistoryGenerator(Objects.requireNonNull(names, "names"));
    }

    /** The next step for {@code state}, over the {@link MailboxNames#DEFAULT default names}. */
    public static Gen<HistoryStep> next(ServerState state) {
        return DEFAULT.nextStep(id -> state);
    }

    /**
     * The next step, each session's drawn from the state {@code stateOf} gives for it: sessions
     * of users with mailboxes of their own can be guided by a model of their own user's account.
     * Each state must hold the session under its history name (A, B, C).
     */
    public Gen<HistoryStep> nextStep(Function<String, ServerState> stateOf) {
        return Gen.elements(List.of("A", "B", "C")).flatMap(id -> {
            ServerState state = stateOf.apply(id);
            Optional<Session> session = state.session(id);
            if (session.isEmpty() || !session.get().isAuthenticated()) {
                return Gen.constant(new HistoryStep.Reconnect(id));
            }
            Gen<Command> command = session.get().selected().isPresent()
                    ? selected(state, session.get())
                    : authenticated(state, session.get());
            return Gen.frequency(
                    Gen.weighted(40, command.map(c -> new HistoryStep.Send(id, c))),
                    Gen.weighted(1, Gen.constant(new HistoryStep.Reconnect(id))));
        });
    }

    /** The names to draw: the first two and whatever the history made, INBOX only when the names use it. */
    private Gen<String> mailboxName(ServerState state) {
        List<String> drawn = new ArrayList<>(List.of(names.first(), names.archive()));
        for (String name : state.mailboxes().keySet()) {
            if (!drawn.contains(name) && (names.usesInbox() || !MailboxNames.isInbox(name))) {
                drawn.add(name);
            }
        }
        drawn.sort(null);
        return Gen.elements(drawn);
    }

    /** Creating, deleting and renaming: the sublevel's commands only where the names have one. */
    private List<Command> hierarchyCommands() {
        List<Command> commands = new ArrayList<>();
        names.sublevel().ifPresent(sublevel -> commands.addAll(List.of(new Command.Create(sublevel),
                new Command.Create(sublevel + "/"), new Command.Delete(sublevel))));
        commands.add(new Command.Rename(names.archive(), names.attic()));
        commands.add(new Command.Rename(names.attic(), names.archive()));
        return commands;
    }

    private Gen<Command> authenticated(ServerState state, Session session) {
        return Gen.frequency(
                Gen.weighted(8, select(state, session)),
                Gen.weighted(session.qresync() ? 1 : 6,
                        Gen.elements(List.of(List.of("QRESYNC"), List.of("CONDSTORE"), List.of("QRESYNC", "CONDSTORE")))
                        .map(Command.Enable::new)),
                Gen.weighted(4, append(state)),
                Gen.weighted(2, mailboxName(state).flatMap(n -> statusItems().map(items -> new Command.Status(n, items)))),
                Gen.weighted(1, Gen.constant(new Command.Create(names.archive()))),
                Gen.weighted(1, Gen.constant(new Command.Delete(names.archive()))),
                Gen.weighted(1, Gen.elements(hierarchyCommands())),
                Gen.weighted(1, Gen.constant(new Command.Noop())),
                Gen.weighted(2, browsing(state)));
    }

    /**
     * What a syncing client asks of a mailbox, with and without UNSEEN: a count of flags per user
     * where {@code \Seen} is private (R8), which mutation testing found no history asked.
     */
    private static Gen<List<StatusItem>> statusItems() {
        return Gen.elements(List.of(
                List.of(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.UIDVALIDITY, StatusItem.HIGHESTMODSEQ),
                List.of(StatusItem.UNSEEN, StatusItem.HIGHESTMODSEQ),
                List.of(StatusItem.MESSAGES, StatusItem.UNSEEN)));
    }

    /** A LIST or LSUB, a (UN)SUBSCRIBE, NAMESPACE or ID: what clients send before they sync. */
    private Gen<Command> browsing(ServerState state) {
        Gen<String> reference = Gen.frequency(Gen.weighted(6, Gen.constant("")),
                Gen.weighted(1, Gen.constant(names.archive() + "/")));
        Gen<String> pattern = Gen.elements(List.of("*", "%", "", "INBOX", "inbox",
                names.archive().substring(0, Math.min(4, names.archive().length())) + "*", "%/%",
                names.archive() + "/%", "*2024"));
        Gen<List<Command.IdParameter>> idParameters = Gen.elements(List.of(
                List.of(),
                List.of(new Command.IdParameter("name", Optional.of("client")),
                        new Command.IdParameter("version", Optional.empty())),
                List.of(new Command.IdParameter("name", Optional.of("a")), new Command.IdParameter("NAME",
                        Optional.of("b")))));
        return Gen.frequency(
                Gen.weighted(4, Gen.combine(reference, pattern, (r, p) -> new Command.ListMailboxes(false, r, p))),
                Gen.weighted(2, Gen.combine(reference, pattern, (r, p) -> new Command.ListMailboxes(true, r, p))),
                Gen.weighted(2, mailboxName(state).map(Command.Subscribe::new)),
                Gen.weighted(1, mailboxName(state).map(Command.Unsubscribe::new)),
                Gen.weighted(1, Gen.constant(new Command.Namespace())),
                Gen.weighted(1, Gen.frequency(Gen.weighted(1, Gen.constant(new Command.Id(Optional.empty()))),
                        Gen.weighted(2, idParameters.map(p -> new Command.Id(Optional.of(p)))))));
    }

    private Gen<Command> append(ServerState state) {
        Gen<Optional<InternalDate>> date = Gen.frequency(Gen.weighted(3, Gen.constant(Optional.<InternalDate>empty())),
                Gen.weighted(1, Gen.elements(DATES).map(Optional::of)));
        return mailboxName(state).flatMap(name -> flagSet().flatMap(flags -> date.flatMap(d ->
                Gen.elements(MESSAGES).map(m -> (Command) new Command.Append(name, flags, d, m)))));
    }

    private static Gen<Set<Flag>> flagSet() {
        return Gen.lists(Gen.elements(FLAGS), 0, 3).map(Set::copyOf);
    }

    private Gen<Command> select(ServerState state, Session session) {
        return mailboxName(state).flatMap(name -> {
            Mailbox mailbox = state.mailbox(name).orElse(null);
            Gen<Optional<SelectParameter>> parameter = Gen.frequency(
                    Gen.weighted(3, Gen.constant(Optional.<SelectParameter>empty())),
                    Gen.weighted(2, Gen.constant(Optional.<SelectParameter>of(new SelectParameter.Condstore()))),
                    Gen.weighted(session.qresync() ? 6 : 1, qresync(mailbox).map(Optional::<SelectParameter>of)));
            return Gen.combine(parameter, Gen.booleans(), (p, readOnly) -> (Command) new Command.Select(name,
                    readOnly && p.isEmpty(), p));
        });
    }

    /** A QRESYNC parameter as a client with some stale cache would send it. */
    private static Gen<SelectParameter> qresync(Mailbox mailbox) {
        long uidValidity = mailbox == null ? 1 : mailbox.uidValidity().value();
        long highest = mailbox == null ? 1 : mailbox.highestModSeq().value();
        long uidNext = mailbox == null ? 1 : mailbox.uidNext();
        Gen<Long> validity = Gen.frequency(Gen.weighted(9, Gen.constant(uidValidity)),
                Gen.weighted(1, Gen.constant(uidValidity + 1)));
        Gen<ModSeq> modSeq = Gen.frequency(Gen.weighted(20, Gen.integers(1L, Math.max(1, highest)).map(ModSeq::of)),
                Gen.weighted(1, Gen.constant(ModSeq.ZERO)));
        Gen<Optional<SequenceSet>> known = Gen.frequency(
                Gen.weighted(2, Gen.constant(Optional.<SequenceSet>empty())),
                Gen.weighted(4, uidSet(uidNext).map(Optional::of)),
                Gen.weighted(1, Gen.constant(Optional.of(SequenceSet.parse("1:*")))));
        Gen<Optional<SelectParameter.SeqMatch>> match = Gen.frequency(
                Gen.weighted(2, Gen.constant(Optional.<SelectParameter.SeqMatch>empty())),
                Gen.weighted(1, seqMatch(mailbox).map(Optional::of)));
        return validity.flatMap(v -> modSeq.flatMap(m -> known.flatMap(k -> match.map(s ->
                (SelectParameter) new SelectParameter.Qresync(v, m, k, s)))));
    }

    /** Pairs of message number and UID, most of them true of the mailbox now, some stale. */
    private static Gen<SelectParameter.SeqMatch> seqMatch(Mailbox mailbox) {
        int size = mailbox == null ? 0 : mailbox.size();
        if (size == 0) {
            return Gen.constant(new SelectParameter.SeqMatch(SequenceSet.of(1), SequenceSet.of(1)));
        }
        return Gen.lists(Gen.integers(1, size), 1, 3).flatMap(numbers -> Gen.integers(0, 2).map(skew -> {
            List<Long> sorted = numbers.stream().distinct().sorted().map(Integer::longValue).toList();
            List<Long> uids = new ArrayList<>();
            for (long n : sorted) {
                uids.add(mailbox.messages().get((int) n - 1).uid().value() + (n == sorted.get(sorted.size() - 1) ? skew : 0));
            }
            NumberSet uidSet = NumberSet.of(uids);
            if (uidSet.size() != sorted.size()) {
                List<Long> exact = new ArrayList<>();
                for (long n : sorted) {
                    exact.add(mailbox.messages().get((int) n - 1).uid().value());
                }
                uidSet = NumberSet.of(exact);
            }
            return new SelectParameter.SeqMatch(SequenceSet.of(NumberSet.of(sorted)), SequenceSet.of(uidSet));
        }));
    }

    private static Gen<SequenceSet> uidSet(long uidNext) {
        long top = Math.max(1, uidNext + 1);
        return Gen.lists(Gen.integers(1L, top).flatMap(a -> Gen.integers(0L, 3L).map(len -> NumberSet.range(a, a + len))),
                1, 3).map(ranges -> {
                    NumberSet all = NumberSet.EMPTY;
                    for (NumberSet r : ranges) {
                        all = all.union(r);
                    }
                    return SequenceSet.of(all);
                });
    }

    private Gen<Command> selected(ServerState state, Session session) {
        SelectedMailbox view = session.mailbox();
        Mailbox mailbox = state.mailbox(view.mailbox()).orElseThrow();
        boolean empty = view.exists() == 0;
        return Gen.frequency(
                Gen.weighted(empty ? 1 : 10, store(view, mailbox)),
                Gen.weighted(empty ? 1 : session.qresync() ? 9 : 6, fetch(view, mailbox, session)),
                Gen.weighted(3, search(mailbox)),
                Gen.weighted(empty ? 12 : 4, append(state)),
                Gen.weighted(3, Gen.constant(new Command.Expunge())),
                Gen.weighted(1, messageSet(view, true).map(Command.UidExpunge::new)),
                Gen.weighted(4, Gen.elements(List.of(new Command.Noop(), new Command.Idle(), new Command.Check()))),
                Gen.weighted(1, Gen.elements(List.of(new Command.Close(), new Command.Unselect()))),
                Gen.weighted(2, Gen.booleans().flatMap(uid -> messageSet(view, uid).flatMap(set ->
                        mailboxName(state).flatMap(target -> Gen.booleans().map(move -> move
                                ? (Command) new Command.Move(uid, set, target) : new Command.Copy(uid, set, target)))))),
                Gen.weighted(2, select(state, session)),
                Gen.weighted(1, browsing(state)));
    }

    /** A set of message numbers (within the view, now and then beyond it) or of UIDs. */
    private static Gen<SequenceSet> messageSet(SelectedMailbox view, boolean byUid) {
        int exists = view.exists();
        if (exists == 0) {
            return Gen.constant(SequenceSet.parse("1:*"));
        }
        Gen<Long> member = byUid
                ? Gen.integers(0, exists - 1).map(i -> view.view().get(i).value())
                : Gen.integers(1L, exists + (exists > 3 ? 1L : 0L));
        // Now and then the last message alone: expunging it leaves expunged UIDs above the highest
        // live one, which UID FETCH 1:* ... VANISHED must still report (R78).
        long last = byUid ? view.view().get(exists - 1).value() : exists;
        return Gen.frequency(
                Gen.weighted(5, Gen.lists(member, 1, 3).map(ns -> SequenceSet.of(NumberSet.of(ns)))),
                Gen.weighted(2, Gen.constant(SequenceSet.of(last))),
                Gen.weighted(1, Gen.constant(SequenceSet.parse("1:*"))));
    }

    private static Gen<ModSeq> modSeqNear(Mailbox mailbox, long low) {
        long highest = mailbox.highestModSeq().value();
        return Gen.frequency(Gen.weighted(12, Gen.integers(Math.max(low, 1), highest + 1).map(ModSeq::of)),
                Gen.weighted(1, Gen.constant(ModSeq.ZERO)));
    }

    private static Gen<Command> store(SelectedMailbox view, Mailbox mailbox) {
        return Gen.booleans().flatMap(uid -> messageSet(view, uid).flatMap(set -> {
            Gen<Optional<ModSeq>> unchanged = Gen.frequency(Gen.weighted(1, Gen.constant(Optional.<ModSeq>empty())),
                    Gen.weighted(1, modSeqNear(mailbox, 1).map(Optional::of)));
            return unchanged.flatMap(u -> Gen.elements(List.of(StoreAction.ADD, StoreAction.REMOVE, StoreAction.REPLACE))
                    .flatMap(action -> Gen.booleans().flatMap(silent -> flagSet().map(flags ->
                            (Command) new Command.Store(uid, set, u, action, silent,
                                    flags.isEmpty() && action != StoreAction.REPLACE ? Set.of(Flag.FLAGGED) : flags)))));
        }));
    }

    private static Gen<Command> fetch(SelectedMailbox view, Mailbox mailbox, Session session) {
        // Content items: some set \Seen implicitly (RFC 3501 §6.4.5, R5, R20), some do not; ENVELOPE and
        // BODY[1] are refused with NO by a renderer without MIME.
        Gen<List<FetchItem>> items = Gen.elements(List.of(List.of(FetchItem.FLAGS), List.of(FetchItem.UID, FetchItem.FLAGS),
                List.of(FetchItem.MODSEQ), List.of(FetchItem.FLAGS, FetchItem.MODSEQ),
                List.of(FetchItem.BodySection.of(Section.WHOLE)),
                List.of(FetchItem.BodySection.of(Section.TEXT)),
                List.of(FetchItem.BodySection.peek(Section.HEADER), FetchItem.RFC822_SIZE),
                List.of(FetchItem.BodySection.peek(Section.WHOLE), FetchItem.RFC822_SIZE),
                List.of(FetchItem.FLAGS, FetchItem.INTERNALDATE, FetchItem.RFC822_HEADER),
                List.of(FetchItem.RFC822_TEXT), List.of(FetchItem.UID, FetchItem.RFC822),
                List.of(FetchItem.MODSEQ, FetchItem.BodySection.of(SUBJECT)),
                List.of(FetchItem.ENVELOPE, FetchItem.BodySection.of(new Section(List.of(1), Section.Text.WHOLE,
                        List.of())))));
        // UID sets of FETCH also name expunged UIDs and reach UIDNEXT-1 with *, so that VANISHED (EARLIER)
        // has expunges to report, above the highest live UID too (R78).
        Gen<SequenceSet> uidSets = Gen.frequency(Gen.weighted(3, messageSet(view, true)),
                Gen.weighted(1, uidSet(mailbox.uidNext())), Gen.weighted(2, Gen.constant(SequenceSet.parse("1:*"))));
        return Gen.booleans().flatMap(uid -> (uid ? uidSets : messageSet(view, false)).flatMap(set -> items.flatMap(list ->
                Gen.frequency(Gen.weighted(1, Gen.constant(Optional.<ModSeq>empty())),
                        Gen.weighted(2, modSeqNear(mailbox, 1).map(Optional::of)))
                        .flatMap(since -> Gen.frequency(
                                Gen.weighted(uid && session.qresync() && since.isPresent() ? 10 : 1, Gen.constant(true)),
                                Gen.weighted(uid && session.qresync() && since.isPresent() ? 4 : 12, Gen.constant(false)))
                                .map(vanished -> (Command) new Command.Fetch(uid, set, list, since, vanished))))));
    }

    private static Gen<Command> search(Mailbox mailbox) {
        Gen<SearchKey> key = Gen.frequency(
                Gen.weighted(2, Gen.constant(new SearchKey.All())),
                Gen.weighted(4, modSeqNear(mailbox, 0).map(m -> (SearchKey) new SearchKey.ModSeqKey(Optional.empty(), m))),
                Gen.weighted(2, Gen.elements(FLAGS).flatMap(f -> Gen.booleans().map(b -> (SearchKey) new SearchKey.FlagKey(f, b)))),
                Gen.weighted(1, modSeqNear(mailbox, 0).map(m -> (SearchKey) new SearchKey.Not(new SearchKey.ModSeqKey(
                        Optional.of(new SearchKey.Entry(Flag.SEEN, SearchKey.EntryType.ALL)), m)))));
        Gen<Optional<List<Command.ReturnOption>>> options = Gen.frequency(
                Gen.weighted(3, Gen.constant(Optional.<List<Command.ReturnOption>>empty())),
                Gen.weighted(1, Gen.elements(List.<List<Command.ReturnOption>>of(List.of(),
                        List.of(Command.ReturnOption.MIN, Command.ReturnOption.MAX), List.of(Command.ReturnOption.COUNT),
                        List.of(Command.ReturnOption.ALL, Command.ReturnOption.COUNT))).map(Optional::of)));
        return Gen.booleans().flatMap(uid -> options.flatMap(o -> key.map(k -> (Command) new Command.Search(uid, o, k))));
    }
}
