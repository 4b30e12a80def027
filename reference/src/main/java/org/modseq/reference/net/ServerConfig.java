package org.modseq.reference.net;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link ImapServer} listens and what it accepts from clients.
 *
 * @param host             the address to bind, {@code 127.0.0.1} by default
 * @param port             the TCP port, 1143 by default (143 needs privileges); 0 picks a free one
 * @param maxLineLength    the most octets of command text one command may hold, literals not
 *                         counted, CRLFs not counted. RFC 7162 §4 has clients send lines of about
 *                         8192 octets and long UID sets (updating RFC 2683 §3.2.1.5), so the
 *                         default takes eight times that and no value below 8192 is accepted.
 * @param maxLiteralSize   the most literal octets one command may hold (default 50 MiB); a
 *                         larger synchronizing literal is refused with {@code NO [TOOBIG]}
 *                         (RFC 4469, RFC 7889) before the client sends it
 * @param idleTimeout      how long a client may stay silent before the server says BYE: the
 *                         autologout timer, at least 30 minutes by RFC 3501 §5.4 (the default;
 *                         shorter values are accepted for tests). It runs during IDLE too, which
 *                         RFC 2177 §3 allows: clients re-issue IDLE every 29 minutes.
 * @param idlePollInterval how often an idling connection asks the engine for updates (RFC 2177)
 * @param maxMessageSize   the largest message APPEND takes (default 25 MiB, at most the literal
 *                         limit to matter): a larger one is refused with {@code NO [TOOBIG]}
 *                         (RFC 7889 §4) before its octets are read when the literal is
 *                         synchronizing, and after they are read and dropped when it is not
 * @param maxConnections   the most connections open at once (default 1000); one more is greeted
 *                         with {@code * BYE} and closed (RFC 3501 §7.1.5)
 * @param maxConnectionsPerUser the most connections one user may be logged in on at once (default
 *                         20); one more LOGIN or AUTHENTICATE gets {@code NO [LIMIT]} (RFC 5530)
 *                         and the connection stays unauthenticated
 * @param writeTimeout     how long a write to a client may block (default 60 s): a client that
 *                         stops reading its responses fills the socket buffers, and past this the
 *                         server closes its connection instead of holding it forever
 * @param loginTimeout     how long a client may stay silent before it has logged in (default 2
 *                         minutes; the idle timeout when that is shorter): RFC 3501 §5.4 sets its 30-minute
 *                         minimum for authenticated sessions only, and connections that never log
 *                         in should not hold their place among {@code maxConnections} for long
 */
public record ServerConfig(String host, int port, int maxLineLength, long maxLiteralSize, Duration idleTimeout,
        Duration idlePollInterval, long maxMessageSize, int maxConnections, int maxConnectionsPerUser,
        Duration writeTimeout, Duration loginTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 1143;
    public static final int DEFAULT_MAX_LINE_LENGTH = 65_536;
    public static final long DEFAULT_MAX_LITERAL_SIZE = 50L * 1024 * 1024;
    /** In seconds as well, for option defaults that must be constants. */
    public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 30 * 60;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS);
    public static final Duration DEFAULT_IDLE_POLL_INTERVAL = Duration.ofMillis(100);
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_USER = 20;
    public static final long DEFAULT_WRITE_TIMEOUT_SECONDS = 60;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(DEFAULT_WRITE_TIMEOUT_SECONDS);
    public static final long DEFAULT_LOGIN_TIMEOUT_SECONDS = 2 * 60;
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(DEFAULT_LOGIN_TIMEOUT_SECONDS);

    /** The line length RFC 7162 §4 tells clients they may use; a server taking less would fail them. */
    public static final int MIN_MAX_LINE_LENGTH = 8192;

    /** Literals are held in memory as one string, so their size stays well below Java's array limit. */
    public static final long MAX_MAX_LITERAL_SIZE = 1L << 30;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idlePollInterval, "idlePollInterval");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
        }
        if (maxLineLength < MIN_MAX_LINE_LENGTH) {
            throw new IllegalArgumentException("maxLineLength must be at least " + MIN_MAX_LINE_LENGTH
                    + " octets (RFC 7162 section 4), not " + maxLineLength);
        }
        if (maxLiteralSize < 0 || maxLiteralSize > MAX_MAX_LITERAL_SIZE) {
            throw new IllegalArgumentException("maxLiteralSize must be from 0 to " + MAX_MAX_LITERAL_SIZE
                    + " octets, not " + maxLiteralSize);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("idleTimeout must be positive and at most "
                    + Integer.MAX_VALUE + " ms, not " + idleTimeout);
        }
        if (idlePollInterval.isNegative() || idlePollInterval.isZero()
                || idlePollInterval.compareTo(idleTimeout) > 0) {
            throw new IllegalArgumentException("idlePollInterval must be positive and at most idleTimeout, not "
                    + idlePollInterval);
        }
        if (maxMessageSize < 1 || maxMessageSize > MAX_MAX_LITERAL_SIZE) {
            throw new IllegalArgumentException("maxMessageSize must be from 1 to " + MAX_MAX_LITERAL_SIZE
                    + " octets, not " + maxMessageSize);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, not " + maxConnections);
        }
        if (maxConnectionsPerUser < 1) {
            throw new IllegalArgumentException("maxConnectionsPerUser must be at least 1, not "
                    + maxConnectionsPerUser);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("writeTimeout must be positive, not " + writeTimeout);
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero() || loginTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("loginTimeout must be positive and at most "
                    + Integer.MAX_VALUE + " ms, not " + loginTimeout);
        }
    }

    /** 127.0.0.1:1143 with the default limits. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_LITERAL_SIZE,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_POLL_INTERVAL, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_CONNECTIONS_PER_USER, DEFAULT_WRITE_TIMEOUT, DEFAULT_LOGIN_TIMEOUT);
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withMaxLineLength(int value) {
        return new ServerConfig(host, port, value, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withMaxLiteralSize(long value) {
        return new ServerConfig(host, port, maxLineLength, value, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, value, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withIdlePollInterval(Duration value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, value,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withMaxMessageSize(long value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                value, maxConnections, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withMaxConnections(int value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, value, maxConnectionsPerUser, writeTimeout, loginTimeout);
    }

    public ServerConfig withMaxConnectionsPerUser(int value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, value, writeTimeout, loginTimeout);
    }

    public ServerConfig withWriteTimeout(Duration value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, value, loginTimeout);
    }

    public ServerConfig withLoginTimeout(Duration value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval,
                maxMessageSize, maxConnections, maxConnectionsPerUser, writeTimeout, value);
    }
}
