package org.modseq.properties.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.modseq.model.command.Command;
import org.modseq.model.command.FetchItem;
import org.modseq.model.command.SearchKey;
import org.modseq.model.command.SelectParameter;
import org.modseq.model.command.StoreAction;
import org.modseq.model.judge.Rule;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.ModSeq;
import org.modseq.model.mailbox.Uid;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.FetchAttribute;
import org.modseq.model.response.Response;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.rfc.Requirement;
import org.modseq.model.set.NumberSet;
import org.modseq.model.set.SequenceSet;
import org.modseq.model.wire.ResponseParser;
import org.modseq.model.wire.ResponseSyntaxException;
import org.modseq.properties.sessions.ServerSessions;

/**
 * A disconnected mail client that follows RFC 7162 §6 to the letter: it caches the UIDs and
 * flags of one mailbox and a HIGHESTMODSEQ ({@link ClientCache}), loses its connection whenever
 * it is told to ({@link ConnectionLoss}), and resynchronises with {@code SELECT ... (QRESYNC
 * ...)} or, when it chooses or must, with CONDSTORE alone ({@link ResyncPlan}). It speaks
 * through {@link ServerSessions}, so it runs against any server, and reads every answer with
 * {@link ResponseParser}.
 *
 * <p>The cached HIGHESTMODSEQ moves only as §6 says (R102):
 * <ul>
 *   <li>a synchronisation caches the value of the SELECT's HIGHESTMODSEQ response code once it is
 *       complete, that is, after the new messages are fetched; before that, nothing;</li>
 *   <li>after it, at each tagged response: the last HIGHESTMODSEQ response code received since the
 *       previous tagged response, even when it is lower than MODSEQ values seen meanwhile (X40);
 *       without one, the highest MODSEQ of the FETCH responses received since the previous tagged
 *       response, if it is higher than the cached value. Never at an untagged FETCH as it arrives,
 *       since later responses of the same command may still report older changes;</li>
 *   <li>NOMODSEQ forgets it, and so does a new UIDVALIDITY, which also empties the cache (R27).</li>
 * </ul>
 * The client records every update a server sends it (R88): EXPUNGE and VANISHED renumber its
 * view of the mailbox, VANISHED (EARLIER) does not (R83), and both drop the UIDs from the cache.
 * New messages are found by UID range, whatever their mod-sequences.
 */
public final class SyncingClient {

    private final ServerSessions sessions;
    private final String sessionId;
    private final Account account;
    private final String mailbox;
    private final SyncJournal journal = new SyncJournal();
    private ClientCache cache = ClientCache.EMPTY;
    /** The open connection, or null before the first one. */
    private Link link;
    /** Responses left to read before the connection breaks; negative for no planned loss. */
    private int budget = -1;
    private int tags;
    private final SyncCoverage coverage;
    private final ModSeqTracking tracking;

    /**
     * A client of {@code mailbox}, as {@code account}, on session {@code sessionId} of
     * {@code sessions}, recording what it reaches in {@code coverage}.
     */
    public SyncingClient(ServerSessions sessions, String sessionId, Account account, String mailbox,
            SyncCoverage coverage, ModSeqTracking tracking) {
        this.sessions = sessions;
        this.sessionId = sessionId;
        this.account = account;
        this.mailbox = mailbox;
        this.coverage = coverage;
        this.tracking = tracking;
    }

    /** The connection broke while the client was reading: thrown out of {@link #exchange}. */
    private static final class LinkLost extends RuntimeException {
        LinkLost() {
            super(null, null, false, false);
        }
    }

    /** What the client knows of its current connection; a new connection starts a new one. */
    private static final class Link {
        boolean loggedIn;
        final Set<String> capabilities = new HashSet<>();
        /** ENABLE QRESYNC was answered with ENABLED QRESYNC (R63). */
        boolean qresync;
        /** The synchronisation of this connection is complete: §6's tracking applies (R102). */
        boolean synced;
        /** Message number n holds the UID at n - 1; 0 while the client does not know it. */
        final List<Long> view = new ArrayList<>();
        UidValidity selectedUidValidity;
        ModSeq selectedHighestModSeq;
        boolean noModSeq;
        boolean vanishedEarlierSeen;

