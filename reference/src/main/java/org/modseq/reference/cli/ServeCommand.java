package org.modseq.reference.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.modseq.reference.auth.Credentials;
import org.modseq.reference.auth.HashCost;
import org.modseq.reference.auth.PasswordHash;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.NamespaceMode;
import org.modseq.reference.engine.StoreEngine;
import org.modseq.reference.fault.Fault;
import org.modseq.reference.fault.FaultyEngine;
import org.modseq.reference.journal.DataDirectoryException;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.SecurityConfig;
import org.modseq.reference.net.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modseq serve}: an IMAP server on a TCP port (with STARTTLS and an IMAPS port when given a
 * certificate, see {@link SecurityOptions}), until SIGINT or SIGTERM. By default it has a demo account whose INBOX holds five messages; with the store
 * engine every other account starts with an empty INBOX of its own.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run an IMAP server (CONDSTORE, QRESYNC, IDLE; STARTTLS and IMAPS with --tls-*) until Ctrl-C or SIGTERM.",
            "",
            "Mailboxes are kept in a data directory (--data, default ./" + ServeCommand.DEFAULT_DATA + "): every change"
                    + " is written to its journal and made durable (fsync) before the server says OK, and a restart,"
                    + " even after a crash, finds every acknowledged change. --in-memory keeps them in memory only."
                    + " Each account has its own"
                    + " INBOX and mailboxes: accounts given with --user or --users-file start with an empty INBOX,"
                    + " and only the demo account comes with sample messages. The model engine (--engine model)"
                    + " instead has ONE mailbox namespace shared by all users: every account sees the same INBOX"
                    + " and mailboxes, the demo's messages included, in memory only."
        })
public final class ServeCommand implements Callable<Integer> {

