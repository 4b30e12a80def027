package org.modseq.properties.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.modseq.model.command.Command;
import org.modseq.model.command.StoreAction;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;
import org.modseq.properties.engine.Gen;
import org.modseq.properties.engine.StatefulProperty;
import org.modseq.properties.sessions.ServerSessions;

/**
 * Client-sync convergence (issue 4): a {@link SyncingClient} that follows RFC 7162 §6 keeps one
 * mailbox in its cache while other sessions append, store (conditionally too), expunge, move
 * messages out and in and now and then recreate the mailbox; it loses its connection at random
 * points, mid-command included, and resynchronises with QRESYNC (with and without known-uids and
 * seq-match-data) or CONDSTORE alone. After every completed resynchronisation its cache must be
 * exactly the server's mailbox as a fresh session reads it ({@link ServerTruth}): UIDVALIDITY,
 * UIDs, flags, and a HIGHESTMODSEQ no higher than the server's. A server that lets such a client
 * miss a change fails, and the failure names the rule ({@link ConvergenceCheck}).
 *
 * <p>A resynchronisation is one step, so nothing changes while it runs, and the cache must then
 * match exactly; changes land between the client's steps, while it is connected (so held-back
 * updates and the HIGHESTMODSEQ the server sends meanwhile matter, R96, X40) and while it is away.
 */
public final class ConvergenceProperty implements StatefulProperty<ConvergenceProperty.World, SyncStep> {

    private static final String CLIENT = "S";
    private static final String TRUTH = "T";
    private static final List<Flag> FLAGS = List.of(Flag.SEEN, Flag.FLAGGED, Flag.ANSWERED, Flag.DELETED,
            Flag.of("$Label"), Flag.of("$MDNSent"));

    private final SyncTarget target;
    private final ModSeqTracking tracking;
    private final SyncCoverage coverage = new SyncCoverage();

    /** The property for a client that follows §6. */
    public ConvergenceProperty(SyncTarget target) {
        this(target, ModSeqTracking.SECTION_6);
    }

    /** The property for a client that tracks HIGHESTMODSEQ as {@code tracking} says. */
    public ConvergenceProperty(SyncTarget target, ModSeqTracking tracking) {
        this.target = target;
        this.tracking = tracking;
    }

    /** What the histories reached so far, across all tries. */
    public SyncCoverage coverage() {
        return coverage;
    }

    @Override
    public String name() {
        return (tracking == ModSeqTracking.SECTION_6 ? "a client following RFC 7162 section 6"
                : "a client caching each MODSEQ as it arrives") + " converges on " + target.name();
    }

    /** The server's sessions, the client, the truth reader and what the changing sessions know. */
    public static final class World {
        final SyncTarget target;
        final ServerSessions sessions;
        final SyncingClient client;
        final ServerTruth truth;
        /** Changing session to the mailbox it has selected. */
        final Map<String, String> selected = new HashMap<>();
        /** The highest UID seen in each mailbox, to draw UID sets from. */
        long highestUid;
        long highestOtherUid;
        /** The highest mod-sequence seen, to draw UNCHANGEDSINCE values near. */
        long highestModSeq;
        int tags;
        int messages;

        World(SyncTarget target, SyncCoverage coverage, ModSeqTracking tracking) {
            this.target = target;
            this.sessions = target.server().get();
            this.client = new SyncingClient(sessions, CLIENT, target.client(), target.mailbox(), coverage, tracking);
            this.truth = new ServerTruth(sessions, TRUTH, target.client(), target.mailbox());
        }

