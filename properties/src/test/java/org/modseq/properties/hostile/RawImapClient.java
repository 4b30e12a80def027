package org.modseq.properties.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that writes any octets, hostile ones included, and reads the server's lines with a
 * timeout: a server that stops answering fails the read instead of hanging the test.
 */
final class RawImapClient implements AutoCloseable {

    /** The server did not answer, or did not close, within the timeout. */
    static final class Hang extends AssertionError {
        Hang(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawImapClient(int port, Duration timeout) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) timeout.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(byte[] octets) throws IOException {
        out.write(octets);
        out.flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Ends what this client sends (FIN), as a client that gives up mid-command does. */
    void endInput() throws IOException {
        socket.shutdownOutput();
    }

    /** The next line without its CRLF; null when the server closed the connection. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new Hang("no answer within " + socket.getSoTimeout() + " ms after: " + line);
            } catch (IOException e) {
                return null; // reset: closed as far as this client can tell
            }
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
    }

    /** Lines up to and with the tagged response of {@code tag}, or up to the close (then the last is null). */
    List<String> readUntilTagged(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line == null || line.startsWith(tag + " ")) {
                return lines;
            }
        }
    }

    /** Sends a command and returns its responses, insisting on a tagged OK. */
    List<String> command(String tag, String text) throws IOException {
        send(tag + " " + text + "\r\n");
        List<String> lines = readUntilTagged(tag);
        String last = lines.getLast();
        if (last == null || !last.startsWith(tag + " OK")) {
            throw new AssertionError(text + " failed: " + lines);
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
