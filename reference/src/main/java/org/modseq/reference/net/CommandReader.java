package org.modseq.reference.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads whole client commands off a connection: the command line and, when it ends in a literal
 * header, the literal's octets and the rest of the command (RFC 3501 §7.5, §9 {@code literal}).
 * The result is one string in the form {@link org.modseq.model.wire.CommandParser} reads, with
 * each literal inline as {@code {n}CRLF<n octets>}.
 *
 * <ul>
 *   <li>A line ends at CRLF (RFC 3501 §9); a bare LF is taken too, as {@code nc} and some
 *       scripts send it.</li>
 *   <li>A synchronizing literal {@code {n}} is answered {@code + Ready for literal data} before its
 *       octets are read (RFC 3501 §7.5); a non-synchronizing one {@code {n+}} (LITERAL+, RFC 7888)
 *       is read at once.</li>
 *   <li>The command text outside literals may hold at most {@code maxLineLength} octets in all
 *       (RFC 7162 §4), and its literals at most {@code maxLiteralSize} octets in all, so one
 *       command never holds more memory than the two limits.</li>
 * </ul>
 *
 * <p>Text is decoded as UTF-8, as the parser counts literal octets in UTF-8. 8-bit literal
 * content that is not UTF-8 is not supported yet: each malformed sequence becomes U+FFFD, and the
 * literal's count is rewritten to the octets of the decoded text so that the parser still reads
 * one consistent command. NUL octets are passed on: the parser answers them with a tagged BAD.
 */
public final class CommandReader {

    /** What one read produced. */
    public sealed interface Input {
        /** A complete command, or for {@link #readLine()} one line, without the final line end. */
        record Text(String text) implements Input {
        }

        /** The client closed the connection, before or in the middle of a command. */
        record EndOfStream() implements Input {
        }

        /**
         * The command text went beyond the line limit; the rest of it was not read. {@code tag}
         * is the command's tag when its start was a valid one, else {@code *}.
         */
        record LineTooLong(String tag) implements Input {
        }

        /**
         * A literal beyond the size limit was announced; its octets were not read. After a
         * synchronizing one the client sends nothing more for this command, so the session can go
         * on; after a non-synchronizing one the octets are on their way.
         *
         * @param tag the command's tag as written, or {@code *} when the line has none that is valid
         */
        record LiteralTooLarge(String tag, long size, boolean synchronizing) implements Input {
        }

        /**
         * An APPEND whose message literal is beyond the message size limit (RFC 7889). A
         * synchronizing literal was not read and the client sends nothing more for this command; a
         * non-synchronizing one (within the literal limit) was read to the end of the command and
         * dropped. Either way the session goes on.
         */
        record MessageTooLarge(String tag, long size) implements Input {
        }
    }

    /** The continuation request sent before a synchronizing literal (RFC 3501 §7.5). */
    public static final String CONTINUATION = "+ Ready for literal data";