        // Since the last tagged response (§6):
        ModSeq code;
        String codeSource;
        ModSeq highestFetched;
        String highestFetchedSource;

        // Of the current command:
        Command command;
        final Set<Uid> fetchedUids = new HashSet<>();
        final Set<Uid> flaggedUids = new HashSet<>();
        final Set<Uid> modSeqOnlyUids = new HashSet<>();
        List<Long> searchResult;
        NumberSet modified = NumberSet.EMPTY;
        Response.Status tagged;

        boolean has(String capability) {
            return capabilities.contains(capability);
        }

        void beginCommand(Command sent) {
            command = sent;
            fetchedUids.clear();
            flaggedUids.clear();
            modSeqOnlyUids.clear();
            searchResult = null;
            modified = NumberSet.EMPTY;
            tagged = null;
        }

        void sinceTaggedCleared() {
            code = null;
            codeSource = null;
            highestFetched = null;
            highestFetchedSource = null;
        }

        long unknownSlots() {
            return view.stream().filter(u -> u == 0).count();
        }
    }

    /** The cache as it stands. */
    public ClientCache cache() {
        return cache;
    }

    /** Why the cache holds what it holds. */
    public SyncJournal journal() {
        return journal;
    }

    /** Connected and synchronised: the client acts and is told of changes. */
    public boolean online() {
        return link != null && link.synced;
    }

    /** Connected with messages announced by EXISTS whose UIDs it has not fetched yet. */
    public boolean awaitsNewMessages() {
        return online() && link.unknownSlots() > 0;
    }

    /** Whether the connection has QRESYNC enabled. */
    public boolean qresyncEnabled() {
        return link != null && link.qresync;
    }

    /**
     * Connects (or uses the connection opened when the last one broke), logs in and
     * synchronises by {@code plan}, reading at most as many responses as {@code loss} allows.
     *
     * @return true when the synchronisation completed; the connection may still have been lost
     *     at its end, as {@code loss} planned
     * @throws AssertionError when the server refuses a step that a conforming server accepts, or
     *     sends a response that breaks the grammar
     */
    public boolean resync(ResyncPlan plan, ConnectionLoss loss) {
        if (online()) {
            throw new IllegalStateException("the client is already synchronised");
        }
        budget = loss.afterResponses().orElse(-1);
        try {
            if (link == null || link.loggedIn) {
                openLink();
            }
            logIn();
            synchronise(plan);
        } catch (LinkLost lost) {
            coverage.record(SyncCoverage.LOST_MID_RESYNC);
            hangUp();
            return false;
        }
        finishStep(loss);
        return true;
    }

    /**
     * One action of the synchronised client.
     *
     * @return false when the connection was lost during the action (it may have been lost after
     *     it too, as {@code loss} planned)
     */
    public boolean act(ClientAction action, ConnectionLoss loss) {
        if (!online()) {
            throw new IllegalStateException("the client is not synchronised");
        }
        budget = loss.afterResponses().orElse(-1);
        try {
            switch (action) {
                case ClientAction.Noop n -> exchangeOk(new Command.Noop());
                case ClientAction.Idle i -> exchangeOk(new Command.Idle());
                case ClientAction.FetchNew f -> fetchNew(cache.knownBelow(), NumberSet.EMPTY);
                case ClientAction.Poll p -> poll();
                case ClientAction.Mark m -> mark(m);
                case ClientAction.ExpungeDeleted e -> expungeDeleted();
            }
        } catch (LinkLost lost) {
            coverage.record(SyncCoverage.LOST_MID_COMMAND);
            hangUp();
            return false;
        }
        finishStep(loss);
        return true;
    }

    /**
     * The connection breaks between two commands. The client opens the next one at once (and
     * reads its greeting), so that the server sees the old one end now; it logs in at its next
     * resynchronisation.
     */
    public void hangUp() {
        budget = -1;
        openLink();
    }

    /** A loss planned beyond the step's last response happens when the step ends. */
    private void finishStep(ConnectionLoss loss) {
        budget = -1;
        if (loss.afterResponses().isPresent()) {
            coverage.record(SyncCoverage.LOST_BETWEEN_COMMANDS);
            hangUp();
        }
    }