    /** Where {@code serve} keeps mailboxes unless told otherwise, relative to the working directory. */
    static final String DEFAULT_DATA = "modseq-data";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD", converter = AccountConverter.class,
            description = "An account; repeat for more.")
    private List<Account> users = new ArrayList<>();

    @Option(names = "--users-file", paramLabel = "PATH",
            description = "A file of accounts, one name:password a line; # starts a comment.")
    private Path usersFile;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = "rfc-defaults",
            converter = Policy.Converter.class, completionCandidates = Policy.Names.class,
            description = "Server choices where RFC 7162 allows several: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}; see docs/choices.md).")
    private Policy policy;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "store",
            converter = EngineKind.Converter.class, completionCandidates = EngineKind.Names.class,
            description = "The engine behind the server: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private EngineKind engine;

    @Option(names = "--fault", paramLabel = "NAME", converter = FaultConverter.class,
            completionCandidates = Fault.Names.class,
            description = "Break the server on purpose, in one way, to test a conformance checker: ${COMPLETION-CANDIDATES}"
                    + " (see docs/faults.md).")
    private Fault fault;

    @Option(names = "--max-line-length", paramLabel = "OCTETS",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_LINE_LENGTH,
            description = "Longest command line outside literals, at least " + ServerConfig.MIN_MAX_LINE_LENGTH
                    + " (RFC 7162 section 4); a longer one gets BAD and BYE (default: ${DEFAULT-VALUE}).")
    private int maxLineLength;

    @Option(names = "--max-literal-size", paramLabel = "OCTETS",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_LITERAL_SIZE,
            description = "Most literal octets in one command; more gets NO [TOOBIG] (default: ${DEFAULT-VALUE}).")
    private long maxLiteralSize;

    @Option(names = "--max-message-size", paramLabel = "OCTETS",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_MESSAGE_SIZE,
            description = "Largest message APPEND takes; larger gets NO [TOOBIG] (RFC 7889)"
                    + " (default: ${DEFAULT-VALUE}).")
    private long maxMessageSize;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_MAX_CONNECTIONS,
            description = "Most connections at once; one more is greeted with BYE (default: ${DEFAULT-VALUE}).")
    private int maxConnections;

    @Option(names = "--max-connections-per-user", paramLabel = "N",
            defaultValue = "" + ServerConfig.DEFAULT_MAX_CONNECTIONS_PER_USER,
            description = "Most connections one user may be logged in on; one more LOGIN gets NO [LIMIT]"
                    + " (default: ${DEFAULT-VALUE}).")
    private int maxConnectionsPerUser;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            defaultValue = "" + ServerConfig.DEFAULT_IDLE_TIMEOUT_SECONDS,
            description = "Silence after which a client is logged out; RFC 3501 section 5.4 wants at least 1800"
                    + " (default: ${DEFAULT-VALUE}).")
    private long idleTimeoutSeconds;

    @Option(names = "--login-timeout", paramLabel = "SECONDS",
            defaultValue = "" + ServerConfig.DEFAULT_LOGIN_TIMEOUT_SECONDS,
            description = "Silence after which a client that has not logged in is disconnected"
                    + " (default: ${DEFAULT-VALUE}).")
    private long loginTimeoutSeconds;

    @Option(names = "--write-timeout", paramLabel = "SECONDS",
            defaultValue = "" + ServerConfig.DEFAULT_WRITE_TIMEOUT_SECONDS,
            description = "How long a client may leave its responses unread before it is disconnected"
                    + " (default: ${DEFAULT-VALUE}).")
    private long writeTimeoutSeconds;

    @CommandLine.Mixin
    private SecurityOptions security;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "Data directory of the store engine's mailboxes, created if missing; the demo's INBOX"
                    + " is filled only in a new one (default: ${DEFAULT-VALUE}; see docs/durability.md).")
    private Path data;

    @Option(names = "--in-memory", description = "Keep mailboxes in memory only: nothing is saved when the server stops.")
    private boolean inMemory;

    @Option(names = "--salvage", description = "Start from a data directory whose journal is damaged in the middle:"
            + " keep the changes before the damage and give every mailbox a new UIDVALIDITY, so that clients"
            + " resynchronise from scratch (RFC 7162 R97). Without it such a directory is refused.")
    private boolean salvage;

    @Option(names = "--no-demo", description = "Leave out the demo account (demo / demo) and its five messages.")
    private boolean noDemo;

    /** The engine on the data directory once started, or null. */
    private StoreEngine durable;

    @Override
    public Integer call() throws CommandFailure {
        ImapServer server = start(spec.commandLine().getOut());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "modseq-shutdown"));
        server.awaitClosed();
        return 0;
    }

    /** Creates the engine and the demo, starts the server and says where it listens; does not wait. */
    ImapServer start(PrintWriter out) throws CommandFailure {
        ServerConfig config;
        try {
            config = ServerConfig.defaults().withHost(host).withPort(port).withMaxLineLength(maxLineLength)
                    .withMaxLiteralSize(maxLiteralSize).withMaxMessageSize(maxMessageSize)
                    .withMaxConnections(maxConnections).withMaxConnectionsPerUser(maxConnectionsPerUser)
                    .withIdleTimeout(seconds("--idle-timeout", idleTimeoutSeconds))
                    .withWriteTimeout(seconds("--write-timeout", writeTimeoutSeconds))
                    .withLoginTimeout(seconds("--login-timeout", loginTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), optionMessage(e.getMessage()), e);
        }
        SecurityConfig securityConfig = security.config(host);
        Map<String, String> passwords = passwords();
        Map<String, String> stored = storedPasswords(passwords);
        durable = openDataDirectory(stored);
        ImapEngine imapEngine = durable != null ? durable : engine.create(policy.choices(), stored);
        if (!noDemo && (durable == null || durable.startedEmpty())) {
            DemoMailbox.fill(imapEngine);
        }
        if (fault != null) {
            imapEngine = new FaultyEngine(imapEngine, fault);
        }
        ImapServer server;
        try {
            server = ImapServer.start(imapEngine, config, securityConfig, System.err);
        } catch (IOException e) {
            if (durable != null) {
                durable.close();
            }
            throw new CommandFailure(e.getMessage(), e);
        }
        out.println("Modseq listening on " + server.address() + " (engine " + engine.cliName()
                + ", policy " + policy.cliName() + (fault == null ? "" : ", fault " + fault.cliName()) + ")");
        SecurityOptions.describe(server, host, out);
        if (fault != null) {
            out.println("Deliberately broken: " + fault.failureMode() + " (" + String.join(", ", fault.rules()) + ")");
        }
        out.println(loginHint(passwords.keySet()));
        out.println(durable != null ? "Mailboxes are kept in " + data.toAbsolutePath().normalize()
                + (durable.startedEmpty() ? " (new)" : " (recovered " + durable.recovery().records() + " changes)")
                + "; each account has its own."
                : engine.sharedNamespace() ? "Mailboxes are in memory only, and shared by all users."
                : "Mailboxes are in memory only; each account has its own.");
        out.println("Stop with Ctrl-C.");
        out.flush();
        return server;
    }

    /** Releases the data directory of a server {@link #start started} here (for tests that restart on it). */
    void closeDataDirectory() {
        if (durable != null) {
            durable.close();
        }
    }

    /**
     * The store engine on {@code --data}, or null when mailboxes stay in memory ({@code --in-memory},
     * or the model engine, which has no store to keep).
     */
    private StoreEngine openDataDirectory(Map<String, String> passwords) throws CommandFailure {
        boolean dataGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--data");
        if (engine != EngineKind.STORE || inMemory) {
            if (dataGiven || salvage) {
                throw new CommandLine.ParameterException(spec.commandLine(), (dataGiven ? "--data" : "--salvage")
                        + " needs the store engine kept on disk (not --engine model, not --in-memory)");
            }
            return null;
        }
        try {
            return StoreEngine.open(policy.choices(), passwords, NamespaceMode.PER_USER, data, salvage, System.err);
        } catch (DataDirectoryException e) {
            throw new CommandFailure(e.getMessage(), e);
        }
    }

    /** ServerConfig's message about one of its fields, told in terms of the option that set it. */
    private static String optionMessage(String message) {
        for (Map.Entry<String, String> field : OPTION_OF_FIELD.entrySet()) {
            if (message.startsWith(field.getKey() + " ")) {
                return "Invalid value for option '" + field.getValue() + "': "
                        + message.substring(field.getKey().length() + 1);
            }
        }
        return message;
    }

    private static final Map<String, String> OPTION_OF_FIELD = Map.of("host", "--host", "port", "--port",
            "maxLineLength", "--max-line-length", "maxLiteralSize", "--max-literal-size",
            "maxMessageSize", "--max-message-size", "maxConnections", "--max-connections",
            "maxConnectionsPerUser", "--max-connections-per-user", "idleTimeout", "--idle-timeout",
            "writeTimeout", "--write-timeout", "loginTimeout", "--login-timeout");

    /** A count of seconds as a duration; the range is ServerConfig's to judge, overflow is refused here. */
    private Duration seconds(String option, long value) {
        if (value < 1 || value > Integer.MAX_VALUE / 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '" + option
                    + "': " + value + " is not a number of seconds from 1 to " + Integer.MAX_VALUE / 1000);
        }
        return Duration.ofSeconds(value);
    }

    /** The accounts of --user and --users-file, and the demo one; a name given twice is an error. */
    private Map<String, String> passwords() throws CommandFailure {
        List<Account> accounts = new ArrayList<>(users);
        if (usersFile != null) {
            accounts.addAll(UsersFile.read(usersFile));
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        if (!noDemo) {
            passwords.put(DemoMailbox.USER, DemoMailbox.PASSWORD);
        }
        for (Account account : accounts) {
            if (!noDemo && account.name().equals(DemoMailbox.USER)) {
                throw new CommandFailure("account " + DemoMailbox.USER
                        + " is the demo account; add --no-demo to define it yourself");
            }
            if (passwords.putIfAbsent(account.name(), account.password()) != null) {
                throw new CommandFailure("account " + account.name() + " is given twice");
            }
        }
        return passwords;
    }

    /**
     * The passwords as the engine is to keep them. The store keeps salted Argon2id hashes: a
     * password given in plain text is hashed here at {@link HashCost#SERVER} cost. The model, being
     * the specification, compares passwords in plain text, so it cannot take hashes.
     */
    private Map<String, String> storedPasswords(Map<String, String> passwords) throws CommandFailure {
        Map<String, String> stored = new LinkedHashMap<>();
        for (Map.Entry<String, String> account : passwords.entrySet()) {
            String secret = account.getValue();
            if (engine == EngineKind.MODEL) {
                if (Credentials.isHash(secret)) {
                    throw new CommandFailure("account " + account.getKey() + " has a password hash, and the model engine"
                            + " compares passwords in plain text; use --engine store");
                }
                stored.put(account.getKey(), secret);
            } else {
                stored.put(account.getKey(), Credentials.isHash(secret) ? secret
                        : PasswordHash.SCHEME + PasswordHash.of(secret, HashCost.SERVER).toPhc());
            }
        }
        return stored;
    }

    private String loginHint(Set<String> names) {
        List<String> others = names.stream().filter(name -> noDemo || !name.equals(DemoMailbox.USER)).toList();
        String given = others.stream().collect(Collectors.joining(", "));
        if (!noDemo) {
            return "Log in with: " + DemoMailbox.USER + " / " + DemoMailbox.PASSWORD
                    + (others.isEmpty() ? "" : ", or as " + given + " (passwords as given)");
        }
        return others.isEmpty() ? "No accounts: nobody can log in (add --user NAME:PASSWORD)"
                : "Log in as: " + given + " (passwords as given)";
    }

    /** Reads {@code --fault} values for picocli: an unknown name is a usage error that lists the valid ones. */
    static final class FaultConverter implements CommandLine.ITypeConverter<Fault> {
        @Override
        public Fault convert(String value) {
            try {
                return Fault.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads {@code --user} values for picocli. */
    static final class AccountConverter implements CommandLine.ITypeConverter<Account> {
        @Override
        public Account convert(String value) {
            try {
                return Account.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
