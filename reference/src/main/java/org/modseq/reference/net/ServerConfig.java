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
 */
public record ServerConfig(String host, int port, int maxLineLength, long maxLiteralSize, Duration idleTimeout,
        Duration idlePollInterval) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 1143;
    public static final int DEFAULT_MAX_LINE_LENGTH = 65_536;
    public static final long DEFAULT_MAX_LITERAL_SIZE = 50L * 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_IDLE_POLL_INTERVAL = Duration.ofMillis(100);

    /** The line length RFC 7162 §4 tells clients they may use; a server taking less would fail them. */
    public static final int MIN_MAX_LINE_LENGTH = 8192;

    /** Literals are held in memory as one string, so their size stays well below Java's array limit. */
    public static final long MAX_MAX_LITERAL_SIZE = 1L << 30;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(idlePollInterval, "idlePollInterval");
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
    }

    /** 127.0.0.1:1143 with the default limits. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_LITERAL_SIZE,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_POLL_INTERVAL);
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, maxLineLength, maxLiteralSize, idleTimeout, idlePollInterval);
    }

    public ServerConfig withMaxLineLength(int value) {
        return new ServerConfig(host, port, value, maxLiteralSize, idleTimeout, idlePollInterval);
    }

    public ServerConfig withMaxLiteralSize(long value) {
        return new ServerConfig(host, port, maxLineLength, value, idleTimeout, idlePollInterval);
    }

    public ServerConfig withIdleTimeout(Duration value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, value, idlePollInterval);
    }

    public ServerConfig withIdlePollInterval(Duration value) {
        return new ServerConfig(host, port, maxLineLength, maxLiteralSize, idleTimeout, value);
    }
}