    private static final byte[] CONTINUATION_LINE = (CONTINUATION + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream continuations;
    private final int maxLineLength;
    private long maxLiteralSize;
    private final long maxMessageSize;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    /**
     * @param in             the client's octets
     * @param continuations  where continuation requests go; flushed after each
     * @param maxLineLength  the most octets of command text outside literals, line ends not counted
     * @param maxLiteralSize the most literal octets in one command
     * @param maxMessageSize the largest literal an APPEND may carry
     */
    public CommandReader(InputStream in, OutputStream continuations, int maxLineLength, long maxLiteralSize,
            long maxMessageSize) {
        this.in = Objects.requireNonNull(in, "in");
        this.continuations = Objects.requireNonNull(continuations, "continuations");
        if (maxLineLength < 1 || maxLiteralSize < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxLineLength = maxLineLength;
        this.maxLiteralSize = maxLiteralSize;
        this.maxMessageSize = maxMessageSize;
    }

    /** As the full constructor, with messages limited only by the literal limit. */
    public CommandReader(InputStream in, OutputStream continuations, int maxLineLength, long maxLiteralSize) {
        this(in, continuations, maxLineLength, maxLiteralSize, maxLiteralSize);
    }

    /**
     * Changes the literal limit from the next command on: the connection lowers it before login,
     * so that a client that has not logged in cannot make the server hold large literals.
     */
    public void setMaxLiteralSize(long octets) {
        if (octets < 0) {
            throw new IllegalArgumentException("the literal limit must not be negative");
        }
        maxLiteralSize = octets;
    }

    public long maxLiteralSize() {
        return maxLiteralSize;
    }

    /**
     * Drops the octets already read off the stream and not yet taken by a command, and says how
     * many there were: after STARTTLS, what the client sent before it could see the OK must not
     * be read as commands (RFC 9051 §6.2.1).
     */
    public int discardBuffered() {
        int dropped = limit - position;
        position = limit;
        return dropped;
    }

    /** Reads the next command, following its literals. */
    public Input readCommand() throws IOException {
        StringBuilder command = new StringBuilder();
        int lineOctets = 0;
        long literalOctets = 0;
        String tag = null;
        boolean append = false;
        long tooLargeMessage = -1;
        while (true) {
            byte[] line = readLineOctets(maxLineLength - lineOctets);
            if (line == null) {
                return new Input.EndOfStream();
            }
            if (line == TOO_LONG) {
                return new Input.LineTooLong(tag != null ? tag : tagOf(overlongStart));
            }
            lineOctets += line.length;
            String text = new String(line, StandardCharsets.ISO_8859_1);
            if (tag == null) {
                tag = tagOf(text);
                append = isAppend(text);
            }
            LiteralHeader header = LiteralHeader.at(text);
            if (header == null) {
                return tooLargeMessage >= 0 ? new Input.MessageTooLarge(tag, tooLargeMessage)
                        : new Input.Text(command.append(text).toString());
            }
            literalOctets = saturatedSum(literalOctets, header.size());
            if (literalOctets > maxLiteralSize) {
                return new Input.LiteralTooLarge(tag, header.size(), header.synchronizing());
            }
            if (append && header.size() > maxMessageSize) {
                // RFC 7889 §4: refused before the octets are sent when the client waits for "+".
                if (header.synchronizing()) {
                    return new Input.MessageTooLarge(tag, header.size());
                }
                tooLargeMessage = header.size();
            }
            if (tooLargeMessage >= 0) {
                // The octets of a non-synchronizing literal come anyway: read them and keep none.
                if (header.synchronizing()) {
                    sendContinuation();
                }
                if (!skipOctets(header.size())) {
                    return new Input.EndOfStream();
                }
                continue;
            }
            if (header.synchronizing()) {
                sendContinuation();
            }
            byte[] literal = readOctets((int) header.size());
            if (literal == null) {
                return new Input.EndOfStream();
            }
            // One char per octet (ISO-8859-1), as ImapString holds wire text: any octets survive.
            command.append(text).append("\r\n").append(new String(literal, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Reads one line as it is, literal headers included: the {@code DONE} that ends IDLE (RFC 2177),
     * or the response to an AUTHENTICATE continuation request (RFC 3501 §6.2.2).
     */
    public Input readLine() throws IOException {
        byte[] line = readLineOctets(maxLineLength);
        if (line == null) {
            return new Input.EndOfStream();
        }
        if (line == TOO_LONG) {
            return new Input.LineTooLong("*");
        }
        return new Input.Text(new String(line, StandardCharsets.ISO_8859_1));
    }

    private void sendContinuation() throws IOException {
        continuations.write(CONTINUATION_LINE);
        continuations.flush();
    }

    /** An APPEND command, whose literal is a message (RFC 3501 §6.3.11): its name follows the tag. */
    private static boolean isAppend(String line) {
        int space = line.indexOf(' ');
        return space > 0 && line.regionMatches(true, space + 1, "APPEND ", 0, 7);
    }

    // --- Octets ---------------------------------------------------------------------------

    /** Reads and drops {@code count} octets; false if the stream ends first. */
    private boolean skipOctets(long count) throws IOException {
        long left = count;
        int buffered = (int) Math.min(left, limit - position);
        position += buffered;
        left -= buffered;
        byte[] discard = new byte[8192];
        while (left > 0) {
            int n = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (n < 0) {
                return false;
            }
            left -= n;
        }
        return true;
    }

    /** Marks a line beyond its budget; compared by identity. */
    private static final byte[] TOO_LONG = new byte[0];
    /** Room for a tag: the start of the last overlong line is kept so that its BAD can carry it. */
    private static final int OVERLONG_START = 100;
    private String overlongStart = "";

    /**
     * The octets of the next line without its CRLF or LF; {@link #TOO_LONG} when more than
     * {@code budget} octets come first (they are consumed, the rest is not); null at the end of the
     * stream, even after part of a line.
     */
    private byte[] readLineOctets(int budget) throws IOException {
        ByteSink line = new ByteSink(Math.min(budget, 256));
        while (true) {
            if (position == limit && !fill()) {
                return null;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int end = position;
            boolean complete = position < limit;
            if (complete) {
                position++;
            }
            // The CR of a CRLF may sit at the end of the previous fill; strip it once the line is whole.
            if (line.size() + (end - start) > budget + 1) {
                line.write(buffer, start, Math.min(end - start, OVERLONG_START));
                return overlong(line);
            }
            line.write(buffer, start, end - start);
            if (complete) {
                line.dropTrailingCr();
                return line.size() > budget ? overlong(line) : line.toByteArray();
            }
        }
    }

    /** Exactly {@code count} octets, or null if the stream ends first. */
    private byte[] readOctets(int count) throws IOException {
        byte[] octets = new byte[count];
        int buffered = Math.min(count, limit - position);
        System.arraycopy(buffer, position, octets, 0, buffered);
        position += buffered;
        int done = buffered;
        while (done < count) {
            int n = in.read(octets, done, count - done);
            if (n < 0) {
                return null;
            }
            done += n;
        }
        return octets;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            // read never returns 0 for a non-empty buffer; treat it as the end to be safe
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    // --- Text -----------------------------------------------------------------------------

    /** A literal header {@code {n}} or {@code {n+}} at the very end of a line (RFC 3501 §9, RFC 7888). */
    private record LiteralHeader(int start, long size, boolean synchronizing) {

        /** The header ending {@code line}, or null; a count too long for a long reads as Long.MAX_VALUE. */
        static LiteralHeader at(String line) {
            if (!line.endsWith("}")) {
                return null;
            }
            int end = line.length() - 1;
            boolean synchronizing = true;
            if (end > 0 && line.charAt(end - 1) == '+') {
                synchronizing = false;
                end--;
            }
            int digitsStart = end;
            while (digitsStart > 0 && isDigit(line.charAt(digitsStart - 1))) {
                digitsStart--;
            }
            if (digitsStart == end || digitsStart == 0 || line.charAt(digitsStart - 1) != '{') {
                return null;
            }
            String digits = line.substring(digitsStart, end);
            long size = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            return new LiteralHeader(digitsStart - 1, size, synchronizing);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /**
     * The tag as the client wrote it, for a refusal sent before the command is parsed: the text
     * before the first space when it is a valid tag (RFC 3501 §9 {@code tag}), else {@code *}.
     */
    private byte[] overlong(ByteSink line) {
        byte[] octets = line.toByteArray();
        overlongStart = new String(octets, 0, Math.min(octets.length, OVERLONG_START), StandardCharsets.ISO_8859_1);
        return TOO_LONG;
    }

    static String tagOf(String line) {
        int space = line.indexOf(' ');
        String tag = space < 0 ? line : line.substring(0, space);
        if (tag.isEmpty()) {
            return "*";
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            boolean atomChar = c > ' ' && c < 0x7f && "(){%*\"\\".indexOf(c) < 0;
            if (!atomChar || c == '+') {
                return "*";
            }
        }
        return tag;
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** A growing byte array that can drop a trailing CR. */
    private static final class ByteSink extends ByteArrayOutputStream {
        ByteSink(int size) {
            super(size);
        }

        void dropTrailingCr() {
            if (count > 0 && buf[count - 1] == '\r') {
                count--;
            }
        }
    }
}
