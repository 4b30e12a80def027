package org.modseq.reference.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StatusItem;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ForwardingConnection;
import org.modseq.reference.engine.ImapEngine;

/**
 * An engine with one {@link Fault} switched on: the wrapped engine keeps the mailboxes right, and
 * this decorator rewrites what it tells clients (or, for the off-by-one faults, the argument it
 * hands on). Where a fault needs what the answer does not show (the live UIDs, a mailbox's
 * HIGHESTMODSEQ before and after a change), it asks the wrapped engine over a connection of its
 * own: on the client's, a probe would take updates owed to the client, and STATUS HIGHESTMODSEQ
 * would enable CONDSTORE there (R15).
 *
 * <p>That connection logs in with the client's LOGIN; after AUTHENTICATE the faults that need
 * it stay off. A test double: it trusts clients to take turns, as the checker's do.
 */
public final class FaultyEngine implements ImapEngine {

    private static final String PROBE_TAG = "fault-probe";
    /** The highest UID there can be (RFC 3501 §2.3.1.1): one no client was told of (R85). */
    private static final long NEVER_ANNOUNCED_UID = NumberSet.MAX_NUMBER;

    private final ImapEngine engine;
    private final Fault fault;
    /**
     * For the HIGHESTMODSEQ_NOT_RAISED_BY faults: per account and mailbox, the HIGHESTMODSEQ a
     * change produced that reports hide (showing one less) until a later change passes it.
     */
    private final Map<String, Long> hiddenRises = new ConcurrentHashMap<>();

    public FaultyEngine(ImapEngine engine, Fault fault) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public Fault fault() {
        return fault;
    }

    @Override
    public Connection open() {
        return new FaultyConnection(engine.open());
    }

    private final class FaultyConnection extends ForwardingConnection {

        private Optional<Command.Login> login = Optional.empty();
        private Connection side;
        private String selected;
        private boolean condstore;
        private boolean qresync;
        private long lastHighestModSeq = 1;

        FaultyConnection(Connection inner) {
            super(inner);
        }

        @Override
        public List<Response> execute(String tag, Command command) {
            String mailbox = command instanceof Command.Select s ? s.mailbox() : selected;
            Optional<String> changed = changedMailbox(command);
            OptionalLong before = changed.isPresent() ? highestModSeqOf(changed.get()) : OptionalLong.empty();
            List<Response> responses = super.execute(tag, handedOn(command));
            boolean ok = isOk(responses);
            follow(command, responses, ok);
            if (changed.isPresent() && ok && before.isPresent()) {
                OptionalLong after = highestModSeqOf(changed.get());
                if (after.isPresent() && after.getAsLong() > before.getAsLong()) {
                    hiddenRises.put(key(changed.get()), after.getAsLong());
                }
            }
            List<Response> out = rewritten(command, responses, mailbox);
            if (isLoggedOut()) {
                dropSide();
            }
            return out;
        }

        @Override
        public List<Response> idleUpdates() {
            return rewritten(new Command.Idle(), super.idleUpdates(), selected);
        }

        @Override
        public void drop() {
            super.drop();
            dropSide();
        }

        private void dropSide() {
            if (side != null) {
                side.drop();
                side = null;
            }
        }

        /** What the client's command changes, for the faults that hide the rise it causes. */
        private Optional<String> changedMailbox(Command command) {
            Predicate<Command> changes = switch (fault) {
                case HIGHESTMODSEQ_NOT_RAISED_BY_APPEND -> c -> c instanceof Command.Append;
                case HIGHESTMODSEQ_NOT_RAISED_BY_EXPUNGE ->
                    c -> c instanceof Command.Expunge || c instanceof Command.UidExpunge || c instanceof Command.Close;
                case HIGHESTMODSEQ_NOT_RAISED_BY_MOVE -> c -> c instanceof Command.Move;
                case HIGHESTMODSEQ_NOT_RAISED_BY_FLAG_CHANGE -> c -> c instanceof Command.Store;
                default -> c -> false;
            };
            if (!changes.test(command)) {
                return Optional.empty();
            }
            return command instanceof Command.Append a ? Optional.of(a.mailbox()) : Optional.ofNullable(selected);
        }

