package org.modseq.reference.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The server's side of TLS: a private key and its certificate chain, and the sockets they wrap.
 * Used for implicit TLS on an IMAPS port (RFC 8314) and for STARTTLS (RFC 9051 §6.2.1). Only
 * TLS 1.3 and 1.2 are offered (RFC 8314 §4.1 asks for 1.2 or later); the JDK's provider does the rest.
 */
public final class ServerTls {

    /** What TLS versions a connection may use. */
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** The in-memory key store needs a password; it never leaves this object. */
    private static final char[] STORE_PASSWORD = "modseq".toCharArray();

    private final SSLContext context;
    private final List<X509Certificate> chain;
    private final String origin;

    private ServerTls(SSLContext context, List<X509Certificate> chain, String origin) {
        this.context = context;
        this.chain = chain;
        this.origin = origin;
    }

    /**
     * TLS with this key and chain, the server's own certificate first.
     *
     * @param origin where the key came from, for messages ("self-signed", a file name)
     * @throws GeneralSecurityException if the JDK refuses the key or the certificates
     */
    public static ServerTls of(PrivateKey key, List<X509Certificate> chain, String origin)
            throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain holds at least the server's certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        store.setKeyEntry("server", key, STORE_PASSWORD, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new ServerTls(context, List.copyOf(chain), origin);
    }

    /** TLS with a new self-signed certificate for these names; for demos and tests. */
    public static ServerTls selfSigned(List<String> names) throws GeneralSecurityException {
        SelfSignedCertificate generated = SelfSignedCertificate.generate(names);
        return of(generated.key(), List.of(generated.certificate()), "self-signed");
    }

    /**
     * The server side of TLS over a connected socket, whose handshake starts with the first read or
     * write (or {@link SSLSocket#startHandshake()}). Closing it closes {@code socket}. Octets the
     * caller already read off {@code socket} are not replayed: after STARTTLS they are exactly the
     * plaintext a client must not send (RFC 9051 §6.2.1), and they are dropped.
     */
    public SSLSocket wrap(Socket socket) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, (InputStream) null, true);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(PROTOCOLS);
        return tls;
    }

    /** The server's certificate. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** Where the key came from: "self-signed" or the files it was read from. */
    public String origin() {
        return origin;
    }

    /** The SHA-256 fingerprint of the server's certificate, as {@code openssl x509 -fingerprint -sha256} shows it. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of a certificate the JDK accepted", e);
        }
    }
}
