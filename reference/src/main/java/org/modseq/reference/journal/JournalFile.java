package org.modseq.reference.journal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The framing of the journal file: each record is its payload's length (4 octets, big-endian),
 * a CRC32C of the length and the payload (4 octets), then the payload. A reader trusts a record
 * only when the whole frame is there and the checksum matches, so that a write torn by a crash is
 * recognised, never replayed.
 */
final class JournalFile {

    /** Frame octets before the payload. */
    static final int FRAME_HEADER = 8;
    /** No payload is larger: the largest message plus its fields, with room to spare. */
    static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64;

    private JournalFile() {
    }

    /** The frame of {@code payload} followed by {@code tail} (an APPEND's octets; may be empty), as one payload. */
    static byte[] frame(byte[] payload, byte[] tail) {
        int length = payload.length + tail.length;
        byte[] frame = new byte[FRAME_HEADER + length];
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        buffer.putInt(length);
        buffer.putInt(0);
        buffer.put(payload);
        buffer.put(tail);
        CRC32C crc = new CRC32C();
        crc.update(frame, 0, 4);
        crc.update(frame, FRAME_HEADER, length);
        buffer.putInt(4, (int) crc.getValue());
        return frame;
    }

    /** What the reader does with each good record: its payload and the file offset where the payload starts. */
    @FunctionalInterface
    interface Visitor {
        void accept(byte[] payload, long payloadOffset, long frameOffset) throws DataDirectoryException;
    }

    /** Where reading stopped: at the end, or at the first frame that is short or fails its checksum. */
    record Scan(long goodEnd, long size, boolean damagedBeforeEnd) {
        /** True when octets after the last good record must go. */
        boolean hasBadTail() {
            return goodEnd < size;
        }
    }

    /**
     * Reads every good frame from the start, in order, and says where the good part ends and
     * whether a good frame follows the first bad one (damage in the middle, not a torn tail).
     */
    static Scan read(FileChannel channel, Path file, Visitor visitor) throws IOException, DataDirectoryException {
        long size = channel.size();
        long at = 0;
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
        byte[] head = new byte[FRAME_HEADER];
        while (at < size) {
            if (size - at < FRAME_HEADER) {
                break;
            }
            readFully(in, head);
            ByteBuffer h = ByteBuffer.wrap(head);
            int length = h.getInt();
            int expected = h.getInt();
            if (length < 1 || length > size - at - FRAME_HEADER) {
                break;
            }
            byte[] payload = new byte[length];
            readFully(in, payload);
            CRC32C crc = new CRC32C();
            crc.update(head, 0, 4);
            crc.update(payload);
            if ((int) crc.getValue() != expected) {
                break;
            }
            visitor.accept(payload, at + FRAME_HEADER, at);
            at += FRAME_HEADER + length;
        }
        return new Scan(at, size, at < size && goodFrameAfter(channel, at, size));
    }

    /** Whether any offset after {@code bad} starts a whole frame whose checksum matches. */
    private static boolean goodFrameAfter(FileChannel channel, long bad, long size) throws IOException {
        long from = bad + 1;
        while (from + FRAME_HEADER <= size) {
            long span = Math.min(size - from, 1L << 30);
            MappedByteBuffer tail = channel.map(FileChannel.MapMode.READ_ONLY, from, span);
            for (int i = 0; i + FRAME_HEADER <= span; i++) {
                int length = tail.getInt(i);
                if (length < 1 || length > span - i - FRAME_HEADER) {
                    continue;
                }
                CRC32C crc = new CRC32C();
                crc.update(tail.slice(i, 4));
                crc.update(tail.slice(i + FRAME_HEADER, length));
                if ((int) crc.getValue() == tail.getInt(i + 4)) {
                    return true;
                }
            }
            if (span == size - from) {
                break;
            }
            from += span / 2; // windows overlap, so that a frame across a window's end is still seen
        }
        return false;
    }

    private static void readFully(InputStream in, byte[] into) throws IOException {
        int n = in.readNBytes(into, 0, into.length);
        if (n < into.length) {
            throw new EOFException("the journal ended while it was read");
        }
    }
}