        /** The command as the wrapped engine gets it: changed only by the faults that misread an argument. */
        private Command handedOn(Command command) {
            return switch (fault) {
                case CHANGEDSINCE_INCLUDES_EQUAL -> command instanceof Command.Fetch f
                        && f.changedSince().filter(m -> m.value() >= 2).isPresent()
                        ? new Command.Fetch(f.uid(), f.set(), f.items(),
                                Optional.of(ModSeq.of(f.changedSince().get().value() - 1)), f.vanished())
                        : command;
                case UNCHANGEDSINCE_FAILS_AT_EQUAL -> command instanceof Command.Store s
                        && s.unchangedSince().filter(m -> m.value() >= 2).isPresent()
                        ? new Command.Store(s.uid(), s.set(), Optional.of(ModSeq.of(s.unchangedSince().get().value() - 1)),
                                s.action(), s.silent(), s.flags())
                        : command;
                case UNCHANGEDSINCE_PASSES_LATER_CHANGE -> command instanceof Command.Store s
                        && s.unchangedSince().filter(m -> m.isPositive() && m.compareTo(ModSeq.MAX) < 0).isPresent()
                        ? new Command.Store(s.uid(), s.set(), Optional.of(s.unchangedSince().get().next()),
                                s.action(), s.silent(), s.flags())
                        : command;
                case SEQ_MATCH_ADDS_UIDS -> command instanceof Command.Select s
                        && s.parameter().orElse(null) instanceof SelectParameter.Qresync q && q.seqMatch().isPresent()
                        && q.problem(false).isEmpty()
                        ? new Command.Select(s.mailbox(), s.readOnly(), Optional.of(new SelectParameter.Qresync(
                                q.uidValidity(), q.modSeq(), Optional.empty(), Optional.empty())))
                        : command;
                default -> command;
            };
        }

        /** Keeps what the faults need to know of the session: account, selected mailbox, enabled extensions. */
        private void follow(Command command, List<Response> responses, boolean ok) {
            if (command instanceof Command.Login l && ok) {
                login = Optional.of(l);
            }
            if (command instanceof Command.Select s) {
                selected = ok ? s.mailbox() : null;
            }
            if ((command instanceof Command.Close || command instanceof Command.Unselect) && ok) {
                selected = null;
            }
            if (enablesCondstore(command)) {
                condstore = true;
            }
            for (Response r : responses) {
                if (r instanceof Response.Enabled e) {
                    qresync |= e.capabilities().stream().anyMatch(c -> c.equalsIgnoreCase("QRESYNC"));
                    condstore |= !e.capabilities().isEmpty();
                }
                if (r instanceof Response.Status st && st.code().orElse(null) instanceof ResponseCode.HighestModSeq h) {
                    lastHighestModSeq = Math.max(1, h.modSeq().value());
                }
            }
        }

