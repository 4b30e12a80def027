package org.modseq.reference.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.SecurityConfig;
import org.modseq.reference.tls.PemFiles;
import org.modseq.reference.tls.ServerTls;
import picocli.CommandLine.Option;

/**
 * The TLS and login options of {@code modseq serve}, as one picocli mixin: a key and certificate in
 * PEM files or a self-signed certificate made at start, an IMAPS port, and whether passwords may be
 * sent without TLS from other machines.
 */
final class SecurityOptions {

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "TLS certificate chain in PEM, the server's certificate first; with --tls-key,"
                    + " the plain port offers STARTTLS.")
    private Path certificateFile;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The certificate's private key in PEM, unencrypted (PKCS#8, RSA or EC).")
    private Path keyFile;

    @Option(names = "--tls-self-signed",
            description = "Make a self-signed certificate at start (for demos: clients must be told to trust it).")
    private boolean selfSigned;

    @Option(names = "--imaps-port", paramLabel = "PORT",
            description = "Also listen here with implicit TLS (IMAPS, usually 993); needs a certificate. 0 picks a free one.")
    private Integer imapsPort;

    @Option(names = "--allow-plaintext-login",
            description = "Take LOGIN and AUTHENTICATE PLAIN without TLS from any address. Without it, a connection"
                    + " without TLS announces LOGINDISABLED unless the client is on the loopback address.")
    private boolean allowPlaintextLogin;

    @Option(names = "--untrusted-loopback",
            description = "Treat clients on the loopback address like remote ones (behind a port forward or proxy"
                    + " on this machine, every client seems to come from there).")
    private boolean untrustedLoopback;

    /** The security these options describe; the TLS key is read or made here. */
    SecurityConfig config(String host) throws CommandFailure {
        if ((certificateFile == null) != (keyFile == null)) {
            throw new CommandFailure("--tls-cert and --tls-key go together: give both, or neither");
        }
        if (selfSigned && certificateFile != null) {
            throw new CommandFailure("--tls-self-signed and --tls-cert exclude each other: give one");
        }
        Optional<ServerTls> tls = tls(host);
        if (imapsPort != null && tls.isEmpty()) {
            throw new CommandFailure("--imaps-port needs a certificate: add --tls-cert and --tls-key, or --tls-self-signed");
        }
        try {
            return new SecurityConfig(tls, imapsPort == null ? OptionalInt.empty() : OptionalInt.of(imapsPort),
                    allowPlaintextLogin, !untrustedLoopback);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("Invalid value for option '--imaps-port': " + imapsPort + " is not from 0 to 65535");
        }
    }

    private Optional<ServerTls> tls(String host) throws CommandFailure {
        if (certificateFile != null) {
            try {
                return Optional.of(PemFiles.load(certificateFile, keyFile));
            } catch (IOException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
        }
        if (selfSigned) {
            try {
                return Optional.of(ServerTls.selfSigned(selfSignedNames(host)));
            } catch (GeneralSecurityException e) {
                throw new CommandFailure("cannot make a self-signed certificate: " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /** localhost and the loopback addresses, and the host the server listens on when it is a name or address of its own. */
    private static List<String> selfSignedNames(String host) {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!names.contains(host) && !host.equals("0.0.0.0") && !host.equals("::")) {
            names.addFirst(host);
        }
        return names;
    }

    /** What the operator should know about TLS and logins once the server listens. */
    static void describe(ImapServer server, String host, PrintWriter out) {
        SecurityConfig security = server.security();
        server.imapsAddress().ifPresent(address -> out.println("IMAPS (implicit TLS) on " + address));
        security.tls().ifPresent(tls -> {
            out.println("STARTTLS offered on " + server.address() + "; TLS certificate: " + tls.origin());
            out.println("Certificate SHA-256 fingerprint: " + tls.fingerprint());
        });
        if (security.allowPlaintextLogin()) {
            out.println("Plaintext logins allowed from any address (--allow-plaintext-login):"
                    + " passwords may cross the network in the clear.");
        } else if (!isLoopback(host) || !security.trustLoopback()) {
            out.println(security.tls().isPresent()
                    ? "Clients on other machines must use STARTTLS or IMAPS to log in (LOGINDISABLED without TLS)."
                    : "Warning: no TLS, so clients on other machines cannot log in (LOGINDISABLED);"
                            + " add --tls-cert and --tls-key, or --allow-plaintext-login.");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
