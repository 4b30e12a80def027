package org.modseq.reference.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.modseq.model.mailbox.Flag;

/**
 * One logical change of the reference store, as the journal keeps it: enough to replay the change
 * into a fresh mailbox with the same UIDs and mod-sequences (R1-R12, R91). Mailboxes are named by
 * a journal id that never changes, since names change with RENAME and UIDVALIDITY with a salvage.
 * Each record encodes to a payload whose first octet says its kind; {@link JournalFile} frames it.
 */
public sealed interface JournalRecord {

    /** The first record of every journal: what wrote it and the choices replay depends on. */
    record Header(int version, String settings) implements JournalRecord {
    }

    /** A new mailbox of {@code owner}'s namespace (the empty owner is the shared namespace). */
    record Created(int mailbox, String owner, String name, long uidValidity, boolean persistentModSeqs)
            implements JournalRecord {
    }

    record Deleted(int mailbox) implements JournalRecord {
    }

    record Renamed(int mailbox, String newName) implements JournalRecord {
    }

    /**
     * An APPEND; the octets follow the fields in the payload, which is how they are stored once:
     * the mailbox keeps only where they are in the journal file and reads them when asked.
     */
    record Appended(int mailbox, long uid, long modSeq, String user, Set<Flag> flags, long epochSecond,
            int offsetMinutes, int size) implements JournalRecord {
    }

    record Copied(int target, long uid, long modSeq, int source, long sourceUid) implements JournalRecord {
    }

    record Stored(int mailbox, long uid, String user, Set<Flag> wanted, Set<Flag> scope, long modSeq,
            boolean stampUnchanged) implements JournalRecord {
    }

    record Expunged(int mailbox, long modSeq, long[] uids) implements JournalRecord {
    }

    record Subscribed(String user, String name, boolean subscribed) implements JournalRecord {
    }

    /** A new UIDVALIDITY given on recovery from a damaged journal (R97, R101). */
    record Renumbered(int mailbox, long uidValidity) implements JournalRecord {
    }

    /** The payload of {@code record}; an {@link Appended}'s octets are to be written right after it. */
    static byte[] encode(JournalRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (record) {
                case Header h -> {
                    out.writeByte(0);
                    out.writeInt(h.version());
                    out.writeUTF(h.settings());
                }
                case Created c -> {
                    out.writeByte(1);
                    out.writeInt(c.mailbox());
                    out.writeUTF(c.owner());
                    out.writeUTF(c.name());
                    out.writeLong(c.uidValidity());
                    out.writeBoolean(c.persistentModSeqs());
                }
                case Deleted d -> {
                    out.writeByte(2);
                    out.writeInt(d.mailbox());
                }
                case Renamed r -> {
                    out.writeByte(3);
                    out.writeInt(r.mailbox());
                    out.writeUTF(r.newName());
                }
                case Appended a -> {
                    out.writeByte(4);
                    out.writeInt(a.mailbox());
                    out.writeLong(a.uid());
                    out.writeLong(a.modSeq());
                    out.writeUTF(a.user());
                    writeFlags(out, a.flags());
                    out.writeLong(a.epochSecond());
                    out.writeInt(a.offsetMinutes());
                    out.writeInt(a.size());
                }
                case Copied c -> {
                    out.writeByte(5);
                    out.writeInt(c.target());
                    out.writeLong(c.uid());
                    out.writeLong(c.modSeq());
                    out.writeInt(c.source());
                    out.writeLong(c.sourceUid());
                }
                case Stored s -> {
                    out.writeByte(6);
                    out.writeInt(s.mailbox());
                    out.writeLong(s.uid());
                    out.writeUTF(s.user());
                    writeFlags(out, s.wanted());
                    writeFlags(out, s.scope());
                    out.writeLong(s.modSeq());
                    out.writeBoolean(s.stampUnchanged());
                }
                case Expunged e -> {
                    out.writeByte(7);
                    out.writeInt(e.mailbox());
                    out.writeLong(e.modSeq());
                    out.writeInt(e.uids().length);
                    for (long uid : e.uids()) {
                        out.writeInt((int) uid);
                    }
                }
                case Subscribed s -> {
                    out.writeByte(8);
                    out.writeUTF(s.user());
                    out.writeUTF(s.name());
                    out.writeBoolean(s.subscribed());
                }
                case Renumbered r -> {
                    out.writeByte(9);
                    out.writeInt(r.mailbox());
                    out.writeLong(r.uidValidity());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The record a payload holds; for an {@link Appended}, the octets are the payload's last
     * {@link Appended#size()} bytes.
     *
     * @throws IOException if the payload is not a record (truncated, unknown kind, bad size)
     */
    static JournalRecord decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        int kind = in.readUnsignedByte();
        JournalRecord record = switch (kind) {
            case 0 -> new Header(in.readInt(), in.readUTF());
            case 1 -> new Created(in.readInt(), in.readUTF(), in.readUTF(), in.readLong(), in.readBoolean());
            case 2 -> new Deleted(in.readInt());
            case 3 -> new Renamed(in.readInt(), in.readUTF());
            case 4 -> {
                Appended a = new Appended(in.readInt(), in.readLong(), in.readLong(), in.readUTF(), readFlags(in),
                        in.readLong(), in.readInt(), in.readInt());
                if (a.size() < 0 || a.size() != in.available()) {
                    throw new IOException("an APPEND record whose octets do not fill it");
                }
                in.skipNBytes(a.size());
                yield a;
            }
            case 5 -> new Copied(in.readInt(), in.readLong(), in.readLong(), in.readInt(), in.readLong());
            case 6 -> new Stored(in.readInt(), in.readLong(), in.readUTF(), readFlags(in), readFlags(in), in.readLong(),
                    in.readBoolean());
            case 7 -> {
                int mailbox = in.readInt();
                long modSeq = in.readLong();
                int count = in.readInt();
                if (count < 0 || count > in.available() / 4) {
                    throw new IOException("an EXPUNGE record with a bad count");
                }
                long[] uids = new long[count];
                for (int i = 0; i < count; i++) {
                    uids[i] = Integer.toUnsignedLong(in.readInt());
                }
                yield new Expunged(mailbox, modSeq, uids);
            }
            case 8 -> new Subscribed(in.readUTF(), in.readUTF(), in.readBoolean());
            case 9 -> new Renumbered(in.readInt(), in.readLong());
            default -> throw new IOException("unknown record kind " + kind);
        };
        if (in.available() != 0) {
            throw new IOException("record of kind " + kind + " has " + in.available() + " octets too many");
        }
        return record;
    }

    private static void writeFlags(DataOutputStream out, Set<Flag> flags) throws IOException {
        out.writeShort(flags.size());
        for (Flag f : flags) {
            out.writeUTF(f.name());
        }
    }

    private static Set<Flag> readFlags(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Set<Flag> flags = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            try {
                flags.add(Flag.of(in.readUTF()));
            } catch (IllegalArgumentException e) {
                throw new IOException("a bad flag name", e);
            }
        }
        return Set.copyOf(flags);
    }
}
