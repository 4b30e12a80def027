package org.modseq.benchmarks.driver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small IMAP client for load: it writes command lines, reads response lines
 * (literals folded into their line) and knows nothing of the protocol beyond tags. It talks to
 * any server, so the same workload can be timed against Modseq and against Dovecot.
 */
final class WireClient implements AutoCloseable {

    private static final Pattern LITERAL_AT_END = Pattern.compile("\\{(\\d+)\\+?}$");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long tags;

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    /** Connects, reads the greeting and logs in; a refused login is an {@link IOException} naming the server's answer. */
    static WireClient login(Target target) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
        socket.setSoTimeout(300_000);
        WireClient client = new WireClient(socket);
        String greeting = client.readLine();
        if (!greeting.startsWith("* OK")) {
            client.close();
            throw new IOException("unexpected greeting from " + target + ": " + greeting);
        }
        client.expectOk("LOGIN " + quoted(target.user()) + " " + quoted(target.password()));
        return client;
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A fresh tag. */
    String nextTag() {
        return "d" + (++tags);
    }

    /** Queues a command line (CRLF added); {@link #flush()} sends what is queued. */
    void write(String tag, String command) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Queues raw octets, e.g. a non-synchronizing literal's content. */
    void writeOctets(byte[] octets) throws IOException {
        out.write(octets);
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Sends a command and returns every line up to and including its tagged response. */
    List<String> command(String command) throws IOException {
        String tag = nextTag();
        write(tag, command);
        flush();
        return readUntil(tag);
    }

    /** As {@link #command} but fails unless the tagged response is OK. */
    List<String> expectOk(String command) throws IOException {
        List<String> lines = command(command);
        String last = lines.getLast();
        if (!last.substring(last.indexOf(' ') + 1).startsWith("OK")) {
            throw new IOException("server refused '" + abbreviate(command) + "': " + last);
        }
        return lines;
    }

    List<String> readUntil(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String prefix = tag + " ";
        while (true) {
            String line = readLine();
            lines.add(line);
            if (line.startsWith(prefix)) {
                return lines;
            }
        }
    }

    /** One response line without CRLF; a literal at the end of a line is read and appended. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            String part = readRawLine();
            line.append(part);
            Matcher literal = LITERAL_AT_END.matcher(part);
            if (!literal.find()) {
                return line.toString();
            }
            int size = Integer.parseInt(literal.group(1));
            byte[] octets = in.readNBytes(size);
            if (octets.length < size) {
                throw new EOFException("connection closed inside a literal");
            }
            line.append("\r\n").append(new String(octets, StandardCharsets.ISO_8859_1));
        }
    }

    private String readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }

    static String abbreviate(String command) {
        return command.length() <= 60 ? command : command.substring(0, 57) + "...";
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                write(nextTag(), "LOGOUT");
                flush();
            }
        } catch (IOException ignored) {
            // The server may already have closed; closing the socket is what matters.
        } finally {
            socket.close();
        }
    }
}
