package org.modseq.reference.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.modseq.model.command.Command;
import org.modseq.model.response.Response;
import org.modseq.model.wire.CommandParser;
import org.modseq.model.wire.CommandSyntaxException;
import org.modseq.reference.engine.Connection;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.engine.ServiceUnavailableException;
import org.modseq.reference.tls.ServerTls;

/**
 * One client socket, from greeting to close: reads commands, has the engine's {@link Connection}
 * execute them, writes the responses. Runs on a thread of its own; a failure ends this connection
 * and nothing else.
 *
 * <p>Commands are answered in the order they arrive, so a client may pipeline them (RFC 3501
 * §5.5). Responses are flushed once per command. Client mistakes get BAD and the session goes on
 * (RFC 3501 §7.1.3); what the server cannot go on from gets BYE and the socket closes (§7.1.5).
 * Clients never see a stack trace: unexpected exceptions go to the log with the connection id.
 *
 * <p>TLS is this layer's too, as the engine knows no sockets: implicit TLS on the IMAPS port,
 * STARTTLS on the plain one, and with them the refusal of plaintext passwords (LOGINDISABLED) and
 * the capabilities that tell of both ({@link ChannelSecurity}).
 */
final class ConnectionHandler implements Runnable {

    private static final byte[] CRLF = {'\r', '\n'};

    /** After a BYE, how long unread client octets are drained so that closing sends FIN, not RST. */
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final int LINGER_OCTETS = 1 << 20;

