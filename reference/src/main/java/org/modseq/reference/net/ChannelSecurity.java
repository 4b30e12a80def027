package org.modseq.reference.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What protects one connection, and what follows from it: whether a password may be sent on it
 * and what CAPABILITY announces besides the engine's list. The engine knows nothing of sockets,
 * so these are the network layer's to add.
 *
 * @param encrypted           TLS is running: implicit TLS, or after STARTTLS
 * @param loopback            the client is on this machine's loopback address, and the operator
 *                            counts that as safe ({@link SecurityConfig#trustLoopback()})
 * @param startTlsConfigured  the server has a key and certificate for STARTTLS
 * @param allowPlaintextLogin the operator lets passwords cross the network in plain text
 */
record ChannelSecurity(boolean encrypted, boolean loopback, boolean startTlsConfigured, boolean allowPlaintextLogin) {

    /** The capability of RFC 9051 §6.2.3 and §7.2.1 (RFC 3501 §6.2.3): LOGIN is refused here. */
    static final String LOGINDISABLED = "LOGINDISABLED";

    static ChannelSecurity of(InetAddress client, boolean encrypted, SecurityConfig security) {
        return new ChannelSecurity(encrypted, security.trustLoopback() && client != null && client.isLoopbackAddress(),
                security.tls().isPresent(), security.allowPlaintextLogin());
    }

    /**
     * Whether LOGIN and AUTHENTICATE PLAIN are taken: with TLS; on the loopback address, which
     * nobody else can listen to (Dovecot counts it as secure too); or when the operator allows
     * plaintext logins. Otherwise the password would cross a network in the clear (RFC 9051
     * §11.1, RFC 8314 §5.4).
     */
    boolean loginAllowed() {
        return encrypted || loopback || allowPlaintextLogin;
    }

    /** STARTTLS is offered only in the not-authenticated state, and only once (RFC 9051 §6.2.1). */
    boolean startTlsOffered(boolean authenticated) {
        return startTlsConfigured && !encrypted && !authenticated;
    }

    /**
     * The engine's capabilities as this connection announces them: STARTTLS while it may be used;
     * LOGINDISABLED instead of the AUTH= mechanisms when passwords are refused (no mechanism is
     * usable then, as PLAIN is the only one); and {@code APPENDLIMIT=} with the largest message
     * APPEND takes (RFC 7889 §3), which is the network layer's limit.
     */
    List<String> capabilities(List<String> engine, boolean authenticated, long appendLimit) {
        List<String> announced = new ArrayList<>();
        for (String capability : engine) {
            if (!loginAllowed() && capability.toUpperCase(Locale.ROOT).startsWith("AUTH=")) {
                continue;
            }
            announced.add(capability);
        }
        if (startTlsOffered(authenticated)) {
            announced.add("STARTTLS");
        }
        if (!loginAllowed() && !authenticated) {
            announced.add(LOGINDISABLED);
        }
        announced.add("APPENDLIMIT=" + appendLimit);
        return announced;
    }
}