        private List<Response> rewritten(Command command, List<Response> responses, String mailbox) {
            return switch (fault) {
                case VANISHED_MISSES_UIDS_ABOVE_HIGHEST_LIVE -> isOk(responses) && starredUids(command)
                        ? withoutUidsAbove(responses, liveUids()) : responses;
                case VANISHED_EARLIER_NAMES_LIVE_UID -> isVanishedFetch(command) && isOk(responses)
                        ? namingLiveUid(responses, Optional.of(((Command.Fetch) command).set())) : responses;
                case QRESYNC_NAMES_LIVE_UID -> command instanceof Command.Select s
                        && s.parameter().orElse(null) instanceof SelectParameter.Qresync q && isOk(responses)
                        && responses.stream().anyMatch(r -> r instanceof Response.Status st && st.code().orElse(null)
                                instanceof ResponseCode.UidValidityCode v && v.uidValidity().value() == q.uidValidity())
                        ? namingLiveUid(responses, q.knownUids()) : responses;
                case QRESYNC_DROPS_VANISHED_UID -> isQresyncSelect(command)
                        ? mapVanishedEarlier(responses, uids -> uids.minus(NumberSet.of(uids.max()))) : responses;
                case VANISHED_EARLIER_FORGETS_OLD_EXPUNGES -> isVanishedFetch(command)
                        ? mapVanishedEarlier(responses, uids -> uids.minus(NumberSet.of(uids.min()))) : responses;
                case NO_VANISHED_EARLIER -> mapVanishedEarlier(responses, uids -> NumberSet.EMPTY);
                case HIGHESTMODSEQ_NOT_RAISED_BY_APPEND, HIGHESTMODSEQ_NOT_RAISED_BY_EXPUNGE,
                        HIGHESTMODSEQ_NOT_RAISED_BY_MOVE, HIGHESTMODSEQ_NOT_RAISED_BY_FLAG_CHANGE ->
                    hidingRises(responses, mailbox);
                case STATUS_HIGHESTMODSEQ_DIFFERS -> responses.stream().map(r -> r instanceof Response.StatusData sd
                        ? (Response) new Response.StatusData(sd.mailbox(), sd.items().stream().map(i ->
                                i.name().equals("HIGHESTMODSEQ") ? new Response.StatusData.Item(i.name(), i.value() + 1) : i)
                                .toList())
                        : r).toList();
                case SELECT_HIGHESTMODSEQ_TOO_HIGH -> command instanceof Command.Select s && !s.readOnly()
                        ? mapHighestModSeq(responses, m -> m + 1) : responses;
                case HIGHESTMODSEQ_BEFORE_EXPUNGES -> condstore ? highestModSeqBeforeExpunges(responses) : responses;
                case HIGHESTMODSEQ_ZERO_FOR_EMPTY_MAILBOX -> command instanceof Command.Select
                        && responses.contains(new Response.Exists(0)) ? zeroHighestModSeq(responses) : responses;
                case MODSEQ_ZERO -> mapModSeqAttribute(responses, m -> new FetchAttribute.Unmodelled("MODSEQ", "(0)"));
                case MODSEQ_NEGATIVE -> mapModSeqAttribute(responses, m -> new FetchAttribute.Unmodelled("MODSEQ", "(-1)"));
                case VANISHED_SET_WITH_ZERO -> mapVanishedWire(responses, uids -> "0," + uids.toWire());
                case VANISHED_SET_WITH_STAR -> mapVanishedWire(responses, uids -> {
                    NumberSet rest = uids.minus(NumberSet.of(uids.max()));
                    return (rest.isEmpty() ? "" : rest.toWire() + ",") + uids.max() + ":*";
                });
                case VANISHED_SET_EMPTY -> mapVanishedWire(responses, uids -> "");
                case MODIFIED_SET_WITH_ZERO -> responses.stream().map(r -> r instanceof Response.Status st
                        && st.code().orElse(null) instanceof ResponseCode.Modified m
                        ? (Response) new Response.Status(st.tag(), st.condition(),
                                Optional.of(new ResponseCode.Unmodelled("MODIFIED", "0," + m.set().toWire())), st.text())
                        : r).toList();
                case QRESYNC_RESYNC_BEFORE_CLOSED -> isQresyncSelect(command) ? resyncMoved(responses, true) : responses;
                case QRESYNC_RESYNC_BEFORE_SELECT_RESPONSES -> isQresyncSelect(command)
                        ? resyncMoved(responses, false) : responses;
                case FETCH_BEFORE_VANISHED_EARLIER -> isQresyncSelect(command) || isVanishedFetch(command)
                        ? vanishedEarlierLast(responses) : responses;
                case QRESYNC_OMITS_CHANGED_FLAGS -> isQresyncSelect(command)
                        ? responses.stream().filter(r -> !(r instanceof Response.Fetch)).toList() : responses;
                case CHANGEDSINCE_INCLUDES_EQUAL, UNCHANGEDSINCE_FAILS_AT_EQUAL, UNCHANGEDSINCE_PASSES_LATER_CHANGE,
                        SEQ_MATCH_ADDS_UIDS -> responses;
                case CHANGEDSINCE_ZERO_ANSWERED_WITH_NOTHING -> command instanceof Command.Fetch f
                        && f.changedSince().filter(m -> !m.isPositive()).isPresent()
                        ? List.of(Response.Status.tagged(tagOf(responses), Response.Condition.OK, null, "FETCH completed"))
                        : responses;
                case MODSEQ_WITHOUT_CONDSTORE -> condstore ? responses : responses.stream().map(r ->
                        r instanceof Response.Fetch f && f.attribute(FetchAttribute.Flags.class).isPresent()
                                && f.attribute(FetchAttribute.ModSeqAttribute.class).isEmpty()
                        ? (Response) new Response.Fetch(f.messageNumber(), withModSeq(f.attributes()))
                        : r).toList();
                case SILENT_UNCHANGEDSINCE_DROPS_FETCH -> command instanceof Command.Store s && s.silent()
                        && s.unchangedSince().isPresent()
                        ? responses.stream().filter(r -> !(r instanceof Response.Fetch)).toList() : responses;
                case VANISHED_FOR_UNANNOUNCED_UID -> command instanceof Command.Noop && qresync && selected != null
                        ? before(responses, new Response.Vanished(false, NumberSet.of(NEVER_ANNOUNCED_UID)))
                        : responses;
                case CLOSE_ANSWERS_HIGHESTMODSEQ -> command instanceof Command.Close && isOk(responses)
                        ? withTaggedCode(responses, new ResponseCode.HighestModSeq(ModSeq.of(lastHighestModSeq)))
                        : responses;
                case MOVE_WITHOUT_EXPUNGES -> command instanceof Command.Move
                        ? responses.stream().filter(r -> !(r instanceof Response.Expunge
                                || r instanceof Response.Vanished v && !v.earlier())).toList()
                        : responses;
            };
        }

