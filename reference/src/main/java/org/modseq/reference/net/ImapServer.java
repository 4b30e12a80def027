package org.modseq.reference.net;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.modseq.reference.engine.ImapEngine;

/**
 * An IMAP server on a TCP port (RFC 3501), and with a {@link SecurityConfig} that has a key and
 * certificate, STARTTLS on that port and implicit TLS on a second one (IMAPS, RFC 8314): it
 * accepts connections and serves each on a virtual thread of its own, over one {@link ImapEngine}. What a connection does
 * is {@link ConnectionHandler}'s; how commands are read is {@link CommandReader}'s.
 *
 * <pre>{@code
 * try (ImapServer server = ImapServer.start(engine, ServerConfig.defaults().withPort(0))) {
 *     int port = server.port();
 *     ...
 * }
 * }</pre>
 */
public final class ImapServer implements AutoCloseable {

    /** How long {@link #close()} waits for connection threads to end once their sockets are closed. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final ImapEngine engine;
    private final ServerConfig config;
    private final SecurityConfig security;
    private final PrintStream log;
    private final ServerSocket listener;
    /** The IMAPS port's listener, where TLS starts at once; null without one. */
    private final ServerSocket tlsListener;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final UserSlots userSlots;
    /** Fires the write timeouts of all connections; one thread, as the alarms only close sockets. */
    private final ScheduledThreadPoolExecutor alarms;
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread acceptor;
    private final Thread tlsAcceptor;
    private volatile boolean closing;

