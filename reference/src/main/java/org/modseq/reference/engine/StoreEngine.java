package org.modseq.reference.engine;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.modseq.model.command.Command;
import org.modseq.model.content.ContentRenderer;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.model.mailbox.UidValidity;
import org.modseq.model.response.Response;
import org.modseq.model.response.Response.Condition;
import org.modseq.model.response.ResponseCode;
import org.modseq.model.server.Environment;
import org.modseq.model.server.Refusals;
import org.modseq.model.server.Server;
import org.modseq.model.server.ServerChoices;
import org.modseq.model.server.ServerState;
import org.modseq.model.wire.SaslPlain;
import org.modseq.reference.auth.Credentials;
import org.modseq.reference.auth.HashCost;
import org.modseq.reference.content.Mime4jRenderer;
import org.modseq.reference.journal.DataDirectoryException;
import org.modseq.reference.journal.Journal;
import org.modseq.reference.journal.JournalRecord;
import org.modseq.reference.store.FlagSets;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.StoredOctets;

/**
 * The reference engine: the model's answers, byte for byte, from mutable structures whose costs
 * follow the number of changes rather than the size of a mailbox ({@link MailboxStore} and its
 * parts). Every command of every {@link ServerChoices} value gives exactly the responses that
 * {@link Server#execute} gives from the equivalent state; a differential property checks that on
 * random multi-session histories.
 *
 * <p>In {@link NamespaceMode#SHARED} mode it has, like the model, one mailbox namespace for all
 * users with an INBOX of UIDVALIDITY 1 at the start; in {@link NamespaceMode#PER_USER} mode each
 * account has a namespace of its own, each with an INBOX. UIDVALIDITY values only grow, across
 * all namespaces (R26, R101). Subscriptions are per user in both modes. The command rules live
 * beside this class, one per section of the model's server ({@code StoreSelect},
 * {@code StoreFlags}, {@code StoreFetch}, {@code StoreSearch}, {@code StoreMailboxes},
 * {@code StoreMailboxList}, {@code StoreUpdates}).
 *
 * <p>Message content is read by the {@link ContentRenderer} the engine is created with, and an
 * APPEND without date-time gets the time of its clock; give a {@link ModelEngine} the same two and
 * it answers alike.
 *
 * <p>Thread safety: one lock for the whole engine. Every command of every connection runs under
 * it, so commands are serialised exactly as the model's transitions are; a command of one
 * connection can change what every other connection is owed, which per-mailbox locks would have
 * to coordinate. Finer locking is left for when a benchmark asks for it.
 *
 * <p>Durability: an engine {@link #open opened} on a data directory writes every change to a
 * {@link Journal} and replays it on the next start. A command's records are written before the
 * lock is released, and its responses are returned only once the journal is durable up to the
 * end it had then: so a tagged OK means the change survives a crash, and no response (tagged or
 * untagged, to any connection) tells of state that a crash could still take back. Sessions wait
 * for durability outside the lock, sharing forces (group commit).
 */
public final class StoreEngine implements ImapEngine {

    /** The owner of the one namespace in {@link NamespaceMode#SHARED} mode. */
    private static final String EVERYONE = "";

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong ids = new AtomicLong();
    private final ServerChoices choices;
    /**
     * Salted hashes only. The accounts given map names to passwords, or to Argon2id hashes written
     * {@code {ARGON2ID}$argon2id$...}; passwords are hashed at construction with
     * {@link HashCost#FIXTURE}, cheap as passwords in code are fixtures, and not kept.
     * {@code modseq serve} hands over hashes of {@link HashCost#SERVER} instead.
     */
    private final Credentials credentials;
    private final NamespaceMode namespaceMode;
    private final ContentRenderer renderer;
    private final Clock clock;
    private final FlagSets flagSets = new FlagSets();
    /** Owner to the owner's mailboxes by normalised name; the owner is {@link #EVERYONE} or a user. */
    private final Map<String, Map<String, MailboxStore>> namespaces = new HashMap<>();
    /** User to the names the user subscribed to (RFC 3501 §6.3.6). */
    private final Map<String, Set<String>> subscriptions = new HashMap<>();
    private long nextUidValidity = 1;
    /** Where changes are written, or null when mailboxes live in memory only. */
    private final Journal journal;
    /** What replaying the journal found; null in memory. */
    private Journal.Recovery recovery;

