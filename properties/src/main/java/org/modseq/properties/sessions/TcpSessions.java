package org.modseq.properties.sessions;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modseq.model.command.Command;
import org.modseq.reference.engine.ImapEngine;
import org.modseq.reference.net.ImapServer;
import org.modseq.reference.net.ServerConfig;

/**
 * Sessions as sockets to an IMAP server: any server on a host and port, or an {@link ImapServer}
 * this process starts over an engine ({@link #serve}). Each
 * command goes out as its wire text ({@link Command#toWire()}), literals sent after the server's
 * continuation, and the response lines come back with their literals, so that they compare with
 * {@link org.modseq.model.response.Response#toWire()} as they are.
 *
 * <p>Against the reference everything stays in order without waiting on the clock: each command's tagged response is
 * read before the next step; a dropped connection is half-closed and its end of stream awaited,
 * which the server sends only after the engine has dropped the session; and the server never
 * polls for updates during an IDLE (its poll interval is its idle timeout), so an IDLE reports
 * what was owed when it began and what is owed at DONE, as {@link InProcessSessions#idleThenDone}.
 */
public final class TcpSessions implements ServerSessions {

    /** How long any read may take before the step fails: a hang is a failure, never a wait. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    private static final ServerConfig CONFIG = ServerConfig.defaults().withPort(0)
            .withIdlePollInterval(ServerConfig.DEFAULT_IDLE_TIMEOUT);
    /** A literal's announcement at the end of a line: {@code {n}} or the non-synchronizing {@code {n+}}. */
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)(\\+?)}$");

    private final String host;
    private final int port;
    private final Duration readTimeout;
    private final ImapServer server;
    private final Map<String, Wire> sessions = new HashMap<>();

    private TcpSessions(String host, int port, Duration readTimeout, ImapServer server) {
        this.host = host;
        this.port = port;
        this.readTimeout = readTimeout;
        this.server = server;
    }

    /** Sessions to a server that listens on {@code host:port}; any read longer than {@code readTimeout} fails. */
    public static TcpSessions connectTo(String host, int port, Duration readTimeout) {
        return new TcpSessions(host, port, readTimeout, null);
    }

    /** Starts an {@link ImapServer} for {@code engine} on a free port of 127.0.0.1; {@link #close} stops it. */
    public static TcpSessions serve(ImapEngine engine) {
        try {
            ImapServer server = ImapServer.start(engine, CONFIG);
            return new TcpSessions(ServerConfig.DEFAULT_HOST, server.port(), DEFAULT_READ_TIMEOUT, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> connect(String id) {
        try {
            Wire old = sessions.remove(id);
            if (old != null) {
                old.drop();
            }
            Wire wire = new Wire(host, port, readTimeout);
            sessions.put(id, wire);
            return List.of(wire.readResponse());
        } catch (IOException e) {
            throw new UncheckedIOException("session " + id + ": connecting failed", e);
        }
    }

    @Override
    public List<String> send(String id, String tag, Command command) {
        try {
            return sessions.get(id).send(tag, command);
        } catch (IOException e) {
            throw new UncheckedIOException("session " + id + ": " + tag + " " + command.toWire() + " failed", e);
        }
    }

    @Override
    public List<String> continueWith(String id, String tag, String line) {
        try {
            return sessions.get(id).continueWith(tag, line);
        } catch (IOException e) {
            throw new UncheckedIOException("session " + id + ": response to " + tag + " failed", e);
        }
    }

    /** A NOOP's untagged responses: what {@link org.modseq.reference.engine.Connection#idleUpdates()} returns. */
    @Override
    public List<String> idleUpdates(String id) {
        List<String> lines = send(id, "idle", new Command.Noop());
        return lines.subList(0, lines.size() - 1);
    }

    /**
     * Drops every connection as {@link #connect} drops one, so that the server has ended every
     * session when this returns (a checker's next scenario must not find them still selecting
     * its mailboxes), then stops the server this started, if any.
     */
    @Override
    public void close() {
        for (Wire wire : sessions.values()) {
            try {
                wire.drop();
            } catch (IOException e) {
                wire.close(); // no end of stream within the read timeout: the server hangs or is gone
            }
        }
        sessions.clear();
        if (server != null) {
            server.close();
        }
    }

    /** One client socket: wire text out, response lines (with their literals) in. */
    private static final class Wire {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Wire(String host, int port, Duration readTimeout) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), (int) readTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        /** Sends the command and reads through its tagged response; an IDLE is ended by DONE at once. */
        List<String> send(String tag, Command command) throws IOException {
            List<String> responses = new ArrayList<>();
            try {
                if (!sendText(tag, tag + " " + command.toWire(), responses)) {
                    return responses; // refused before its literal was sent
                }
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                // The server closed the connection: a BYE it sent before may still be buffered.
                readThroughTagged(tag, responses);
                throw e;
            }
            if (command instanceof Command.Idle) {
                String first = readResponse();
                responses.add(first);
                if (!first.startsWith("+ ")) {
                    // Refused: no IDLE to end; an untagged response first (a BYE) is read on to the end.
                    return first.startsWith(tag + " ") ? responses : readThroughTagged(tag, responses);
                }
                write("DONE\r\n");
            }
            if (command instanceof Command.Authenticate auth && auth.initialResponse().isEmpty()) {
                return readThroughTaggedOrRequest(tag, responses); // the server may ask for the response
            }
            return readThroughTagged(tag, responses);
        }

        /** Sends the line a continuation request asked for; reads through the tagged response or the next request. */
        List<String> continueWith(String tag, String line) throws IOException {
            write(line + "\r\n");
            return readThroughTaggedOrRequest(tag, new ArrayList<>());
        }

        private List<String> readThroughTaggedOrRequest(String tag, List<String> responses) throws IOException {
            while (responses.isEmpty() || !responses.getLast().startsWith(tag + " ")
                    && !responses.getLast().startsWith("+ ") && !responses.getLast().equals("+")) {
                responses.add(readResponse());
            }
            return responses;
        }

        /**
         * Writes the text line by line: each line announcing a synchronizing literal waits for
         * the server's continuation before the literal's octets follow (RFC 3501 §7.5). False
         * when the server answered with the tagged response instead; it is in {@code responses}.
         */
        private boolean sendText(String tag, String text, List<String> responses) throws IOException {
            int at = 0;
            while (true) {
                int end = text.indexOf("\r\n", at);
                if (end < 0) {
                    write(text.substring(at) + "\r\n");
                    return true;
                }
                String line = text.substring(at, end);
                Matcher literal = LITERAL.matcher(line);
                if (!literal.find()) {
                    throw new IllegalStateException("a line break outside a literal in " + text);
                }
                write(line + "\r\n");
                if (literal.group(2).isEmpty()) {
                    String answer = readResponse();
                    if (!answer.startsWith("+ ")) {
                        responses.add(answer);
                        readThroughTagged(tag, responses);
                        return false;
                    }
                }
                int size = Integer.parseInt(literal.group(1));
                write(text.substring(end + 2, end + 2 + size));
                at = end + 2 + size;
            }
        }

        private List<String> readThroughTagged(String tag, List<String> responses) throws IOException {
            while (responses.isEmpty() || !responses.getLast().startsWith(tag + " ")) {
                try {
                    responses.add(readResponse());
                } catch (SocketTimeoutException e) {
                    throw e;
                } catch (IOException e) {
                    // An end of stream, or a reset when the server closed before reading the command.
                    if (responses.stream().anyMatch(l -> l.startsWith("* BYE"))) {
                        throw new ClosedAfterBye(responses);
                    }
                    throw e;
                }
            }
            return responses;
        }

        /** One response: a line, and any literal it ends with followed by the rest of the response. */
        String readResponse() throws IOException {
            StringBuilder response = new StringBuilder(readLine());
            Matcher literal = LITERAL.matcher(response);
            while (literal.find()) {
                int size = Integer.parseInt(literal.group(1));
                response.append("\r\n").append(new String(in.readNBytes(size), StandardCharsets.ISO_8859_1));
                response.append(readLine());
                literal = LITERAL.matcher(response);
            }
            return response.toString();
        }

        /** A line without its CRLF, one char per octet as the engines' wire text holds it. */
        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new EOFException("the server closed the connection; partial line: "
                            + line.toString(StandardCharsets.ISO_8859_1));
                }
                if (c == '\n' && previous == '\r') {
                    byte[] octets = line.toByteArray();
                    return new String(octets, 0, octets.length - 1, StandardCharsets.ISO_8859_1);
                }
                line.write(c);
                previous = c;
            }
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /**
         * The connection ends without LOGOUT: half-closed, then read to the end of the stream,
         * which the server sends once its engine has dropped the session.
         */
        void drop() throws IOException {
            socket.shutdownOutput();
            while (in.read() >= 0) {
                // Nothing is owed to a session that sent nothing; drain whatever is there.
            }
            socket.close();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing after the history: nothing more to do.
            }
        }
    }
}