    private void openLink() {
        link = new Link();
        for (String line : sessions.connect(sessionId)) {
            parse(line, "(greeting)");
        }
    }

    private void logIn() {
        exchangeOk(new Command.Login(account.user(), account.password()));
        exchangeOk(new Command.Capability());
        link.loggedIn = true;
    }

    // --- Synchronisation (RFC 7162 §6, RFC 4549 §3 and §6.1) ---------------------------------------

    private void synchronise(ResyncPlan plan) {
        boolean serverQresync = link.has("QRESYNC");
        // R58: QRESYNC implies CONDSTORE even when CONDSTORE is not advertised.
        boolean serverCondstore = serverQresync || link.has("CONDSTORE");
        ResyncPlan effective = plan instanceof ResyncPlan.Qresync && !serverQresync
                ? new ResyncPlan.Condstore(ResyncPlan.ExpungeFinder.UID_SEARCH, true) : plan;
        if (effective instanceof ResyncPlan.Qresync) {
            // R62: a client that uses QRESYNC enables it once authenticated; R63: only an ENABLED
            // answer makes the QRESYNC select parameter and the VANISHED modifier valid.
            exchangeOk(new Command.Enable(List.of("QRESYNC")));
            if (!link.qresync) {
                effective = new ResyncPlan.Condstore(ResyncPlan.ExpungeFinder.UID_SEARCH, true);
            }
        }
        boolean incremental = cache.uidValidity().isPresent() && cache.highestModSeq().isPresent()
                && serverCondstore;
        Optional<SelectParameter> parameter = Optional.empty();
        Optional<NumberSet> knownUids = Optional.empty();
        long seqMatchTop = 0;
        if (incremental && effective instanceof ResyncPlan.Qresync q) {
            knownUids = knownUids(q.knownUids());
            Optional<SelectParameter.SeqMatch> seqMatch = seqMatch(q.seqMatchPairs());
            seqMatchTop = seqMatch.map(m -> m.uids().toNumberSet().max()).orElse(0L);
            parameter = Optional.of(new SelectParameter.Qresync(cache.uidValidity().get().value(),
                    cache.highestModSeq().get(), knownUids.map(SequenceSet::of), seqMatch));
        } else if (serverCondstore) {
            parameter = Optional.of(new SelectParameter.Condstore());
        }
        journal.resyncStarted(incremental ? cache.highestModSeq() : Optional.empty(),
                parameter.orElse(null) instanceof SelectParameter.Qresync, knownUids, seqMatchTop);
        Command select = new Command.Select(mailbox, false, parameter);
        journal.resyncCommand(select.toWire());
        exchangeOk(select);
        if (link.selectedUidValidity == null) {
            throw new AssertionError("SELECT " + mailbox + " succeeded without an OK [UIDVALIDITY] response"
                    + " (RFC 3501 section 6.3.1 requires one)");
        }
        UidValidity uidValidity = link.selectedUidValidity;
        if (!cache.uidValidity().equals(Optional.of(uidValidity))) {
            // §6 step 1a, R27: a new UIDVALIDITY empties the cache and forgets HIGHESTMODSEQ.
            if (cache.uidValidity().isPresent()) {
                coverage.record(SyncCoverage.UIDVALIDITY_CHANGED);
            }
            journal.highestModSeqCached(Optional.empty(), cache.uidValidity().isEmpty()
                    ? "first synchronisation, under UIDVALIDITY " + uidValidity
                    : "UIDVALIDITY " + uidValidity + " replaces " + cache.uidValidity().get()
                            + ": cache emptied (section 6 step 1a, R27)");
            cache = cache.startedOver(uidValidity);
            journal.forgetAll();
            journal.resyncInFull();
            incremental = false;
        }
        if (link.noModSeq || link.selectedHighestModSeq == null) {
            // §6: NOMODSEQ on a QRESYNC SELECT removes the cached HIGHESTMODSEQ; and the answer
            // stands for the changes only when the server "also returns the HIGHESTMODSEQ
            // response code". Either way the client synchronises in full.
            cache = cache.withHighestModSeq(Optional.empty());
            journal.highestModSeqCached(Optional.empty(), link.noModSeq ? "NOMODSEQ from SELECT (section 6)"
                    : "no HIGHESTMODSEQ from SELECT (section 6)");
            journal.resyncInFull();
            incremental = false;
        }
        NumberSet alsoFetch = NumberSet.EMPTY;
        if (incremental && parameter.get() instanceof SelectParameter.Qresync) {
            // The UIDs below knownBelow are all the messages below it; they come first in the view.
            List<Uid> complete = new ArrayList<>(cache.completePart().keySet());
            for (int i = 0; i < complete.size() && i < link.view.size(); i++) {
                link.view.set(i, complete.get(i).value());
            }
        } else if (incremental) {
            alsoFetch = condstoreChanges((ResyncPlan.Condstore) effective, cache.highestModSeq().get());
        }
        fetchNew(incremental ? cache.knownBelow() : 1, alsoFetch);
        coverage.record(resyncKind(incremental, parameter, effective));
        link.synced = true;
        // The value from the mailbox opening (section 6), whatever codes came after it.
        Optional<ModSeq> highest = link.noModSeq ? Optional.empty() : Optional.ofNullable(link.selectedHighestModSeq);
        cache = cache.withHighestModSeq(highest);
        journal.highestModSeqCached(highest, "HIGHESTMODSEQ of the SELECT, cached once the synchronisation"
                + " completed (section 6)");
        link.sinceTaggedCleared();
    }