    /** {@code tag STARTTLS}, any case, and any arguments after a space (there must be none). */
    private static final Pattern STARTTLS = Pattern.compile("([^ ]+) STARTTLS( .*)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final long id;
    /** The TCP connection; closing it ends every read and write, TLS or not. */
    private final Socket tcp;
    /** What commands are read from and responses written to: {@link #tcp}, or TLS over it. */
    private Socket socket;
    private final ImapEngine engine;
    private final ServerConfig config;
    private final PrintStream log;
    private final UserSlots userSlots;
    private final ScheduledExecutorService alarms;
    private final SecurityConfig security;
    /** True on the IMAPS port: TLS starts before the greeting (RFC 8314 §3). */
    private final boolean implicitTls;
    private boolean encrypted;
    private OutputStream out;
    private CommandReader reader;
    private Connection connection;
    /** The user whose slot this connection holds, once logged in. */
    private String slotHolder;

    ConnectionHandler(long id, Socket socket, ImapEngine engine, ServerConfig config, PrintStream log,
            UserSlots userSlots, ScheduledExecutorService alarms, SecurityConfig security, boolean implicitTls) {
        this.id = id;
        this.tcp = socket;
        this.socket = socket;
        this.security = security;
        this.implicitTls = implicitTls;
        this.engine = engine;
        this.config = config;
        this.log = log;
        this.userSlots = userSlots;
        this.alarms = alarms;
    }

    @Override
    public void run() {
        try {
            // The autologout timer of RFC 3501 §5.4: silence this long ends the connection.
            socket.setSoTimeout(readTimeoutMillis());
            // Responses are flushed per command and small: waiting to coalesce them only adds latency.
            socket.setTcpNoDelay(true);
            if (implicitTls) {
                beginTls();
            }
            openStreams();
            connection = engine.open();
            Response greeting = connection.greeting();
            writeLine(greeting.toWire());
            out.flush();
            if (greeting instanceof Response.Status status && status.condition() == Response.Condition.BYE) {
                return;
            }
            serve();
        } catch (SocketTimeoutException e) {
            bye(loginTimerRuns() ? "Autologout; no login for too long" : "Autologout; idle for too long");
        } catch (IOException e) {
            // The client went away or the server is closing: there is no one left to tell.
        } catch (ServiceUnavailableException e) {
            unavailable(e);
        } catch (RuntimeException e) {
            internalError(e);
        } finally {
            if (connection != null && !connection.isLoggedOut()) {
                drop(connection);
            }
            if (slotHolder != null) {
                userSlots.release(slotHolder);
            }
            closeGently();
        }
    }

    /** Reads and writes through {@link #socket}, as it is now: once more after STARTTLS. */
    private void openStreams() throws IOException {
        // A client that stops reading cannot hold this thread forever: past the write timeout the socket closes.
        out = new BufferedOutputStream(new DeadlineOutputStream(socket.getOutputStream(), alarms,
                config.writeTimeout(), this::writeTimedOut), 16 * 1024);
        reader = new CommandReader(socket.getInputStream(), out, config.maxLineLength(),
                config.maxLiteralSize(), config.maxMessageSize());
    }

    /** The TLS handshake, within the read timeout; a client that fails it is logged and dropped. */
    private void beginTls() throws IOException {
        ServerTls tls = security.tls().orElseThrow();
        SSLSocket wrapped = tls.wrap(tcp);
        wrapped.setSoTimeout(readTimeoutMillis());
        socket = wrapped;
        try {
            wrapped.startHandshake();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            log.println("modseq: connection " + id + " (" + tcp.getRemoteSocketAddress() + "): TLS handshake failed: "
                    + e.getMessage());
            throw e;
        }
        encrypted = true;
    }

    private ChannelSecurity channel() {
        return ChannelSecurity.of(tcp.getInetAddress(), encrypted, security);
    }

    private void serve() throws IOException {
        while (!connection.isLoggedOut()) {
            reader.setMaxLiteralSize(literalLimit());
            socket.setSoTimeout(readTimeoutMillis());
            switch (reader.readCommand()) {
                case CommandReader.Input.EndOfStream end -> {
                    return;
                }
                case CommandReader.Input.LineTooLong tooLong -> {
                    lineTooLong(tooLong);
                    return;
                }
                case CommandReader.Input.LiteralTooLarge tooLarge -> {
                    if (!tooLarge.synchronizing()) {
                        // The octets of a non-synchronizing literal are coming anyway (RFC 7888).
                        bye("Literal too large");
                        return;
                    }
                    // Refused before the client sent it (TOOBIG, RFC 4469 and RFC 7889); the session goes on.
                    writeLine(tooLarge.tag() + " NO [TOOBIG] Literal too large: the limit is "
                            + reader.maxLiteralSize() + " octets"
                            + (reader.maxLiteralSize() < config.maxLiteralSize() ? " before login" : ""));
                    out.flush();
                }
                case CommandReader.Input.MessageTooLarge tooLarge -> {
                    // RFC 7889 §4; the octets were not sent, or were read and dropped.
                    writeLine(tooLarge.tag() + " NO [TOOBIG] Message too large: the limit is "
                            + config.maxMessageSize() + " octets");
                    out.flush();
                }
                case CommandReader.Input.Text command -> {
                    if (!execute(command.text())) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Before login a literal may be no longer than a line: LOGIN and AUTHENTICATE need no more, and
     * a flood of connections that never log in cannot make the server hold their literals.
     */
    private long literalLimit() {
        return loggedIn() ? config.maxLiteralSize() : Math.min(config.maxLiteralSize(), config.maxLineLength());
    }

    /**
     * The autologout timer of RFC 3501 §5.4, which sets its 30-minute minimum for authenticated
     * sessions only: before login the shorter login timeout applies, so that silent connections
     * do not hold their place among the server's connections for long.
     */
    private int readTimeoutMillis() {
        return (int) (loginTimerRuns() ? config.loginTimeout() : config.idleTimeout()).toMillis();
    }

    private boolean loginTimerRuns() {
        return !loggedIn() && config.loginTimeout().compareTo(config.idleTimeout()) < 0;
    }

    private boolean loggedIn() {
        return slotHolder != null || (connection != null && connection.user().isPresent());
    }

    /** Parses and executes one command; false when the connection is to end. */
    private boolean execute(String text) throws IOException {
        Matcher startTls = STARTTLS.matcher(text);
        if (startTls.matches() && CommandReader.tagOf(text).equals(startTls.group(1))) {
            return startTls(startTls.group(1), startTls.group(2) == null ? "" : startTls.group(2));
        }
        CommandParser.Tagged parsed;
        try {
            parsed = CommandParser.parse(text);
        } catch (CommandSyntaxException e) {
            writeLine(e.badResponse());
            out.flush();
            return true;
        }
        String privacy = loginRefusal(parsed.command());
        if (privacy != null) {
            writeLine(parsed.tag() + " NO [PRIVACYREQUIRED] " + privacy);
            out.flush();
            return true;
        }
        List<Response> responses = connection.execute(parsed.tag(), parsed.command());
        if (parsed.command() instanceof Command.Idle && !responses.isEmpty()
                && responses.getFirst() instanceof Response.Continuation) {
            write(responses.subList(0, responses.size() - 1));
            out.flush();
            return idle(parsed.tag(), responses.getLast());
        }
        // A command whose responses end with a continuation request waits for the client's line
        // (AUTHENTICATE, RFC 3501 §6.2.2): it is carried to the engine as read, and the engine judges it.
        while (!responses.isEmpty() && responses.getLast() instanceof Response.Continuation) {
            write(responses);
            out.flush();
            switch (reader.readLine()) {
                case CommandReader.Input.Text line -> responses = connection.continueWith(line.text());
                case CommandReader.Input.LineTooLong tooLong -> {
                    bye("Command line too long");
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }
        if (!admitUser()) {
            writeLine(parsed.tag() + " NO [LIMIT] Too many connections for this user: the limit is "
                    + userSlots.limit() + "; log out elsewhere first");
            out.flush();
            return true;
        }
        write(responses);
        out.flush();
        return true;
    }

    /**
     * STARTTLS (RFC 9051 §6.2.1, RFC 3501 §6.2.1): in the not-authenticated state only, the tagged
     * OK, then the handshake; what follows is read through TLS. Octets the client sent after the
     * command and before it could have seen the OK are dropped unread: a man in the middle can
     * append plaintext commands there, which would otherwise run as if they came through TLS (the
     * command injection of CVE-2011-0411). The client must ask CAPABILITY again (§6.2.1); the
     * answer no longer has STARTTLS and LOGINDISABLED.
     */
    private boolean startTls(String tag, String arguments) throws IOException {
        String refusal = arguments.isEmpty() ? startTlsRefusal() : "STARTTLS takes no arguments";
        if (refusal != null) {
            writeLine(tag + " BAD " + refusal);
            out.flush();
            return true;
        }
        int injected = reader.discardBuffered();
        if (injected > 0) {
            log.println("modseq: connection " + id + " (" + tcp.getRemoteSocketAddress() + "): dropped " + injected
                    + " octets sent after STARTTLS before TLS began");
        }
        writeLine(tag + " OK Begin TLS negotiation now");
        out.flush();
        out = null; // nothing more is written in plain text, not even a BYE
        beginTls();
        openStreams();
        return true;
    }

    private String startTlsRefusal() {
        if (security.tls().isEmpty()) {
            return "STARTTLS is not offered: this server has no TLS certificate";
        }
        if (encrypted) {
            return "TLS is already active on this connection";
        }
        if (loggedIn()) {
            return "STARTTLS is only allowed before login (RFC 9051 section 6.2.1)";
        }
        return null;
    }

    /**
     * Why LOGIN or AUTHENTICATE PLAIN is refused on this connection (LOGINDISABLED), or null. Once
     * logged in, the engine refuses them as out of state, so only the first login is judged here.
     */
    private String loginRefusal(Command command) {
        boolean sendsPassword = command instanceof Command.Login
                || command instanceof Command.Authenticate authenticate && authenticate.mechanism().equalsIgnoreCase("PLAIN");
        if (!sendsPassword || loggedIn() || channel().loginAllowed()) {
            return null;
        }
        return security.tls().isPresent()
                ? "Plaintext login is disabled on this connection: use STARTTLS first, or the IMAPS port"
                : "Plaintext login is disabled on this connection: this server takes passwords only over TLS"
                        + " or from the loopback address";
    }

    /**
     * Takes the user's slot when the command just logged this connection in; when the user has
     * no slot left, the login is undone: the engine's connection is dropped and a new,
     * unauthenticated one takes its place, so the client may try again later on this connection.
     */
    private boolean admitUser() {
        if (slotHolder != null || connection.isLoggedOut()) {
            return true;
        }
        Optional<String> user = connection.user();
        if (user.isEmpty()) {
            return true;
        }
        if (userSlots.take(user.get())) {
            slotHolder = user.get();
            return true;
        }
        drop(connection);
        connection = engine.open();
        return false;
    }

    /**
     * RFC 2177: the continuation is out; until the client's {@code DONE}, whatever the engine owes
     * this connection is written as it comes, then the held tagged response ends the IDLE.
     */
    private boolean idle(String tag, Response completion)
            throws IOException {
        CommandReader.Input input;
        IdlePoller poller = new IdlePoller(connection);
        try {
            input = reader.readLine();
        } finally {
            poller.stop();
        }
        switch (input) {
            case CommandReader.Input.Text line when line.text().equalsIgnoreCase("DONE") -> {
                write(connection.idleUpdates());
                writeLine(completion.toWire());
                out.flush();
                return true;
            }
            case CommandReader.Input.Text line -> {
                writeLine(tag + " BAD Expected DONE to end IDLE");
                out.flush();
                return true;
            }
            case CommandReader.Input.LineTooLong tooLong -> {
                lineTooLong(tooLong);
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Asks the engine for updates every poll interval while the handler's thread waits for DONE.
     * The two threads never write at once: the handler writes again only after {@link #stop()}.
     */
    private final class IdlePoller {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final Thread thread;

        IdlePoller(Connection connection) {
            thread = Thread.ofVirtual().name(Thread.currentThread().getName() + "-idle").start(() -> poll(connection));
        }

        private void poll(Connection connection) {
            long interval = config.idlePollInterval().toNanos();
            try {
                while (!stopped.await(interval, TimeUnit.NANOSECONDS)) {
                    List<Response> updates = connection.idleUpdates();
                    if (!updates.isEmpty()) {
                        write(updates);
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client is gone; the handler's read fails too, and ends the connection.
                closeQuietly();
            } catch (ServiceUnavailableException e) {
                // The handler is blocked reading: say BYE from here and close, which ends its read.
                unavailable(e);
                closeQuietly();
            } catch (RuntimeException e) {
                internalError(e);
                closeQuietly();
            }
        }

        /** Stops polling and waits for the poller, so that the handler's thread may use the connection again. */
        void stop() {
            stopped.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- Output ---------------------------------------------------------------------------

    private void write(List<Response> responses) throws IOException {
        for (Response response : responses) {
            writeLine(announced(response).toWire());
        }
    }

    /** The engine's CAPABILITY response with what this connection adds and takes away ({@link ChannelSecurity}). */
    private Response announced(Response response) {
        if (response instanceof Response.CapabilityData data) {
            return new Response.CapabilityData(channel().capabilities(data.capabilities(), loggedIn(),
                    Math.min(config.maxMessageSize(), config.maxLiteralSize())));
        }
        return response;
    }

    private void writeLine(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.ISO_8859_1)); // one octet per char (ImapString)
        out.write(CRLF);
    }

    /** An untagged BYE (RFC 3501 §7.1.5), when the socket still takes it. */
    /**
     * RFC 7162 §4 (R106): a BAD for the overlong command, then a disconnect, since the rest of the
     * line is not worth reading.
     */
    private void lineTooLong(CommandReader.Input.LineTooLong tooLong) {
        try {
            writeLine(tooLong.tag() + " BAD Command line too long: the limit is " + config.maxLineLength()
                    + " octets outside literals (RFC 7162 section 4)");
        } catch (IOException e) {
            return; // the client is already gone
        }
        bye("Command line too long");
    }

    private void bye(String text) {
        if (out == null) {
            return;
        }
        try {
            writeLine("* BYE " + text);
            out.flush();
        } catch (IOException e) {
            // The client is already gone.
        }
    }

    /**
     * The write timeout ran out: the client has stopped reading. Closing the TCP socket ends the
     * blocked write (closing TLS would first try to write its close_notify).
     */
    private void writeTimedOut() {
        log.println("modseq: connection " + id + " (" + tcp.getRemoteSocketAddress() + "): closed, the client read"
                + " nothing for " + config.writeTimeout().toMillis() + " ms");
        closeQuietly(tcp);
    }

    /** The engine can go on with no one (RFC 3501 §7.1.5): one log line and a BYE that says why, no trace. */
    private void unavailable(ServiceUnavailableException e) {
        log.println("modseq: connection " + id + ": " + e.getMessage());
        bye(e.getMessage());
    }

    private void internalError(RuntimeException e) {
        log.println("modseq: connection " + id + " (" + socket.getRemoteSocketAddress() + "): internal error");
        e.printStackTrace(log);
        bye("Internal server error");
    }

    private void drop(Connection connection) {
        try {
            connection.drop();
        } catch (RuntimeException e) {
            log.println("modseq: connection " + id + ": engine failed to drop the connection");
            e.printStackTrace(log);
        }
    }

    /**
     * Closes after a FIN and a short drain of what the client still sends: closing with unread
     * input would send RST, and the client could lose the BYE it has not read yet.
     */
    private void closeGently() {
        try {
            if (!socket.isClosed()) {
                socket.shutdownOutput();
                socket.setSoTimeout((int) LINGER.toMillis());
                InputStream in = socket.getInputStream();
                byte[] discard = new byte[8192];
                long deadline = System.nanoTime() + LINGER.toNanos();
                int drained = 0;
                int n;
                while (drained < LINGER_OCTETS && System.nanoTime() < deadline && (n = in.read(discard)) >= 0) {
                    drained += n;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Closing anyway (a TLS socket may not support a half-close).
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        closeQuietly(socket);
        closeQuietly(tcp);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do for this socket.
        }
    }
}