        List<String> changers() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < target.changers().size(); i++) {
                ids.add(changerId(i));
            }
            return ids;
        }

        /** Sends one command of a changing session and learns UIDs and mod-sequences from the answer. */
        boolean send(String id, Command command) {
            List<String> lines = sessions.send(id, "x" + ++tags, command);
            boolean ok = false;
            for (String line : lines) {
                Response response;
                try {
                    response = ResponseParser.parse(line);
                } catch (ResponseSyntaxException e) {
                    continue; // the client's answers are what this property judges
                }
                learn(response, command);
                ok = response instanceof Response.Status s && s.isTagged() && s.condition() == Response.Condition.OK;
            }
            return ok;
        }

        private void learn(Response response, Command command) {
            switch (response) {
                case Response.Status s when s.code().isPresent() -> {
                    switch (s.code().get()) {
                        case ResponseCode.HighestModSeq h -> highestModSeq = Math.max(highestModSeq, h.modSeq().value());
                        case ResponseCode.AppendUid a -> highestUid = Math.max(highestUid, a.uid().value());
                        case ResponseCode.CopyUid c when !c.destination().isEmpty() -> {
                            if (command instanceof Command.Move m && m.mailbox().equals(target.other())) {
                                highestOtherUid = Math.max(highestOtherUid, c.destination().max());
                            } else {
                                highestUid = Math.max(highestUid, c.destination().max());
                            }
                        }
                        default -> {
                        }
                    }
                }
                case Response.Fetch f -> f.attribute(FetchAttribute.ModSeqAttribute.class)
                        .ifPresent(m -> highestModSeq = Math.max(highestModSeq, m.modSeq().value()));
                default -> {
                }
            }
        }

        void select(String id, String mailbox) {
            if (!mailbox.equals(selected.get(id))) {
                selected.remove(id);
                if (send(id, new Command.Select(mailbox, false, Optional.empty()))) {
                    selected.put(id, mailbox);
                }
            }
        }

        void apply(String id, MailboxChange change) {
            String mailbox = target.mailbox();
            switch (change) {
                case MailboxChange.Append a -> send(id, new Command.Append(mailbox, a.flags(),
                        "Subject: message " + ++messages + "\r\n\r\nbody " + messages + "\r\n"));
                case MailboxChange.Store s -> {
                    select(id, mailbox);
                    send(id, new Command.Store(true, s.uids(), s.unchangedSince(), s.action(), s.silent(), s.flags()));
                }
                case MailboxChange.Expunge e -> {
                    select(id, mailbox);
                    send(id, new Command.Store(true, e.uids(), Optional.empty(), StoreAction.ADD, true,
                            Set.of(Flag.DELETED)));
                    switch (e.removal()) {
                        case EXPUNGE -> send(id, new Command.Expunge());
                        case UID_EXPUNGE -> send(id, new Command.UidExpunge(e.uids()));
                        case CLOSE -> {
                            send(id, new Command.Close());
                            selected.remove(id);
                        }
                    }
                }
                case MailboxChange.MoveOut m -> {
                    select(id, mailbox);
                    send(id, new Command.Move(true, m.uids(), target.other()));
                }
                case MailboxChange.MoveIn m -> {
                    select(id, target.other());
                    send(id, new Command.Move(true, m.uids(), mailbox));
                }
                case MailboxChange.Recreate r -> {
                    for (String changer : changers()) {
                        if (selected.remove(changer) != null) {
                            send(changer, new Command.Unselect());
                        }
                    }
                    if (send(id, new Command.Delete(mailbox))) {
                        send(id, new Command.Create(mailbox));
                        highestUid = 0;
                    }
                }
            }
        }
    }

    private static String changerId(int index) {
        return String.valueOf((char) ('B' + index));
    }

    @Override
    public World initialState() {
        World world = new World(target, coverage, tracking);
        for (int i = 0; i < target.changers().size(); i++) {
            String id = changerId(i);
            world.sessions.connect(id);
            Account account = target.changers().get(i);
            if (!world.send(id, new Command.Login(account.user(), account.password()))) {
                world.sessions.close();
                throw new IllegalStateException(target.name() + ": LOGIN as " + account.user() + " failed");
            }
        }
        String first = changerId(0);
        for (String mailbox : List.of(target.mailbox(), target.other())) {
            world.send(first, new Command.Delete(mailbox));
            if (!world.send(first, new Command.Create(mailbox))) {
                world.sessions.close();
                throw new IllegalStateException(target.name() + ": CREATE " + mailbox + " failed");
            }
        }
        return world;
    }

    @Override
    public Gen<SyncStep> commands(World world) {
        Gen<SyncStep> client = world.client.online()
                ? Gen.frequency(Gen.weighted(8, act(world)), Gen.weighted(1, Gen.constant(new SyncStep.HangUp())))
                : resync();
        Gen<SyncStep> change = Gen.elements(world.changers()).flatMap(id -> change(world).map(c ->
                (SyncStep) new SyncStep.Change(id, c)));
        return Gen.frequency(Gen.weighted(5, client), Gen.weighted(6, change));
    }

    @Override
    public boolean precondition(World world, SyncStep step) {
        return switch (step) {
            case SyncStep.Resync r -> !world.client.online();
            case SyncStep.Act a -> world.client.online();
            case SyncStep.HangUp h -> world.client.online();
            case SyncStep.Change c -> !(c.change() instanceof MailboxChange.Recreate) || !world.client.online();
        };
    }

    @Override
    public World run(World world, SyncStep step) {
        switch (step) {
            case SyncStep.Resync r -> {
                if (world.client.resync(r.plan(), r.loss())) {
                    check(world);
                }
            }
            case SyncStep.Act a -> world.client.act(a.action(), a.loss());
            case SyncStep.HangUp h -> {
                coverage.record(SyncCoverage.LOST_BETWEEN_COMMANDS);
                world.client.hangUp();
            }
            case SyncStep.Change c -> world.apply(c.session(), c.change());
        }
        return world;
    }

    /** After a completed resynchronisation: the cache must be the server's mailbox. */
    private void check(World world) {
        MailboxSnapshot server = world.truth.read();
        ClientCache cache = world.client.cache();
        List<ConvergenceCheck.Finding> findings = ConvergenceCheck.compare(cache, server, world.client.journal(),
                world.truth);
        coverage.record(SyncCoverage.CHECKED);
        if (!findings.isEmpty()) {
            throw new AssertionError(ConvergenceCheck.report(findings, cache, server, world.client.journal()));
        }
    }

    @Override
    public void cleanup(World world) {
        world.sessions.close();
    }

    // --- Generators ------------------------------------------------------------------------------

    private static Gen<ConnectionLoss> loss(int oneIn, int maxResponses) {
        return Gen.frequency(Gen.weighted(oneIn - 1, Gen.constant(ConnectionLoss.NEVER)),
                Gen.weighted(1, Gen.integers(0, maxResponses).map(ConnectionLoss::afterResponses)));
    }

    private static Gen<SyncStep> resync() {
        Gen<ResyncPlan> qresync = Gen.elements(List.of(ResyncPlan.KnownUids.values())).flatMap(known ->
                Gen.elements(List.of(0, 0, 1, 2, 3)).map(pairs -> (ResyncPlan) new ResyncPlan.Qresync(known, pairs)));
        Gen<ResyncPlan> condstore = Gen.elements(List.of(ResyncPlan.ExpungeFinder.values())).flatMap(finder ->
                Gen.booleans().map(byNumber -> (ResyncPlan) new ResyncPlan.Condstore(finder, !byNumber)));
        Gen<ResyncPlan> plan = Gen.frequency(Gen.weighted(3, qresync), Gen.weighted(2, condstore));
        return Gen.combine(plan, loss(4, 24), SyncStep.Resync::new);
    }

    private static Gen<SyncStep> act(World world) {
        List<Uid> cached = new ArrayList<>(world.client.cache().messages().keySet());
        Gen<ClientAction> mark = cached.isEmpty() ? Gen.constant(new ClientAction.Noop())
                : Gen.lists(Gen.integers(0, cached.size() - 1), 1, 3).flatMap(indexes -> storeAction()
                        .flatMap(action -> flags(1, 2).flatMap(flags -> Gen.booleans().flatMap(silent ->
                                Gen.booleans().map(conditional -> (ClientAction) new ClientAction.Mark(
                                        new TreeSet<>(indexes).stream().map(cached::get).toList(), action, flags,
                                        silent, conditional))))));
        Gen<ClientAction> action = Gen.frequency(
                Gen.weighted(3, Gen.constant(new ClientAction.Noop())),
                Gen.weighted(2, Gen.constant(new ClientAction.Idle())),
                Gen.weighted(world.client.awaitsNewMessages() ? 8 : 1, Gen.constant(new ClientAction.FetchNew())),
                Gen.weighted(2, Gen.constant(new ClientAction.Poll())),
                Gen.weighted(cached.isEmpty() ? 0 : 4, mark),
                Gen.weighted(1, Gen.constant(new ClientAction.ExpungeDeleted())));
        return Gen.combine(action, loss(6, 8), SyncStep.Act::new);
    }

    private static Gen<StoreAction> storeAction() {
        return Gen.frequency(Gen.weighted(3, Gen.constant(StoreAction.ADD)),
                Gen.weighted(2, Gen.constant(StoreAction.REMOVE)), Gen.weighted(1, Gen.constant(StoreAction.REPLACE)));
    }

    private static Gen<Set<Flag>> flags(int min, int max) {
        return Gen.lists(Gen.elements(FLAGS), min, max).map(Set::copyOf);
    }

    /** UIDs up to one past the highest seen, singly or in short ranges, or {@code 1:*}. */
    private static Gen<SequenceSet> uids(long highest) {
        if (highest == 0) {
            return Gen.constant(SequenceSet.parse("1:*"));
        }
        Gen<NumberSet> item = Gen.integers(1L, highest + 1).flatMap(first -> Gen.integers(0L, 2L)
                .map(extra -> NumberSet.range(first, first + extra)));
        return Gen.frequency(
                Gen.weighted(6, Gen.lists(item, 1, 3).map(items -> {
                    NumberSet all = NumberSet.EMPTY;
                    for (NumberSet s : items) {
                        all = all.union(s);
                    }
                    return SequenceSet.of(all);
                })),
                Gen.weighted(1, Gen.constant(SequenceSet.parse("1:*"))));
    }

    private Gen<MailboxChange> change(World world) {
        Gen<Optional<ModSeq>> unchangedSince = Gen.frequency(Gen.weighted(2, Gen.constant(Optional.<ModSeq>empty())),
                Gen.weighted(1, Gen.integers(0L, world.highestModSeq + 1).map(m -> Optional.of(ModSeq.of(m)))));
        Gen<MailboxChange> store = uids(world.highestUid).flatMap(set -> unchangedSince.flatMap(since ->
                storeAction().flatMap(action -> Gen.booleans().flatMap(silent -> flags(1, 3).map(flags ->
                        (MailboxChange) new MailboxChange.Store(set, since, action, silent, flags))))));
        Gen<MailboxChange> expunge = uids(world.highestUid).flatMap(set ->
                Gen.elements(List.of(MailboxChange.Removal.values())).map(r -> new MailboxChange.Expunge(set, r)));
        return Gen.frequency(
                Gen.weighted(5, flags(0, 2).map(MailboxChange.Append::new)),
                Gen.weighted(6, store),
                Gen.weighted(3, expunge),
                Gen.weighted(2, uids(world.highestUid).map(MailboxChange.MoveOut::new)),
                Gen.weighted(world.highestOtherUid > 0 ? 1 : 0, uids(world.highestOtherUid).map(MailboxChange.MoveIn::new)),
                Gen.weighted(world.client.online() ? 0 : 1, Gen.constant(new MailboxChange.Recreate())));
    }

    @Override
    public String describe(SyncStep step) {
        return switch (step) {
            case SyncStep.Resync r -> "client: resync " + r.plan() + ", " + r.loss();
            case SyncStep.Act a -> "client: " + a.action() + ", " + a.loss();
            case SyncStep.HangUp h -> "client: connection lost";
            case SyncStep.Change c -> c.session() + ": " + c.change();
        };
    }
}