    private String resyncKind(boolean incremental, Optional<SelectParameter> parameter, ResyncPlan plan) {
        if (!incremental) {
            return SyncCoverage.FULL_SYNC;
        }
        if (parameter.get() instanceof SelectParameter.Qresync q) {
            if (q.seqMatch().isPresent()) {
                coverage.record(SyncCoverage.QRESYNC_SEQ_MATCH);
            }
            if (link.vanishedEarlierSeen) {
                coverage.record(SyncCoverage.QRESYNC_VANISHED);
            }
            return q.knownUids().isEmpty() ? SyncCoverage.QRESYNC_KNOWN_UIDS_OMITTED
                    : ((ResyncPlan.Qresync) plan).knownUids() == ResyncPlan.KnownUids.EXACT
                    ? SyncCoverage.QRESYNC_KNOWN_UIDS_EXACT : SyncCoverage.QRESYNC_KNOWN_UIDS_RANGE;
        }
        ResyncPlan.Condstore condstore = (ResyncPlan.Condstore) plan;
        if (!condstore.uidFetch()) {
            coverage.record(SyncCoverage.CONDSTORE_BY_NUMBER);
        }
        return condstore.finder() == ResyncPlan.ExpungeFinder.UID_SEARCH ? SyncCoverage.CONDSTORE_UID_SEARCH
                : SyncCoverage.CONDSTORE_UID_FETCH;
    }

    /** The known-uids to send: none, the cached UIDs, or a range up to the highest of them. */
    private Optional<NumberSet> knownUids(ResyncPlan.KnownUids choice) {
        if (cache.messages().isEmpty()) {
            return Optional.empty();
        }
        return switch (choice) {
            case OMITTED -> Optional.empty();
            case EXACT -> Optional.of(NumberSet.of(cache.messages().keySet().stream().map(Uid::value).toList()));
            case RANGE -> Optional.of(NumberSet.range(1, cache.messages().lastKey().value()));
        };
    }

