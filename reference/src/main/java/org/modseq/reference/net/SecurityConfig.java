package org.modseq.reference.net;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.modseq.reference.tls.ServerTls;

/**
 * How an {@link ImapServer} protects logins: its TLS key and certificate, if any, and where they
 * are used, and whether passwords may cross a network in plain text.
 *
 * @param tls                 the server's key and certificate; with them the plain port offers
 *                            STARTTLS (RFC 9051 §6.2.1)
 * @param imapsPort           a second port where TLS starts at once (implicit TLS, RFC 8314 §3;
 *                            993 by convention); 0 picks a free one; empty for none
 * @param allowPlaintextLogin take LOGIN and AUTHENTICATE PLAIN on a connection without TLS from
 *                            any address. Without it they are refused (LOGINDISABLED, RFC 9051
 *                            §6.2.3) unless the client is on the loopback address, which no one
 *                            else can listen to
 * @param trustLoopback       count the loopback address as safe for passwords (the default). Not
 *                            so behind a plain port forward or proxy on the same machine, where
 *                            every client seems to come from the loopback address
 */
public record SecurityConfig(Optional<ServerTls> tls, OptionalInt imapsPort, boolean allowPlaintextLogin,
        boolean trustLoopback) {

    public SecurityConfig {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(imapsPort, "imapsPort");
        if (imapsPort.isPresent() && tls.isEmpty()) {
            throw new IllegalArgumentException("imapsPort needs a TLS key and certificate");
        }
        if (imapsPort.isPresent() && (imapsPort.getAsInt() < 0 || imapsPort.getAsInt() > 65_535)) {
            throw new IllegalArgumentException("imapsPort must be from 0 to 65535, not " + imapsPort.getAsInt());
        }
    }

    /** No TLS; plaintext logins from the loopback address only. */
    public static SecurityConfig plaintext() {
        return new SecurityConfig(Optional.empty(), OptionalInt.empty(), false, true);
    }

    /** STARTTLS with this key and certificate, and no IMAPS port yet. */
    public static SecurityConfig startTls(ServerTls tls) {
        return new SecurityConfig(Optional.of(tls), OptionalInt.empty(), false, true);
    }

    public SecurityConfig withImapsPort(int port) {
        return new SecurityConfig(tls, OptionalInt.of(port), allowPlaintextLogin, trustLoopback);
    }

    public SecurityConfig withAllowPlaintextLogin(boolean value) {
        return new SecurityConfig(tls, imapsPort, value, trustLoopback);
    }

    public SecurityConfig withTrustLoopback(boolean value) {
        return new SecurityConfig(tls, imapsPort, allowPlaintextLogin, value);
    }
}
