package org.modseq.reference.embedded;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.modseq.model.server.ServerChoices;
import org.modseq.reference.cli.Account;
import org.modseq.reference.cli.EngineKind;
import org.modseq.reference.cli.Policy;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/**
 * The reference IMAP server started inside a test: a real TCP server (CONDSTORE, QRESYNC, IDLE;
 * plain text) on a free port of 127.0.0.1, for a client under test to connect to, with fixtures
 * that act as another client would and inspection of mailboxes and mod-sequences.
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.builder().account("alice", "secret").start()) {
 *     UserMailbox inbox = server.mailbox("alice", "INBOX");
 *     long uid = inbox.append("Subject: hello\r\n\r\nHi!\r\n", Flag.SEEN);
 *     // connect the client under test to server.host() and server.port()
 *     inbox.addFlags(Set.of(Flag.FLAGGED), uid);
 *     long modSeq = inbox.message(uid).modSeq();
 * }
 * }</pre>
 *
 * <p>Fixtures and inspection go through ordinary connections of the engine: each call logs in as
 * the user, sends commands and reads the responses, exactly as a client on the network would, so
 * they work with every engine and see what that user sees. They are safe to call from any thread
 * while clients are connected; a connected client learns of their changes at its next command or
 * while it idles, as RFC 3501 §7 and RFC 2177 have it. Mailboxes live in memory and end with
 * {@link #close()}.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final ImapServer server;
    private final Map<String, String> passwords;
    private final ServerChoices choices;
    private final EngineKind engineKind;
    private final ImapEngine engine;

    private EmbeddedServer(ImapServer server, ImapEngine engine, Map<String, String> passwords, ServerChoices choices,
            EngineKind engineKind) {
        this.server = server;
        this.engine = engine;
        this.passwords = passwords;
        this.choices = choices;
        this.engineKind = engineKind;
    }

    /** A builder with the defaults: 127.0.0.1, a free port, no accounts, the RFC's defaults, the store engine. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address the server listens on, as given to the builder. */
    public String host() {
        return server.config().host();
    }

    /** The bound port: the one given to the builder, or the free one the system picked. */
    public int port() {
        return server.port();
    }

    /** Host and port as a client would write them: {@code 127.0.0.1:50123}. */
    public String address() {
        return server.address();
    }

    /** The server's choices where RFC 7162 allows several (see docs/choices.md). */
    public ServerChoices choices() {
        return choices;
    }

    /** The engine behind the server. */
    public EngineKind engineKind() {
        return engineKind;
    }

    /**
     * The mailbox {@code name} as {@code user} sees it. Nothing is checked until a fixture or an
     * inspection runs, so the handle may name a mailbox that does not exist yet.
     *
     * @throws IllegalArgumentException if {@code user} is not an account of this server
     */
    public UserMailbox mailbox(String user, String name) {
        Objects.requireNonNull(name, "name");
        return new UserMailbox(engine, user, password(user), name);
    }

    /**
     * Creates the mailbox {@code name} as {@code user} would (CREATE, RFC 3501 §6.3.3).
     *
     * @throws IllegalStateException if the server refuses it (the mailbox exists, the name is empty);
     *     the message carries the server's response
     */
    public UserMailbox createMailbox(String user, String name) {
        UserMailbox mailbox = mailbox(user, name);
        mailbox.create();
        return mailbox;
    }

    private String password(String user) {
        String password = passwords.get(Objects.requireNonNull(user, "user"));
        if (password == null) {
            throw new IllegalArgumentException("no account '" + user + "' on this server; add it with Builder.account");
        }
        return password;
    }

    /** Stops the server: closes every connection (without BYE) and forgets every mailbox. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    /** How to start an {@link EmbeddedServer}; every setting has a default. */
    public static final class Builder {
        private String host = ServerConfig.DEFAULT_HOST;
        private int port;
        private final Map<String, String> passwords = new LinkedHashMap<>();
        private ServerChoices choices = ServerChoices.RFC_DEFAULTS;
        private EngineKind engineKind = EngineKind.STORE;

        private Builder() {
        }

        /** The address to listen on; 127.0.0.1 by default. */
        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The TCP port; 0, the default, picks a free one ({@link EmbeddedServer#port()} tells which). */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /**
         * An account, with an empty INBOX of its own once the server gives each user a namespace
         * of their own (today the engines share one namespace among all users).
         *
         * @throws IllegalArgumentException if the name is given twice, or either part is empty or
         *     holds control characters (a client could not send them in LOGIN)
         */
        public Builder account(String user, String password) {
            Account account = new Account(user, password);
            if (passwords.putIfAbsent(account.name(), account.password()) != null) {
                throw new IllegalArgumentException("account '" + user + "' is given twice");
            }
            return this;
        }

        /** The server's choices where RFC 7162 allows several; {@link ServerChoices#RFC_DEFAULTS} by default. */
        public Builder choices(ServerChoices value) {
            choices = Objects.requireNonNull(value, "choices");
            return this;
        }

        /**
         * The choices of a named policy, as {@code modseq serve --policy} takes it: {@code rfc-defaults}
         * or {@code hardest} (the permitted behaviour hardest on clients).
         *
         * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
         */
        public Builder policy(String name) {
            choices = Policy.named(Objects.requireNonNull(name, "name")).choices();
            return this;
        }

        /** The engine behind the server; {@link EngineKind#STORE} by default. */
        public Builder engine(EngineKind value) {
            engineKind = Objects.requireNonNull(value, "engine");
            return this;
        }

        /**
         * Creates the engine and starts listening.
         *
         * @throws IOException when the address cannot be bound; the message names it and says why
         * @throws IllegalArgumentException when the port is out of range
         */
        public EmbeddedServer start() throws IOException {
            ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port);
            Map<String, String> accounts = Map.copyOf(passwords);
            ImapEngine engine = engineKind.create(choices, accounts);
            return new EmbeddedServer(ImapServer.start(engine, config), engine, accounts, choices, engineKind);
        }
    }
}