    /**
     * R72, R73: pairs of message number and UID as the client believes them, taken evenly from the
     * part of the cache it knows completely, where message n is the n-th UID. A pair above that
     * part could match by chance while the client misses a message below it.
     */
    private Optional<SelectParameter.SeqMatch> seqMatch(int pairs) {
        List<Uid> complete = new ArrayList<>(cache.completePart().keySet());
        if (pairs == 0 || complete.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Integer> positions = new TreeSet<>();
        for (int j = 1; j <= pairs; j++) {
            positions.add((int) Math.ceil((double) j * complete.size() / pairs));
        }
        List<Long> numbers = new ArrayList<>();
        List<Long> uids = new ArrayList<>();
        for (int position : positions) {
            numbers.add((long) position);
            uids.add(complete.get(position - 1).value());
        }
        return Optional.of(new SelectParameter.SeqMatch(SequenceSet.of(NumberSet.of(numbers)),
                SequenceSet.of(NumberSet.of(uids))));
    }

    /**
     * The CONDSTORE-only way (R28, X30): which cached messages are gone, by a UID SEARCH or UID
     * FETCH of everything, and which changed, by CHANGEDSINCE. Returns the UIDs below
     * knownBelow that the server has and the cache lacks, to fetch with the new messages.
     */
    private NumberSet condstoreChanges(ResyncPlan.Condstore plan, ModSeq since) {
        Set<Long> present = new HashSet<>();
        String finder;
        if (plan.finder() == ResyncPlan.ExpungeFinder.UID_SEARCH) {
            Command search = new Command.Search(true, Optional.empty(), new SearchKey.All());
            finder = search.toWire();
            journal.resyncCommand(finder);
            exchangeOk(search);
            List<Long> result = link.searchResult == null ? List.of() : link.searchResult;
            present.addAll(result);
            if (result.size() == link.view.size()) {
                List<Long> sorted = result.stream().sorted().toList();
                for (int i = 0; i < sorted.size(); i++) {
                    link.view.set(i, sorted.get(i));
                }
            }
        } else {
            Command fetch = new Command.Fetch(true, SequenceSet.parse("1:*"), List.of(FetchItem.UID), Optional.empty(),
                    false);
            finder = fetch.toWire();
            journal.resyncCommand(finder);
            exchangeOk(fetch);
            link.fetchedUids.forEach(u -> present.add(u.value()));
        }
        for (Uid uid : List.copyOf(cache.messages().keySet())) {
            if (!present.contains(uid.value())) {
                cache = cache.withoutMessage(uid);
                journal.removed(uid, new SyncJournal.Removal("absent from the answer to " + finder,
                        List.of(Rule.rfc(plan.finder() == ResyncPlan.ExpungeFinder.UID_SEARCH ? "RFC 3501 §6.4.4"
                                : "RFC 3501 §6.4.8"))));
            }
        }
        boolean byUid = plan.uidFetch() || link.unknownSlots() > 0;
        if (byUid || !link.view.isEmpty()) {
            Command changes = new Command.Fetch(byUid, SequenceSet.parse("1:*"), List.of(FetchItem.FLAGS),
                    Optional.of(since), false);
            journal.resyncCommand(changes.toWire());
            exchangeOk(changes);
        }
        List<Long> missing = new ArrayList<>();
        for (long uid : present) {
            if (uid < cache.knownBelow() && !cache.messages().containsKey(Uid.of(uid))) {
                missing.add(uid);
            }
        }
        return NumberSet.of(missing);
    }

    /**
     * §6 step 2, "discover new messages": {@code UID FETCH <from>:* (FLAGS)}, with {@code also}
     * the UIDs below {@code from} to fetch too. Every message at or above {@code from} is in the
     * answer, so cached UIDs there that are not are gone, and the cache is complete up to the
     * highest UID returned.
     */
    private void fetchNew(long from, NumberSet also) {
        SequenceSet set = also.isEmpty() ? SequenceSet.parse(from + ":*")
                : SequenceSet.parse(also.toWire() + "," + from + ":*");
        Command fetch = new Command.Fetch(true, set, List.of(FetchItem.FLAGS), Optional.empty(), false);
        if (!link.synced) {
            journal.resyncCommand(fetch.toWire());
        }
        exchangeOk(fetch);
        long top = from - 1;
        for (Uid uid : link.flaggedUids) {
            top = Math.max(top, uid.value());
        }
        for (Uid uid : List.copyOf(cache.messages().keySet())) {
            if (uid.value() >= from && !link.flaggedUids.contains(uid)) {
                cache = cache.withoutMessage(uid);
                journal.removed(uid, new SyncJournal.Removal("not in the answer to " + fetch.toWire(),
                        List.of(Rule.rfc("RFC 3501 §6.4.8"))));
            }
        }
        cache = cache.withKnownBelow(Math.max(cache.knownBelow(), top + 1));
    }

    // --- Actions while synchronised ---------------------------------------------------------------

    private void poll() {
        Optional<ModSeq> since = cache.highestModSeq();
        if (since.isEmpty()) {
            exchangeOk(new Command.Noop());
            return;
        }
        exchangeOk(new Command.Fetch(true, SequenceSet.parse("1:*"), List.of(FetchItem.FLAGS), since, link.qresync));
    }

    private void mark(ClientAction.Mark mark) {
        Optional<ModSeq> unchangedSince = mark.conditional() ? cache.highestModSeq() : Optional.empty();
        NumberSet uids = NumberSet.of(mark.uids().stream().map(Uid::value).toList());
        Command store = new Command.Store(true, SequenceSet.of(uids), unchangedSince, mark.action(), mark.silent(),
                mark.flags());
        List<Response> responses = exchange(store);
        Response.Condition condition = link.tagged.condition();
        if (condition == Response.Condition.BAD) {
            throw new AssertionError("the server answered BAD to " + store.toWire() + ": " + link.tagged.toWire());
        }
        // A .SILENT STORE leaves out FLAGS (R33): the client knows what it stored on the messages
        // that were not MODIFIED and for which no FETCH gave the flags.
        if (mark.silent()) {
            for (Uid uid : mark.uids()) {
                boolean stored = unchangedSince.isEmpty() ? !link.modified.contains(uid.value())
                        : link.modSeqOnlyUids.contains(uid);
                if (stored && !link.flaggedUids.contains(uid) && cache.messages().containsKey(uid)) {
                    cache = cache.withMessage(uid, applied(cache.messages().get(uid), mark.action(), mark.flags()));
                    journal.flagsFrom(uid, "its own " + store.toWire() + " (" + responses.size() + " responses)");
                }
            }
        }
    }

    private static Set<Flag> applied(Set<Flag> flags, StoreAction action, Set<Flag> change) {
        Set<Flag> next = new HashSet<>(flags);
        switch (action) {
            case ADD -> next.addAll(change);
            case REMOVE -> next.removeAll(change);
            case REPLACE -> {
                next.clear();
                next.addAll(change);
            }
        }
        return next;
    }

    private void expungeDeleted() {
        List<Long> deleted = cache.messages().entrySet().stream()
                .filter(e -> e.getValue().contains(Flag.DELETED)).map(e -> e.getKey().value()).toList();
        Command command = deleted.isEmpty() || !link.has("UIDPLUS") ? new Command.Expunge()
                : new Command.UidExpunge(SequenceSet.of(NumberSet.of(deleted)));
        exchangeOk(command);
    }

    // --- Reading responses --------------------------------------------------------------------

    /** Sends one command and reads its responses, acting on each as it comes. */
    private List<Response> exchange(Command command) {
        String tag = "c" + ++tags;
        String what = tag + " " + describe(command);
        List<String> lines = sessions.send(sessionId, tag, command);
        link.beginCommand(command);
        List<Response> responses = new ArrayList<>(lines.size());
        for (String line : lines) {
            if (budget == 0) {
                throw new LinkLost();
            }
            if (budget > 0) {
                budget--;
            }
            Response response = parse(line, what);
            receive(response, tag, what);
            responses.add(response);
        }
        return responses;
    }

    private static Response parse(String line, String what) {
        try {
            return ResponseParser.parse(line);
        } catch (ResponseSyntaxException e) {
            throw new AssertionError("the server's response to " + what + " breaks the grammar: " + line + "\n  "
                    + e.getMessage(), e);
        }
    }

    private void receive(Response response, String tag, String what) {
        String source = "'" + brief(response.toWire()) + "' in reply to " + what;
        switch (response) {
            case Response.Exists exists -> {
                while (link.view.size() < exists.count()) {
                    link.view.add(0L);
                }
            }
            case Response.Expunge expunge -> expunged(expunge.messageNumber(), source);
            case Response.Vanished vanished -> vanished(vanished, source);
            case Response.Fetch fetch -> fetched(fetch, source);
            case Response.Search search -> link.searchResult = search.numbers();
            case Response.Enabled enabled -> {
                if (enabled.capabilities().stream().anyMatch(c -> c.equalsIgnoreCase("QRESYNC"))) {
                    link.qresync = true;
                }
            }
            case Response.CapabilityData data -> data.capabilities()
                    .forEach(c -> link.capabilities.add(c.toUpperCase(Locale.ROOT)));
            case Response.Status status -> status(status, tag, source);
            default -> {
                // FLAGS, RECENT, LIST and the like change nothing the client caches.
            }
        }
    }

    private void status(Response.Status status, String tag, String source) {
        if (status.code().isPresent()) {
            switch (status.code().get()) {
                case ResponseCode.HighestModSeq h -> {
                    link.code = h.modSeq();
                    link.codeSource = source;
                    if (link.command instanceof Command.Select) {
                        link.selectedHighestModSeq = h.modSeq();
                    }
                }
                case ResponseCode.NoModSeq n -> link.noModSeq = true;
                case ResponseCode.UidValidityCode u -> link.selectedUidValidity = u.uidValidity();
                case ResponseCode.Modified m -> link.modified = m.set();
                case ResponseCode.Unmodelled u when u.name().equals("CAPABILITY") -> {
                    for (String c : u.arguments().split(" ")) {
                        link.capabilities.add(c.toUpperCase(Locale.ROOT));
                    }
                }
                default -> {
                    // The other codes say nothing about the cache.
                }
            }
        }
        if (status.tag().filter(tag::equals).isPresent()) {
            link.tagged = status;
            taggedResponse();
        }
    }

    /** R102, §6: the HIGHESTMODSEQ code, else the highest MODSEQ, is taken at the tagged response only. */
    private void taggedResponse() {
        if (link.synced && !link.noModSeq && tracking == ModSeqTracking.SECTION_6) {
            Optional<ModSeq> cached = cache.highestModSeq();
            if (link.code != null) {
                cache = cache.withHighestModSeq(Optional.of(link.code));
                journal.highestModSeqCached(cache.highestModSeq(), "HIGHESTMODSEQ response code " + link.codeSource
                        + ", taken at the tagged response even over higher MODSEQs (R102)");
                coverage.record(link.highestFetched != null && link.highestFetched.isAfter(link.code)
                        ? SyncCoverage.CACHED_FROM_LOWER_CODE : SyncCoverage.CACHED_FROM_CODE);
            } else if (link.highestFetched != null && cached.isPresent() && link.highestFetched.isAfter(cached.get())) {
                cache = cache.withHighestModSeq(Optional.of(link.highestFetched));
                journal.highestModSeqCached(cache.highestModSeq(), "highest MODSEQ since the last tagged response, "
                        + link.highestFetchedSource + ", taken at the tagged response (R102)");
                coverage.record(SyncCoverage.CACHED_FROM_FETCH);
            }
        }
        if (link.synced && !link.noModSeq && tracking == ModSeqTracking.AS_FETCHES_ARRIVE && link.code != null
                && cache.highestModSeq().isPresent() && link.code.isAfter(cache.highestModSeq().get())) {
            cache = cache.withHighestModSeq(Optional.of(link.code));
            journal.highestModSeqCached(cache.highestModSeq(), "HIGHESTMODSEQ response code " + link.codeSource
                    + ", taken only because it is higher (unsafe, section 6)");
        }
        link.sinceTaggedCleared();
    }

    private void fetched(Response.Fetch fetch, String source) {
        long number = fetch.messageNumber();
        Optional<Uid> told = fetch.attribute(FetchAttribute.UidAttribute.class).map(FetchAttribute.UidAttribute::uid);
        if (told.isPresent() && number >= 1 && number <= link.view.size()) {
            link.view.set((int) number - 1, told.get().value());
        }
        Uid uid = told.orElseGet(() -> number >= 1 && number <= link.view.size() && link.view.get((int) number - 1) != 0
                ? Uid.of(link.view.get((int) number - 1)) : null);
        Optional<ModSeq> modSeq = fetch.attribute(FetchAttribute.ModSeqAttribute.class)
                .map(FetchAttribute.ModSeqAttribute::modSeq);
        if (modSeq.isPresent() && (link.highestFetched == null || modSeq.get().isAfter(link.highestFetched))) {
            link.highestFetched = modSeq.get();
            link.highestFetchedSource = source;
        }
        if (modSeq.isPresent() && tracking == ModSeqTracking.AS_FETCHES_ARRIVE && link.synced && !link.noModSeq
                && cache.highestModSeq().isPresent() && modSeq.get().isAfter(cache.highestModSeq().get())) {
            cache = cache.withHighestModSeq(modSeq);
            journal.highestModSeqCached(modSeq, "MODSEQ " + source + ", taken as it arrived (unsafe, section 6)");
        }
        if (uid == null) {
            // A message announced by EXISTS whose UID the client has not fetched yet: it is above
            // knownBelow, so fetching the new messages brings its flags.
            return;
        }
        link.fetchedUids.add(uid);
        Optional<Set<Flag>> flags = fetch.attribute(FetchAttribute.Flags.class).map(FetchAttribute.Flags::flags);
        if (flags.isPresent()) {
            cache = cache.withMessage(uid, ClientCache.withoutRecent(flags.get()));
            journal.flagsFrom(uid, source);
            link.flaggedUids.add(uid);
        } else if (modSeq.isPresent()) {
            link.modSeqOnlyUids.add(uid);
        }
    }

    /** RFC 3501 §7.4.1: message n is gone and the later ones move down. */
    private void expunged(long number, String source) {
        if (number < 1 || number > link.view.size()) {
            return;
        }
        long uid = link.view.remove((int) number - 1);
        if (uid != 0) {
            dropFromCache(Uid.of(uid), new SyncJournal.Removal(source, List.of(Rule.rfc("RFC 3501 §7.4.1"))));
        }
    }

    /**
     * R88: the UIDs leave the cache. Without EARLIER they leave the view too, renumbering it
     * (R84); with EARLIER message numbers stay (R83).
     */
    private void vanished(Response.Vanished vanished, String source) {
        // R78: VANISHED (EARLIER) names only expunged UIDs; R85: VANISHED only visible ones.
        SyncJournal.Removal why = new SyncJournal.Removal(source,
                List.of(Rule.of(vanished.earlier() ? Requirement.R78 : Requirement.R85)));
        for (Uid uid : List.copyOf(cache.messages().keySet())) {
            if (vanished.uids().contains(uid.value())) {
                dropFromCache(uid, why);
            }
        }
        if (vanished.earlier()) {
            link.vanishedEarlierSeen = true;
            return;
        }
        NumberSet unplaced = vanished.uids();
        for (int i = link.view.size() - 1; i >= 0; i--) {
            long uid = link.view.get(i);
            if (uid != 0 && vanished.uids().contains(uid)) {
                link.view.remove(i);
                unplaced = unplaced.minus(NumberSet.of(uid));
            }
        }
        // UIDs of messages announced by EXISTS that the client has not fetched: each takes the
        // unknown slot whose known neighbours bracket it (UIDs ascend with message numbers).
        if (unplaced.size() <= link.view.size()) {
            for (long uid : unplaced) {
                removeUnknownSlot(uid);
            }
        }
    }

    private void removeUnknownSlot(long uid) {
        long below = 0;
        for (int i = 0; i < link.view.size(); i++) {
            long slot = link.view.get(i);
            if (slot != 0) {
                if (slot > uid) {
                    return;
                }
                below = slot;
            } else if (below < uid && nextKnownAbove(i, uid)) {
                link.view.remove(i);
                return;
            }
        }
    }

    /** Whether the first known UID after slot {@code i}, if any, is above {@code uid}. */
    private boolean nextKnownAbove(int i, long uid) {
        for (int j = i + 1; j < link.view.size(); j++) {
            if (link.view.get(j) != 0) {
                return link.view.get(j) > uid;
            }
        }
        return true;
    }

    private void dropFromCache(Uid uid, SyncJournal.Removal source) {
        if (cache.messages().containsKey(uid)) {
            cache = cache.withoutMessage(uid);
            journal.removed(uid, source);
        }
    }

    /** Sends a command that a conforming server accepts in this state, and reads its responses. */
    private List<Response> exchangeOk(Command command) {
        List<Response> responses = exchange(command);
        if (link.tagged == null || link.tagged.condition() != Response.Condition.OK) {
            throw new AssertionError("the server did not accept " + describe(command)
                    + ", which a conforming server does: "
                    + (link.tagged == null ? "no tagged response" : link.tagged.toWire()));
        }
        return responses;
    }

    /** A command as a report shows it: its wire text, without a password. */
    static String describe(Command command) {
        return command instanceof Command.Login login ? "LOGIN " + login.user() + " ..." : brief(command.toWire());
    }

    private static String brief(String wire) {
        String flat = wire.replace("\r\n", "\\r\\n");
        return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
    }
}