    private StoreEngine(ServerChoices choices, Map<String, String> passwords, NamespaceMode namespaceMode,
            ContentRenderer renderer, Clock clock) {
        this(choices, passwords, namespaceMode, renderer, clock, null);
        createInboxes();
    }

    /** An engine without mailboxes yet: the journal's replay fills it. */
    private StoreEngine(ServerChoices choices, Map<String, String> passwords, NamespaceMode namespaceMode,
            ContentRenderer renderer, Clock clock, Journal journal) {
        this.choices = Objects.requireNonNull(choices, "choices");
        this.credentials = Credentials.of(passwords, HashCost.FIXTURE);
        this.namespaceMode = Objects.requireNonNull(namespaceMode, "namespaceMode");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = journal;
    }

    /** An INBOX for every owner that has none: all of them in a new engine (RFC 3501 §5.1). */
    private void createInboxes() {
        List<String> owners = namespaceMode == NamespaceMode.SHARED ? List.of(EVERYONE)
                : credentials.users().stream().sorted().toList();
        for (String owner : owners) {
            namespaces.computeIfAbsent(owner, o -> new HashMap<>());
            if (!namespaces.get(owner).containsKey("INBOX")) {
                createMailbox(owner, "INBOX");
            }
        }
        if (journal != null) {
            journal.awaitDurable(journal.commit());
        }
    }

    /**
     * An engine whose mailboxes are kept in {@code dataDirectory}: the journal there is replayed
     * (a new directory starts as {@link #create} does) and every change is written to it. Lines
     * about recovery go to {@code log}.
     *
     * @param salvage whether to start from a journal damaged in the middle, keeping what precedes
     *     the damage and giving every mailbox a new UIDVALIDITY (R97); otherwise such a directory is refused
     * @throws DataDirectoryException if the directory cannot be used, with the reason in one sentence
     */
    public static StoreEngine open(ServerChoices choices, Map<String, String> passwords, NamespaceMode mode,
            Path dataDirectory, boolean salvage, PrintStream log) throws DataDirectoryException {
        return open(choices, passwords, mode, new Mime4jRenderer(), Clock.systemDefaultZone(), dataDirectory, salvage,
                log);
    }