    private ImapServer(ImapEngine engine, ServerConfig config, SecurityConfig security, PrintStream log,
            ServerSocket listener, ServerSocket tlsListener) {
        this.engine = engine;
        this.config = config;
        this.security = security;
        this.log = log;
        this.listener = listener;
        this.tlsListener = tlsListener;
        this.userSlots = new UserSlots(config.maxConnectionsPerUser());
        this.alarms = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("modseq-alarms").daemon(true).factory());
        this.alarms.setRemoveOnCancelPolicy(true);
        this.acceptor = Thread.ofPlatform().name("modseq-accept-" + listener.getLocalPort()).daemon(true)
                .unstarted(() -> accept(listener, false));
        this.tlsAcceptor = tlsListener == null ? null
                : Thread.ofPlatform().name("modseq-accept-" + tlsListener.getLocalPort()).daemon(true)
                        .unstarted(() -> accept(tlsListener, true));
    }

    /**
     * Binds {@code config.host():config.port()} and starts accepting. Unexpected failures of a
     * connection are logged to standard error.
     *
     * @throws BindException when the address cannot be bound (the port is busy, or the host is not
     *     an address of this machine); its message names the address and says why, in one line
     * @throws UnknownHostException when the host name does not resolve
     */
    public static ImapServer start(ImapEngine engine, ServerConfig config) throws IOException {
        return start(engine, config, System.err);
    }

    /** As {@link #start(ImapEngine, ServerConfig)}, logging to {@code log}. */
    public static ImapServer start(ImapEngine engine, ServerConfig config, PrintStream log) throws IOException {
        return start(engine, config, SecurityConfig.plaintext(), log);
    }

    /** As {@link #start(ImapEngine, ServerConfig)}, with TLS and login rules as {@code security} says. */
    public static ImapServer start(ImapEngine engine, ServerConfig config, SecurityConfig security) throws IOException {
        return start(engine, config, security, System.err);
    }

    /** As {@link #start(ImapEngine, ServerConfig, SecurityConfig)}, logging to {@code log}. */
    public static ImapServer start(ImapEngine engine, ServerConfig config, SecurityConfig security, PrintStream log)
            throws IOException {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(log, "log");
        InetAddress address;
        try {
            address = InetAddress.getByName(config.host());
        } catch (UnknownHostException e) {
            throw new UnknownHostException("cannot listen on " + address(config.host(), config.port())
                    + ": unknown host " + config.host());
        }
        ServerSocket listener = bind(address, config.host(), config.port());
        ServerSocket tlsListener = null;
        if (security.imapsPort().isPresent()) {
            try {
                tlsListener = bind(address, config.host(), security.imapsPort().getAsInt());
            } catch (IOException e) {
                listener.close();
                throw e;
            }
        }
        ImapServer server = new ImapServer(engine, config, security, log, listener, tlsListener);
        server.acceptor.start();
        if (server.tlsAcceptor != null) {
            server.tlsAcceptor.start();
        }
        return server;
    }

    private static ServerSocket bind(InetAddress address, String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            listener.close();
            String reason = e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")
                    ? "address already in use (is another server running?)"
                    : String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            BindException failure = new BindException("cannot listen on " + address(host, port) + ": " + reason);
            failure.initCause(e);
            throw failure;
        }
        return listener;
    }

    /** The bound port: the configured one, or the one the system picked for port 0. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Host and bound port as a client would write them: {@code 127.0.0.1:1143}, {@code [::1]:1143}. */
    public String address() {
        return address(config.host(), port());
    }

    /** The IMAPS port (implicit TLS), bound as {@link #port()} is; -1 when there is none. */
    public int imapsPort() {
        return tlsListener == null ? -1 : tlsListener.getLocalPort();
    }

    /** As {@link #address()}, for the IMAPS port; empty when there is none. */
    public Optional<String> imapsAddress() {
        return tlsListener == null ? Optional.empty()
                : Optional.of(address(config.host(), tlsListener.getLocalPort()));
    }

    public SecurityConfig security() {
        return security;
    }

    private static String address(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    public ServerConfig config() {
        return config;
    }

    private void accept(ServerSocket listener, boolean implicitTls) {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.println("modseq: accepting a connection failed: " + e.getMessage());
                    pause(); // e.g. out of file descriptors: do not spin while it lasts
                }
                continue;
            }
            long id = ids.incrementAndGet();
            if (sockets.size() >= config.maxConnections()) {
                refuse(socket, implicitTls);
                continue;
            }
            sockets.add(socket);
            if (closing) {
                // close() may have run between accept and add: this socket was not in its list.
                closeQuietly(socket);
                sockets.remove(socket);
                break;
            }
            try {
                connections.execute(() -> {
                    Thread.currentThread().setName("modseq-imap-" + id);
                    try {
                        new ConnectionHandler(id, socket, engine, config, log, userSlots, alarms, security, implicitTls)
                                .run();
                    } finally {
                        sockets.remove(socket);
                    }
                });
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
                sockets.remove(socket);
            }
        }
    }

    /**
     * One connection too many: {@code * BYE} instead of the greeting (RFC 3501 §7.1.5), then the
     * close. Each connection is a virtual thread and a socket, so it is the sockets that are
     * limited; the refusal is written from a thread of its own, so that a client that does not
     * read cannot stall the acceptor.
     */
    private void refuse(Socket tcp, boolean implicitTls) {
        Thread.ofVirtual().name("modseq-refuse").start(() -> {
            try (tcp) {
                tcp.setSoTimeout(1000);
                // On the IMAPS port the BYE goes through TLS, or the client could not read it.
                Socket socket = implicitTls ? security.tls().orElseThrow().wrap(tcp) : tcp;
                byte[] bye = ("* BYE Too many connections: this server takes " + config.maxConnections()
                        + " at once; try again later\r\n").getBytes(StandardCharsets.US_ASCII);
                socket.getOutputStream().write(bye);
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                // Wait for the client's close (or a second) so that ours is a FIN after the BYE, not a reset.
                socket.getInputStream().read(new byte[256]);
            } catch (IOException | UnsupportedOperationException e) {
                // The client is already gone (or TLS has no half-close).
            }
        });
    }

    /**
     * Stops accepting, closes every connection (without BYE: the sockets are simply closed) and
     * waits for their threads to end. Idempotent.
     */
    @Override
    public void close() {
        if (closing) {
            awaitClosed();
            return;
        }
        synchronized (this) {
            if (closing) {
                awaitClosed();
                return;
            }
            closing = true;
        }
        try {
            closeQuietly(listener);
            if (tlsListener != null) {
                closeQuietly(tlsListener);
            }
            joinQuietly(acceptor);
            if (tlsAcceptor != null) {
                joinQuietly(tlsAcceptor);
            }
            sockets.forEach(ImapServer::closeQuietly);
            connections.shutdown();
            if (!awaitTermination()) {
                log.println("modseq: connections still running after " + CLOSE_WAIT_SECONDS + " s; interrupting them");
                connections.shutdownNow();
            }
            alarms.shutdownNow();
        } finally {
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished, e.g. from a shutdown hook. */
    public void awaitClosed() {
        boolean interrupted = false;
        while (true) {
            try {
                closed.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitTermination() {
        try {
            return connections.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing on the way out: nothing more to do.
        }
    }
}