        private List<FetchAttribute> withModSeq(List<FetchAttribute> attributes) {
            List<FetchAttribute> out = new ArrayList<>(attributes);
            out.add(new FetchAttribute.ModSeqAttribute(ModSeq.of(lastHighestModSeq)));
            return out;
        }

        /**
         * Names the lowest live UID the client asked about in VANISHED (EARLIER): in the first such
         * response, or in a new one before the FETCH responses (R79) when there was none.
         */
        private List<Response> namingLiveUid(List<Response> responses, Optional<SequenceSet> asked) {
            NumberSet all = liveUids();
            NumberSet live = asked.map(a -> all.intersect(a.resolve(all.isEmpty() ? 1 : all.max()))).orElse(all);
            if (live.isEmpty()) {
                return responses;
            }
            NumberSet named = NumberSet.of(live.min());
            List<Response> out = new ArrayList<>();
            boolean done = false;
            for (Response r : responses) {
                if (!done && r instanceof Response.Vanished v && v.earlier()) {
                    out.add(new Response.Vanished(true, v.uids().union(named)));
                    done = true;
                    continue;
                }
                if (!done && (r instanceof Response.Fetch || r instanceof Response.Status st && st.isTagged())) {
                    out.add(new Response.Vanished(true, named));
                    done = true;
                }
                out.add(r);
            }
            return out;
        }