    /** As {@link #open(ServerChoices, Map, NamespaceMode, Path, boolean, PrintStream)}, with this renderer and clock. */
    public static StoreEngine open(ServerChoices choices, Map<String, String> passwords, NamespaceMode mode,
            ContentRenderer renderer, Clock clock, Path dataDirectory, boolean salvage, PrintStream log)
            throws DataDirectoryException {
        Journal journal = Journal.open(dataDirectory, settings(choices, mode), log);
        try {
            StoreEngine engine = new StoreEngine(choices, passwords, mode, renderer, clock, journal);
            engine.recovery = engine.replay(journal, salvage, log);
            engine.createInboxes();
            return engine;
        } catch (DataDirectoryException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * What replay depends on besides the records: the choices that decide how a replayed change
     * lands (private flags, stamps per flag, the expunge bound) and the namespace mode. Written in
     * a fixed order, so that the same settings always read the same.
     */
    static String settings(ServerChoices choices, NamespaceMode mode) {
        return "namespaces=" + mode + ", conflictDetection=" + choices.conflictDetection()
                + ", expungeHistoryBound=" + choices.expungeHistoryBound()
                + ", privateFlags=" + new TreeSet<>(choices.privateFlags().stream().map(f -> f.name()).toList());
    }

    /** True when the engine started without any stored change: in memory, or on a new data directory. */
    public boolean startedEmpty() {
        return recovery == null || recovery.isNew();
    }

    /** What recovery found in the data directory, or null in memory. */
    public Journal.Recovery recovery() {
        return recovery;
    }

    /** Makes everything durable and releases the data directory; in memory, nothing to do. */
    public void close() {
        if (journal != null) {
            lock.lock();
            try {
                journal.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A mailbox being replayed and the namespace it is in. */
    private record Replayed(String owner, MailboxStore mailbox) {
    }

    /** Rebuilds the mailboxes from the journal, then reports every later change to it. */
    private Journal.Recovery replay(Journal journal, boolean salvage, PrintStream log) throws DataDirectoryException {
        Map<Integer, Replayed> byId = new HashMap<>();
        Journal.Recovery found = journal.replay((record, octets) -> apply(journal, byId, record, octets), salvage);
        for (Replayed r : byId.values()) {
            r.mailbox().reportChangesTo(journal);
        }
        if (found.salvaged()) {
            // R97: records after the damage may have been acknowledged; no mailbox can vouch that a
            // client's cache is still a prefix of it, so every one starts a new UIDVALIDITY.
            List<Replayed> all = byId.values().stream()
                    .sorted((a, b) -> Long.compare(a.mailbox().uidValidity().value(), b.mailbox().uidValidity().value()))
                    .toList();
            for (Replayed r : all) {
                long old = r.mailbox().uidValidity().value();
                r.mailbox().renumber(UidValidity.of(nextUidValidity++));
                journal.renumbered(r.mailbox());
                log.println("modseq: mailbox " + r.mailbox().name() + (r.owner().isEmpty() ? "" : " of " + r.owner())
                        + ": UIDVALIDITY " + old + " -> " + r.mailbox().uidValidity().value()
                        + ", because the journal was damaged and changes after the damage may be lost (RFC 7162 R97)");
            }
        }
        return found;
    }

    private void apply(Journal journal, Map<Integer, Replayed> byId, JournalRecord record, StoredOctets octets) {
        switch (record) {
            case JournalRecord.Header h -> {
                // Checked by the journal.
            }
            case JournalRecord.Created c -> {
                MailboxStore mailbox = new MailboxStore(c.name(), UidValidity.of(c.uidValidity()),
                        c.persistentModSeqs(), choices, flagSets);
                Map<String, MailboxStore> namespace = namespaces.computeIfAbsent(c.owner(), o -> new HashMap<>());
                if (namespace.putIfAbsent(c.name(), mailbox) != null || byId.containsKey(c.mailbox())) {
                    throw new IllegalStateException("mailbox " + c.name() + " created twice");
                }
                byId.put(c.mailbox(), new Replayed(c.owner(), mailbox));
                journal.identify(mailbox, c.mailbox());
                nextUidValidity = Math.max(nextUidValidity, c.uidValidity() + 1);
            }
            case JournalRecord.Deleted d -> {
                Replayed r = replayed(byId, d.mailbox());
                byId.remove(d.mailbox());
                namespaces.get(r.owner()).remove(r.mailbox().name());
            }
            case JournalRecord.Renamed n -> {
                Replayed r = replayed(byId, n.mailbox());
                Map<String, MailboxStore> namespace = namespaces.get(r.owner());
                namespace.remove(r.mailbox().name());
                r.mailbox().rename(n.newName());
                if (namespace.putIfAbsent(n.newName(), r.mailbox()) != null) {
                    throw new IllegalStateException("renamed onto existing mailbox " + n.newName());
                }
            }
            case JournalRecord.Appended a -> {
                MailboxStore mailbox = replayed(byId, a.mailbox()).mailbox();
                expect("APPEND", a.uid(), mailbox.uidNext(), a.modSeq(), mailbox.highestModSeq());
                mailbox.append(a.flags(), a.user(), octets, new InternalDate(a.epochSecond(), a.offsetMinutes()),
                        a.modSeq());
            }
            case JournalRecord.Copied c -> {
                MailboxStore target = replayed(byId, c.target()).mailbox();
                MailboxStore source = replayed(byId, c.source()).mailbox();
                expect("COPY", c.uid(), target.uidNext(), c.modSeq(), target.highestModSeq());
                int slot = source.table().liveSlotOf(c.sourceUid());
                if (slot < 0) {
                    throw new IllegalStateException("COPY of UID " + c.sourceUid() + ", which is not live");
                }
                target.copy(source, slot, c.modSeq());
            }
            case JournalRecord.Stored st -> {
                MailboxStore mailbox = replayed(byId, st.mailbox()).mailbox();
                int slot = mailbox.table().liveSlotOf(st.uid());
                if (slot < 0 || st.modSeq() <= 0) {
                    throw new IllegalStateException("STORE on UID " + st.uid() + ", which is not live");
                }
                if (!mailbox.store(slot, st.user(), st.wanted(), st.scope(), st.modSeq(), st.stampUnchanged())) {
                    throw new IllegalStateException("STORE on UID " + st.uid() + " that changes nothing");
                }
            }
            case JournalRecord.Expunged e -> {
                MailboxStore mailbox = replayed(byId, e.mailbox()).mailbox();
                if (e.uids().length == 0 || e.modSeq() != mailbox.nextModSeq()) {
                    throw new IllegalStateException("EXPUNGE at mod-sequence " + e.modSeq() + ", expected "
                            + mailbox.nextModSeq());
                }
                mailbox.expunge(e.uids());
            }
            case JournalRecord.Subscribed sub -> {
                if (sub.subscribed()) {
                    subscriptions(sub.user()).add(sub.name());
                } else {
                    subscriptions(sub.user()).remove(sub.name());
                }
            }
            case JournalRecord.Renumbered n -> {
                MailboxStore mailbox = replayed(byId, n.mailbox()).mailbox();
                mailbox.renumber(UidValidity.of(n.uidValidity()));
                nextUidValidity = Math.max(nextUidValidity, n.uidValidity() + 1);
            }
        }
    }

    private static Replayed replayed(Map<Integer, Replayed> byId, int id) {
        Replayed r = byId.get(id);
        if (r == null) {
            throw new IllegalStateException("no mailbox " + id);
        }
        return r;
    }

    /**
     * R7: a replayed add takes the next UID and a mod-sequence no lower than any in the mailbox
     * (equal for the second copy of a COPY whose copies share one, PER_COMMAND).
     */
    private static void expect(String what, long uid, long uidNext, long modSeq, long highestModSeq) {
        if (uid != uidNext || modSeq < highestModSeq) {
            throw new IllegalStateException(what + " of UID " + uid + " at mod-sequence " + modSeq + ", expected UID "
                    + uidNext + " at mod-sequence " + highestModSeq + " or above");
        }
    }

    /**
     * A server with the given choices and accounts and one namespace shared by all users, with an
     * empty INBOX, as {@link ServerState#initial}, reading content with MIME ({@link Mime4jRenderer})
     * and dating APPENDs by the system clock.
     */
    public static StoreEngine create(ServerChoices choices, Map<String, String> passwords) {
        return create(choices, passwords, NamespaceMode.SHARED);
    }

    /** A server with the given choices and accounts, whose every namespace starts with an empty INBOX. */
    public static StoreEngine create(ServerChoices choices, Map<String, String> passwords, NamespaceMode mode) {
        return create(choices, passwords, mode, new Mime4jRenderer(), Clock.systemDefaultZone());
    }

    /** As {@link #create(ServerChoices, Map)}, with this content renderer and this clock. */
    public static StoreEngine create(ServerChoices choices, Map<String, String> passwords, ContentRenderer renderer,
            Clock clock) {
        return create(choices, passwords, NamespaceMode.SHARED, renderer, clock);
    }

    /** As {@link #create(ServerChoices, Map, NamespaceMode)}, with this content renderer and this clock. */
    public static StoreEngine create(ServerChoices choices, Map<String, String> passwords, NamespaceMode mode,
            ContentRenderer renderer, Clock clock) {
        return new StoreEngine(choices, passwords, mode, renderer, clock);
    }

    /** The environment of a command arriving now: the clock's time and the renderer. */
    private Environment environment() {
        return new Environment(InternalDate.of(clock.instant(), clock.getZone()), renderer);
    }

    ServerChoices choices() {
        return choices;
    }

    /** The owner of the namespace the session's user sees: {@link #EVERYONE} or the user. */
    private String owner(StoreSession session) {
        return namespaceMode == NamespaceMode.SHARED ? EVERYONE : session.user;
    }

    private Map<String, MailboxStore> namespace(StoreSession session) {
        return namespaces.get(owner(session));
    }

    /** The session's user's mailbox of that name, or null. */
    MailboxStore mailbox(StoreSession session, String name) {
        return namespace(session).get(ServerState.mailboxName(name));
    }

    /** The names of the mailboxes the session's user sees. */
    Set<String> mailboxNames(StoreSession session) {
        return namespace(session).keySet();
    }

    /** A new, empty mailbox in the session's user's namespace. */
    void createMailbox(StoreSession session, String name) {
        createMailbox(owner(session), name);
    }

    /** A new, empty mailbox with a UIDVALIDITY never used before (R26, R101). */
    private void createMailbox(String owner, String name) {
        String normal = ServerState.mailboxName(name);
        MailboxStore mailbox = new MailboxStore(normal, UidValidity.of(nextUidValidity++),
                !choices.noModSeqMailboxes().contains(normal), choices, flagSets);
        namespaces.get(owner).put(normal, mailbox);
        if (journal != null) {
            journal.created(owner, mailbox);
            mailbox.reportChangesTo(journal);
        }
    }

    /** Takes a mailbox out of the session's user's namespace, to put it back under a new name (RENAME). */
    void removeMailbox(StoreSession session, String name) {
        namespace(session).remove(ServerState.mailboxName(name));
    }

    /** DELETE: the mailbox and its contents are gone for good. */
    void deleteMailbox(StoreSession session, String name) {
        MailboxStore mailbox = namespace(session).remove(ServerState.mailboxName(name));
        if (journal != null && mailbox != null) {
            journal.deleted(mailbox);
        }
    }

    /** SUBSCRIBE and UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7): false when nothing changed. */
    boolean subscribe(String user, String name, boolean subscribed) {
        Set<String> names = subscriptions(user);
        boolean changed = subscribed ? names.add(name) : names.remove(name);
        if (changed && journal != null) {
            journal.subscribed(user, name, subscribed);
        }
        return changed;
    }

    void putMailbox(StoreSession session, MailboxStore mailbox) {
        namespace(session).put(mailbox.name(), mailbox);
    }

    /** The names {@code user} subscribed to, to read; {@link #subscribe} changes them. */
    Set<String> subscriptions(String user) {
        return subscriptions.computeIfAbsent(user, u -> new HashSet<>());
    }

    /** A password checked against the credentials, and the verdict. */
    private record CheckedPassword(String user, String password, boolean matches) {
        @Override
        public String toString() {
            return "CheckedPassword[user=" + user + ", matches=" + matches + "]";
        }
    }

    /**
     * Runs {@code action} under the engine's lock and returns its responses once everything it
     * could have seen is durable: the journal's end when the lock is released covers its own
     * changes and every change of other sessions it may report.
     */
    private List<Response> durably(Supplier<List<Response>> action) {
        long end;
        List<Response> responses;
        lock.lock();
        try {
            try {
                responses = action.get();
            } catch (UncheckedIOException e) {
                // An APPEND writes its octets to the journal at once, and a FETCH may read them back.
                throw journal == null ? e : unavailable(e);
            } finally {
                // Even a command that failed half-way has its changes so far written, so that the
                // journal stays what memory holds; a failed write must not keep the lock.
                end = journal == null ? 0 : commitJournal();
            }
        } finally {
            lock.unlock();
        }
        if (journal != null) {
            try {
                journal.awaitDurable(end);
            } catch (UncheckedIOException e) {
                throw unavailable(e);
            }
        }
        return responses;
    }

    private long commitJournal() {
        try {
            return journal.commit();
        } catch (UncheckedIOException e) {
            throw unavailable(e);
        }
    }

    /**
     * The journal failed: nothing can be acknowledged any more, and no session may be told of a
     * change that is only in memory, so every connection ends with a BYE until a restart.
     */
    private static ServiceUnavailableException unavailable(UncheckedIOException e) {
        return new ServiceUnavailableException("The data directory can no longer be written or read; the server must be restarted", e);
    }

    @Override
    public Connection open() {
        return new StoreConnection(new StoreSession("c" + ids.incrementAndGet()));
    }

    private final class StoreConnection implements Connection {
        private final StoreSession session;
        private boolean loggedOut;
        /** The password check of the command about to run, made before the engine's lock is taken. */
        private CheckedPassword checked;

        StoreConnection(StoreSession session) {
            this.session = session;
        }

        @Override
        public Response greeting() {
            return Response.Status.untagged(Condition.OK, null, "Modseq model ready");
        }

        @Override
        public List<Response> execute(String tag, Command command) {
            Objects.requireNonNull(command, "command");
            if (loggedOut) {
                throw new IllegalStateException("connection " + session.id + " has logged out");
            }
            if (session.authenticating != null) {
                throw new IllegalStateException("connection " + session.id + " awaits the response to AUTHENTICATE");
            }
            checked = switch (command) {
                case Command.Login login when session.user == null -> check(login.user(), login.password());
                case Command.Authenticate authenticate when session.user == null
                        && authenticate.initialResponse().isPresent() -> check(authenticate.initialResponse().get());
                default -> null;
            };
            try {
                return durably(() -> run(new StoreExchange(StoreEngine.this, tag, environment()), command));
            } finally {
                checked = null;
            }
        }

        /**
         * Hashing a password takes milliseconds by design (Argon2id), so it is done before the
         * engine's lock is taken, never under it: one login does not hold up every session. The
         * credentials never change, so the check needs no lock.
         */
        private CheckedPassword check(String user, String password) {
            return new CheckedPassword(user, password, credentials.verify(user, password));
        }

        private CheckedPassword check(String plainResponse) {
            try {
                SaslPlain message = SaslPlain.decode(plainResponse);
                return check(message.authenticationId(), message.password());
            } catch (SaslPlain.MalformedException e) {
                return null; // refused without a password check
            }
        }

        @Override
        public List<Response> continueWith(String line) {
            Objects.requireNonNull(line, "line");
            if (loggedOut || session.authenticating == null) {
                throw new IllegalStateException("connection " + session.id + " awaits no continuation line");
            }
            checked = line.equals("*") ? null : check(line);
            try {
                return durably(() -> {
                    StoreExchange ex = new StoreExchange(StoreEngine.this, session.authenticating, environment());
                    session.authenticating = null;
                    if (line.equals("*")) {
                        return ex.bad("AUTHENTICATE cancelled"); // RFC 3501 §6.2.2
                    }
                    return plain(ex, line);
                });
            } finally {
                checked = null;
            }
        }

        /** A NOOP's untagged responses: NOOP is the update point, as IDLE is (RFC 2177). */
        @Override
        public List<Response> idleUpdates() {
            return durably(() -> {
                if (loggedOut || session.view == null) {
                    return List.<Response>of();
                }
                List<Response> responses = run(new StoreExchange(StoreEngine.this, "idle", environment()),
                        new Command.Noop());
                return responses.subList(0, responses.size() - 1);
            });
        }

        @Override
        public Optional<String> user() {
            return Optional.ofNullable(session.user); // set by this connection's own thread
        }

        @Override
        public boolean isLoggedOut() {
            return loggedOut;
        }

        @Override
        public void drop() {
            lock.lock();
            try {
                session.unselect();
                loggedOut = true;
            } finally {
                lock.unlock();
            }
        }

        private List<Response> run(StoreExchange ex, Command command) {
            String refusal = Refusals.outOfState(session.isAuthenticated(), session.view != null, command);
            if (refusal != null) {
                return ex.bad(refusal);
            }
            return switch (command) {
                case Command.Capability c -> {
                    ex.send(new Response.CapabilityData(Server.CAPABILITIES));
                    yield StoreMailboxes.finish(ex, session, Condition.OK, null, "CAPABILITY completed");
                }
                case Command.Noop c -> updatePoint(ex, "NOOP completed");
                case Command.Check c -> updatePoint(ex, "CHECK completed");
                case Command.Idle c -> {
                    ex.send(new Response.Continuation("idling"));
                    yield updatePoint(ex, "IDLE terminated");
                }
                case Command.Logout c -> {
                    ex.send(Response.Status.untagged(Condition.BYE, null, "Logging out"));
                    session.unselect();
                    loggedOut = true;
                    yield ex.ok("LOGOUT completed");
                }
                case Command.Login c -> login(ex, c);
                case Command.Authenticate c -> authenticate(ex, c);
                case Command.Id c -> id(ex, c);
                case Command.Namespace c -> StoreMailboxList.namespace(ex, session);
                case Command.ListMailboxes c -> StoreMailboxList.list(ex, session, c);
                case Command.Subscribe c -> StoreMailboxList.subscribe(ex, session, c);
                case Command.Unsubscribe c -> StoreMailboxList.unsubscribe(ex, session, c);
                case Command.Enable c -> enable(ex, c);
                case Command.Select c -> StoreSelect.select(ex, session, c);
                case Command.Status c -> StoreMailboxes.status(ex, session, c);
                case Command.Append c -> StoreMailboxes.append(ex, session, c);
                case Command.Create c -> StoreMailboxes.create(ex, session, c);
                case Command.Delete c -> StoreMailboxes.delete(ex, session, c);
                case Command.Rename c -> StoreMailboxes.rename(ex, session, c);
                case Command.Fetch c -> StoreFetch.fetch(ex, session, c);
                case Command.Store c -> StoreFlags.store(ex, session, c);
                case Command.Search c -> StoreSearch.search(ex, session, c);
                case Command.Expunge c -> StoreMailboxes.expunge(ex, session, c);
                case Command.UidExpunge c -> StoreMailboxes.expunge(ex, session, c);
                case Command.Close c -> StoreSelect.close(ex, session);
                case Command.Unselect c -> StoreSelect.unselect(ex, session);
                case Command.Copy c -> StoreMailboxes.copy(ex, session, c.uid(), c.set(), c.mailbox(), false);
                case Command.Move c -> StoreMailboxes.copy(ex, session, c.uid(), c.set(), c.mailbox(), true);
            };
        }

        /** ID (RFC 2971): the server's name and version, for a parameter list within the limits of §3.3. */
        private List<Response> id(StoreExchange ex, Command.Id command) {
            String refusal = Server.idRefusal(command);
            if (refusal != null) {
                return ex.bad(refusal);
            }
            ex.send(Server.ID);
            return StoreMailboxes.finish(ex, session, Condition.OK, null, "ID completed");
        }

        /** NOOP, CHECK, IDLE: the points made for reporting whatever is owed (RFC 3501 §6.1.2, RFC 2177). */
        private List<Response> updatePoint(StoreExchange ex, String text) {
            return StoreUpdates.finish(ex, session, StoreUpdates.Moment.UPDATE_POINT, Condition.OK, null, text);
        }

        private List<Response> login(StoreExchange ex, Command.Login command) {
            if (!passwordMatches(command.user(), command.password())) {
                return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, "Invalid credentials");
            }
            session.user = command.user();
            return ex.ok("LOGIN completed");
        }

        /**
         * AUTHENTICATE (RFC 3501 §6.2.2): only PLAIN (RFC 4616); with an initial response (RFC
         * 4959) it is judged at once, without one the empty challenge {@code "+ "} asks for it.
         */
        private List<Response> authenticate(StoreExchange ex, Command.Authenticate command) {
            if (!command.mechanism().equalsIgnoreCase("PLAIN")) {
                return ex.no(null, "Unsupported authentication mechanism");
            }
            if (command.initialResponse().isPresent()) {
                return plain(ex, command.initialResponse().get());
            }
            session.authenticating = ex.tag;
            ex.send(new Response.Continuation(""));
            return List.copyOf(ex.sent());
        }

        /** A PLAIN response: credentials first, then the authorization identity (RFC 4616, RFC 5530). */
        private List<Response> plain(StoreExchange ex, String response) {
            SaslPlain message;
            try {
                message = SaslPlain.decode(response);
            } catch (SaslPlain.NotBase64Exception e) {
                return ex.bad(e.getMessage()); // RFC 4959 §3, RFC 9051 §6.2.2
            } catch (SaslPlain.MalformedException e) {
                return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, e.getMessage());
            }
            if (!passwordMatches(message.authenticationId(), message.password())) {
                return ex.no(ResponseCode.Atom.AUTHENTICATIONFAILED, "Invalid credentials");
            }
            if (!message.authorizationId().isEmpty() && !message.authorizationId().equals(message.authenticationId())) {
                return ex.no(ResponseCode.Atom.AUTHORIZATIONFAILED, "No user may act as another");
            }
            session.user = message.authenticationId();
            return ex.ok("AUTHENTICATE completed");
        }

        private boolean passwordMatches(String user, String password) {
            if (checked != null && checked.user().equals(user) && checked.password().equals(password)) {
                return checked.matches();
            }
            return credentials.verify(user, password);
        }

        /**
         * ENABLE (RFC 5161): {@code QRESYNC} and {@code QRESYNC CONDSTORE} in any order have the same
         * effect (R60); QRESYNC implies CONDSTORE (R15). ENABLED lists what this command newly enabled.
         */
        private List<Response> enable(StoreExchange ex, Command.Enable command) {
            List<String> enabled = new ArrayList<>();
            boolean condstoreBefore = session.condstore;
            for (String capability : command.capabilities()) {
                switch (capability.toUpperCase(Locale.ROOT)) {
                    case "QRESYNC" -> {
                        if (!session.qresync) {
                            session.qresync = true;
                            session.condstore = true;
                            enabled.add("QRESYNC");
                        }
                    }
                    case "CONDSTORE" -> {
                        if (!condstoreBefore && !enabled.contains("CONDSTORE")) {
                            session.condstore = true;
                            enabled.add("CONDSTORE");
                        }
                    }
                    default -> {
                        // RFC 5161 §3.1: unknown capabilities are ignored.
                    }
                }
            }
            ex.send(new Response.Enabled(enabled));
            return ex.ok("ENABLE completed");
        }
    }
}
