package org.modseq.reference.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A line-level IMAP client for tests: sends raw text, reads response lines. Every read is
 * bounded by the socket timeout, so that a test fails instead of hanging.
 */
public final class ImapTestClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public ImapTestClient(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Connects to an IMAPS port (implicit TLS) with this client context, and reads the greeting. */
    public static ImapTestClient connectTls(int port, SSLContext context) throws IOException {
        ImapTestClient client = new ImapTestClient(port);
        client.startTls(context);
        String greeting = client.readLine();
        if (!greeting.startsWith("* OK")) {
            client.close();
            throw new IOException("unexpected greeting: " + greeting);
        }
        return client;
    }

    /** A client context that trusts exactly this certificate (a self-signed one, in tests). */
    public static SSLContext trusting(X509Certificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /** Starts TLS on this connection as a client (after the server's OK to STARTTLS, or at once for IMAPS). */
    public void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.setSoTimeout((int) TIMEOUT.toMillis());
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** The TLS session, or null when the connection is not TLS. */
    public SSLSession tlsSession() {
        return socket instanceof SSLSocket tls ? tls.getSession() : null;
    }

    /** Connects and reads the greeting. */
    public static ImapTestClient connect(int port) throws IOException {
        ImapTestClient client = new ImapTestClient(port);
        String greeting = client.readLine();
        if (!greeting.startsWith("* OK")) {
            client.close();
            throw new IOException("unexpected greeting: " + greeting);
        }
        return client;
    }

    /** Connects, logs in and selects INBOX. */
    public static ImapTestClient selected(int port, String user) throws IOException {
        ImapTestClient client = connect(port);
        client.expectOk("l", "LOGIN " + user + " pw");
        client.expectOk("s", "SELECT INBOX");
        return client;
    }

    public void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void send(byte[] octets) throws IOException {
        out.write(octets);
        out.flush();
    }

    /** Sends {@code tag command CRLF} and reads every line up to and including the tagged one. */
    public List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command + "\r\n");
        return readUntilTagged(tag);
    }

    /** As {@link #command}, failing unless the tagged response is OK. */
    public List<String> expectOk(String tag, String command) throws IOException {
        List<String> lines = command(tag, command);
        if (!lines.getLast().startsWith(tag + " OK")) {
            throw new AssertionError(tag + " " + command + " failed: " + lines);
        }
        return lines;
    }

    public List<String> readUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (!line.startsWith(tag + " "));
        return lines;
    }

    /** Reads lines until one starts with {@code prefix}, within {@link #TIMEOUT} in all. */
    public List<String> readUntilStartsWith(String prefix) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> lines = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith(prefix)) {
                return lines;
            }
        }
        throw new AssertionError("no line starting with " + prefix + " within " + TIMEOUT + ": " + lines);
    }

    /** One response line without its CRLF; EOFException when the server closed the connection. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed; partial line: " + line.toString(StandardCharsets.UTF_8));
            }
            if (c == '\n' && previous == '\r') {
                byte[] octets = line.toByteArray();
                return new String(octets, 0, octets.length - 1, StandardCharsets.UTF_8);
            }
            line.write(c);
            previous = c;
        }
    }

    /** Exactly {@code count} octets, as a literal's content is read after its {@code {n}} line. */
    byte[] readOctets(int count) throws IOException {
        byte[] octets = in.readNBytes(count);
        if (octets.length < count) {
            throw new EOFException("connection closed after " + octets.length + " of " + count + " octets");
        }
        return octets;
    }

    /** True when the server closed the connection: the next read ends the stream within the timeout. */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // A reset is a close too.
            return true;
        }
    }

    /**
     * Reads whatever the server still sends until it closes the connection, and returns it; fails
     * if the connection is still open after {@link #TIMEOUT}.
     */
    public byte[] readUntilClosedByServer() throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + TIMEOUT, e);
        } catch (IOException e) {
            // A reset is a close too.
        }
        return received.toByteArray();
    }

    /** Closes the socket at once, as a client that crashed would, without LOGOUT. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