        /**
         * R96: before the first EXPUNGE or VANISHED of an answer, an untagged OK [HIGHESTMODSEQ]
         * with the mailbox's value now, which counts the expunges not yet reported.
         */
        private List<Response> highestModSeqBeforeExpunges(List<Response> responses) {
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i) instanceof Response.Expunge
                        || responses.get(i) instanceof Response.Vanished v && !v.earlier()) {
                    OptionalLong now = highestModSeqOf(selected);
                    if (now.isEmpty()) {
                        return responses;
                    }
                    List<Response> out = new ArrayList<>(responses);
                    out.add(i, Response.Status.untagged(Response.Condition.OK,
                            new ResponseCode.HighestModSeq(ModSeq.of(now.getAsLong())), "Highest mod-sequence"));
                    return out;
                }
            }
            return responses;
        }

        /**
         * The UIDs of the selected mailbox now, asked over the fault's own connection (EXAMINE
         * takes no \\Recent and changes nothing): on the client's, the probe would take updates
         * owed to the client.
         */
        private NumberSet liveUids() {
            List<Long> uids = new ArrayList<>();
            if (selected == null || sideConnection().isEmpty()
                    || !isOk(side.execute(PROBE_TAG, new Command.Select(selected, true, Optional.empty())))) {
                return NumberSet.EMPTY;
            }
            for (Response r : side.execute(PROBE_TAG, new Command.Fetch(true, SequenceSet.parse("1:*"),
                    List.of(FetchItem.UID), Optional.empty(), false))) {
                if (r instanceof Response.Fetch f) {
                    f.attribute(FetchAttribute.UidAttribute.class).ifPresent(u -> uids.add(u.uid().value()));
                }
            }
            return NumberSet.of(uids);
        }

        /** The fault's own connection, logged in as the client's account once the client is. */
        private Optional<Connection> sideConnection() {
            if (login.isEmpty()) {
                return Optional.empty();
            }
            if (side == null) {
                Connection opened = engine.open();
                opened.greeting();
                if (!isOk(opened.execute(PROBE_TAG, login.get()))) {
                    opened.drop();
                    return Optional.empty();
                }
                side = opened;
            }
            return Optional.of(side);
        }

        /** {@code mailbox}'s HIGHESTMODSEQ, asked over a connection of the fault's own as the same account. */
        private OptionalLong highestModSeqOf(String mailbox) {
            if (mailbox == null || sideConnection().isEmpty()) {
                return OptionalLong.empty();
            }
            for (Response r : side.execute(PROBE_TAG, new Command.Status(mailbox, List.of(StatusItem.HIGHESTMODSEQ)))) {
                if (r instanceof Response.StatusData sd) {
                    for (Response.StatusData.Item item : sd.items()) {
                        if (item.name().equals("HIGHESTMODSEQ")) {
                            return OptionalLong.of(item.value());
                        }
                    }
                }
            }
            return OptionalLong.empty();
        }

        private String key(String mailbox) {
            return login.map(Command.Login::user).orElse("") + "\0" + mailbox;
        }

        /** Reports of a hidden rise show one less: STATUS of that mailbox, HIGHESTMODSEQ codes while it is selected. */
        private List<Response> hidingRises(List<Response> responses, String mailbox) {
            List<Response> out = new ArrayList<>();
            for (Response r : responses) {
                if (r instanceof Response.StatusData sd && hiddenRises.containsKey(key(sd.mailbox()))) {
                    long hidden = hiddenRises.get(key(sd.mailbox()));
                    out.add(new Response.StatusData(sd.mailbox(), sd.items().stream().map(i ->
                            i.name().equals("HIGHESTMODSEQ") && i.value() == hidden
                                    ? new Response.StatusData.Item(i.name(), hidden - 1) : i).toList()));
                } else if (mailbox != null && hiddenRises.containsKey(key(mailbox))) {
                    long hidden = hiddenRises.get(key(mailbox));
                    out.add(mapHighestModSeq(List.of(r), m -> m == hidden ? hidden - 1 : m).getFirst());
                } else {
                    out.add(r);
                }
            }
            return out;
        }
    }

    private static boolean isOk(List<Response> responses) {
        return !responses.isEmpty() && responses.getLast() instanceof Response.Status st && st.isTagged()
                && st.condition() == Response.Condition.OK;
    }

    private static String tagOf(List<Response> responses) {
        return responses.getLast() instanceof Response.Status st && st.isTagged() ? st.tag().get() : "*";
    }

    private static boolean isVanishedFetch(Command command) {
        return command instanceof Command.Fetch f && f.uid() && f.vanished() && f.changedSince().isPresent();
    }

    /** A UID FETCH ... VANISHED whose UID set has a *, which a faulty server reads as the highest live UID. */
    private static boolean starredUids(Command command) {
        return isVanishedFetch(command) && ((Command.Fetch) command).set().hasStar();
    }

    private static boolean isQresyncSelect(Command command) {
        return command instanceof Command.Select s && s.parameter().orElse(null) instanceof SelectParameter.Qresync;
    }

    /** R15: the commands that enable CONDSTORE on a connection by using it. */
    private static boolean enablesCondstore(Command command) {
        return switch (command) {
            case Command.Enable e -> e.capabilities().stream()
                    .anyMatch(c -> c.equalsIgnoreCase("CONDSTORE") || c.equalsIgnoreCase("QRESYNC"));
            case Command.Select s -> s.parameter().isPresent();
            case Command.Fetch f -> f.usesModSeq();
            case Command.Store s -> s.unchangedSince().isPresent();
            case Command.Search s -> s.key().usesModSeq();
            case Command.Status s -> s.items().contains(StatusItem.HIGHESTMODSEQ);
            default -> false;
        };
    }

    /** {@code responses} with {@code added} before the tagged response (or at the end when there is none). */
    private static List<Response> before(List<Response> responses, Response added) {
        List<Response> out = new ArrayList<>(responses);
        int at = !out.isEmpty() && out.getLast() instanceof Response.Status st && st.isTagged() ? out.size() - 1 : out.size();
        out.add(at, added);
        return out;
    }

    private static List<Response> withTaggedCode(List<Response> responses, ResponseCode code) {
        List<Response> out = new ArrayList<>(responses);
        Response.Status last = (Response.Status) out.getLast();
        out.set(out.size() - 1, new Response.Status(last.tag(), last.condition(), Optional.of(code), last.text()));
        return out;
    }

    /** VANISHED (EARLIER) keeps only UIDs at or below the highest of {@code live}, as if * were that UID. */
    private static List<Response> withoutUidsAbove(List<Response> responses, NumberSet live) {
        long highest = live.isEmpty() ? 0 : live.max();
        return mapVanishedEarlier(responses, uids -> uids.filter(u -> u <= highest));
    }

    private static List<Response> mapVanishedEarlier(List<Response> responses,
            UnaryOperator<NumberSet> change) {
        List<Response> out = new ArrayList<>();
        for (Response r : responses) {
            if (r instanceof Response.Vanished v && v.earlier()) {
                NumberSet uids = change.apply(v.uids());
                if (!uids.isEmpty()) {
                    out.add(new Response.Vanished(true, uids));
                }
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Every VANISHED response as wire text with its UID set written by {@code set}: malformed on purpose (R89). */
    private static List<Response> mapVanishedWire(List<Response> responses,
            Function<NumberSet, String> set) {
        return responses.stream().map(r -> r instanceof Response.Vanished v
                ? (Response) new Response.Unmodelled("VANISHED",
                        ("* VANISHED " + (v.earlier() ? "(EARLIER) " : "") + set.apply(v.uids())).stripTrailing())
                : r).toList();
    }

    private static List<Response> mapHighestModSeq(List<Response> responses, LongUnaryOperator change) {
        return responses.stream().map(r -> r instanceof Response.Status st
                && st.code().orElse(null) instanceof ResponseCode.HighestModSeq h
                ? (Response) new Response.Status(st.tag(), st.condition(),
                        Optional.of(new ResponseCode.HighestModSeq(ModSeq.of(change.applyAsLong(h.modSeq().value())))),
                        st.text())
                : r).toList();
    }

    private static List<Response> mapModSeqAttribute(List<Response> responses,
            Function<FetchAttribute.ModSeqAttribute, FetchAttribute> change) {
        return responses.stream().map(r -> r instanceof Response.Fetch f
                && f.attribute(FetchAttribute.ModSeqAttribute.class).isPresent()
                ? (Response) new Response.Fetch(f.messageNumber(), f.attributes().stream()
                        .map(a -> a instanceof FetchAttribute.ModSeqAttribute m ? change.apply(m) : a).toList())
                : r).toList();
    }

    /** HIGHESTMODSEQ codes say 0, which the model's values cannot (R31). */
    private static List<Response> zeroHighestModSeq(List<Response> responses) {
        return responses.stream().map(r -> r instanceof Response.Status st
                && st.code().orElse(null) instanceof ResponseCode.HighestModSeq
                ? (Response) new Response.Status(st.tag(), st.condition(),
                        Optional.of(new ResponseCode.Unmodelled("HIGHESTMODSEQ", "0")), st.text())
                : r).toList();
    }

    /**
     * The QRESYNC resync moved to the start of the answer: its VANISHED (EARLIER) before OK
     * [CLOSED] ({@code beforeClosed}, R74; only where there is one; a FETCH there would pass for
     * one about the previous mailbox), or VANISHED and FETCH just after it, before the standard
     * SELECT responses (R66).
     */
    private static List<Response> resyncMoved(List<Response> responses, boolean beforeClosed) {
        List<Response> resync = new ArrayList<>();
        List<Response> rest = new ArrayList<>();
        int closed = -1;
        for (Response r : responses) {
            if (!beforeClosed && r instanceof Response.Fetch || r instanceof Response.Vanished) {
                resync.add(r);
            } else {
                if (r instanceof Response.Status st && st.code().orElse(null) instanceof ResponseCode.Closed) {
                    closed = rest.size();
                }
                rest.add(r);
            }
        }
        if (resync.isEmpty() || beforeClosed && closed < 0) {
            return responses;
        }
        rest.addAll(beforeClosed ? closed : closed + 1, resync);
        return rest;
    }

    /** R79: VANISHED (EARLIER) moved after the FETCH responses, just before the tagged one. */
    private static List<Response> vanishedEarlierLast(List<Response> responses) {
        List<Response> vanished = responses.stream().filter(r -> r instanceof Response.Vanished v && v.earlier()).toList();
        if (vanished.isEmpty() || responses.stream().noneMatch(r -> r instanceof Response.Fetch)) {
            return responses;
        }
        List<Response> out = new ArrayList<>(responses);
        out.removeAll(vanished);
        int at = out.getLast() instanceof Response.Status st && st.isTagged() ? out.size() - 1 : out.size();
        out.addAll(at, vanished);
        return out;
    }
}
