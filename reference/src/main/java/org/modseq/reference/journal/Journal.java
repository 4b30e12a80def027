package org.modseq.reference.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.modseq.model.mailbox.Flag;
import org.modseq.model.mailbox.InternalDate;
import org.modseq.reference.store.ChangeSink;
import org.modseq.reference.store.MailboxStore;
import org.modseq.reference.store.StoredOctets;

/**
 * The write-ahead log of the reference store: one append-only file, {@value #FILE_NAME}, in a
 * data directory, holding every change as a {@link JournalRecord} in a checksummed frame
 * ({@link JournalFile}). A message's octets are stored once, inside their APPEND record; the
 * mailbox keeps only where they are and reads them when a FETCH asks ({@link StoredOctets}).
 *
 * <p>Writing and durability are split so that sessions share fsyncs (group commit). Under the
 * engine's lock a command's records are appended to the file ({@link #commit()}, a write to the
 * page cache) and the command learns the file's end; outside the lock it waits in
 * {@link #awaitDurable} until a {@link FileChannel#force} has covered that end. The first waiter
 * to find no force running starts one, covering everything written by then; whoever arrives
 * during it waits for the next, which covers them all at once.
 *
 * <p>A write or force that fails leaves the log unable to promise anything: every later wait
 * fails too, so no command is acknowledged again until the server is restarted and recovers
 * from the file (as a database does after a failed fsync, whose pages the kernel may have dropped).
 */
public final class Journal implements ChangeSink, AutoCloseable {

    public static final String FILE_NAME = "journal.log";
    static final String LOCK_NAME = "lock";
    static final int VERSION = 1;

    /** What recovery found, for the server's log and for tests. */
    public record Recovery(long records, long bytes, long truncatedBytes, boolean salvaged, String damage) {
        /** True when the file held nothing but (at most) its header: a new data directory. */
        public boolean isNew() {
            return records == 0;
        }
    }

    /** What the engine does with each replayed record: rebuild its mailboxes. */
    @FunctionalInterface
    public interface Replay {
        /**
         * @param octets for an {@link JournalRecord.Appended}, where its octets are; otherwise null
         * @throws IllegalStateException if the record does not fit the state the records before it built
         */
        void apply(JournalRecord record, StoredOctets octets);
    }

    private final Path directory;
    private final Path file;
    private final FileChannel channel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String settings;
    private final PrintStream log;

    /** Records of the running command, written at {@link #commit()}; guarded by the engine's lock. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** The file's end once every write so far is done; written under the engine's lock. */
    private volatile long written;
    private final Map<MailboxStore, Integer> ids = new IdentityHashMap<>();
    private int nextId = 1;

    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition synced = syncLock.newCondition();
    private long durable;
    private boolean syncing;
    private IOException failure;
    private long forces;

    private Journal(Path directory, FileChannel channel, FileChannel lockChannel, FileLock lock, String settings,
            PrintStream log) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
        this.channel = channel;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Opens (creating if need be) the data directory and locks it against a second server; call
     * {@link #replay} next. {@code settings} names everything replay depends on besides the
     * records (the server choices): a journal written under other settings is refused.
     */
    public static Journal open(Path directory, String settings, PrintStream log) throws DataDirectoryException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot create data directory " + directory + ": " + e.getMessage(), e);
        }
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals(LOCK_NAME))) {
                    throw new DataDirectoryException(directory + " holds files but no " + FILE_NAME
                            + ": not a modseq data directory; give an empty or new directory");
                }
            } catch (IOException e) {
                throw new DataDirectoryException("cannot read data directory " + directory + ": " + e.getMessage(), e);
            }
        }
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(directory.resolve(LOCK_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new DataDirectoryException(directory + " is in use by another modseq server");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            return new Journal(directory, channel, lockChannel, lock, settings, log);
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new DataDirectoryException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replays every good record into {@code replay}, in order. A bad tail (a short frame or a
     * checksum mismatch with nothing good after it: a write torn by a crash, never acknowledged)
     * is cut off with a line in the log. Damage with good records after it is refused, unless
     * {@code salvage}: then the damaged file is kept beside as {@code journal.log.damaged}, the
     * good part before the damage is kept, and {@link Recovery#salvaged()} tells the engine that
     * continuity is lost (R97). Writes the header of a new journal and makes it durable.
     */
    public Recovery replay(Replay replay, boolean salvage) throws DataDirectoryException {
        long[] records = {0};
        boolean[] headerSeen = {false};
        JournalFile.Scan scan;
        try {
            scan = JournalFile.read(channel, file, (payload, payloadOffset, frameOffset) -> {
                JournalRecord record;
                try {
                    record = JournalRecord.decode(payload);
                } catch (IOException e) {
                    throw new DataDirectoryException(file + ": the record at offset " + frameOffset
                            + " has a good checksum but cannot be read (" + e.getMessage()
                            + "): written by another version?");
                }
                if (!headerSeen[0]) {
                    checkHeader(record, frameOffset);
                    headerSeen[0] = true;
                    return;
                }
                StoredOctets octets = null;
                if (record instanceof JournalRecord.Appended a) {
                    octets = new JournalOctets(channel, payloadOffset + payload.length - a.size(), a.size());
                }
                try {
                    replay.apply(record, octets);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw new DataDirectoryException(file + ": the record at offset " + frameOffset
                            + " does not fit the state before it (" + e.getMessage() + "); refusing to start");
                }
                if (record instanceof JournalRecord.Created c) {
                    nextId = Math.max(nextId, c.mailbox() + 1);
                }
                records[0]++;
            });
        } catch (IOException e) {
            throw new DataDirectoryException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String damage = null;
        try {
            if (scan.hasBadTail()) {
                if (scan.damagedBeforeEnd()) {
                    damage = file + ": the record at offset " + scan.goodEnd() + " is damaged (short or bad checksum)"
                            + " and good records follow it";
                    if (!salvage) {
                        throw new DataDirectoryException(damage + "; refusing to start. Restore the directory from a"
                                + " backup, or start with --salvage to keep the records before the damage and give every"
                                + " mailbox a new UIDVALIDITY");
                    }
                    Files.copy(file, directory.resolve(FILE_NAME + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
                    log.println("modseq: " + damage + "; salvaging: kept the " + scan.goodEnd()
                            + " octets before it, the whole file is saved as " + FILE_NAME + ".damaged");
                } else {
                    log.println("modseq: " + file + ": cut off a torn tail of " + (scan.size() - scan.goodEnd())
                            + " octets at offset " + scan.goodEnd() + " (a write the crash interrupted, never acknowledged)");
                }
                channel.truncate(scan.goodEnd());
                channel.force(true);
            }
            written = scan.goodEnd();
            channel.position(written);
            if (!headerSeen[0]) {
                write(JournalFile.frame(JournalRecord.encode(new JournalRecord.Header(VERSION, settings)), new byte[0]));
                channel.force(true);
                forceDirectory();
            }
            durable = written;
        } catch (IOException e) {
            throw new DataDirectoryException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Recovery(records[0], scan.goodEnd(), scan.size() - scan.goodEnd(), damage != null, damage);
    }

    private void checkHeader(JournalRecord record, long offset) throws DataDirectoryException {
        if (!(record instanceof JournalRecord.Header header)) {
            throw new DataDirectoryException(file + ": no header at offset " + offset + ": not a modseq journal");
        }
        if (header.version() != VERSION) {
            throw new DataDirectoryException(file + " is of format version " + header.version()
                    + "; this server reads version " + VERSION);
        }
        if (!header.settings().equals(settings)) {
            throw new DataDirectoryException(file + " was written by a server with settings [" + header.settings()
                    + "], and this one runs with [" + settings + "]: replaying it would not give the same mailboxes;"
                    + " start with the options it was written with (--policy), or give another --data directory");
        }
    }

    /** Makes the directory entry of a new file durable, so that the file itself survives a crash. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the file's own force is all they offer.
        }
    }

    /** Tells the journal that {@code mailbox} has {@code id} in the records being replayed. */
    public void identify(MailboxStore mailbox, int id) {
        ids.put(mailbox, id);
    }

    // ---- changes, under the engine's lock ----

    public void created(String owner, MailboxStore mailbox) {
        int id = nextId++;
        ids.put(mailbox, id);
        add(new JournalRecord.Created(id, owner, mailbox.name(), mailbox.uidValidity().value(),
                mailbox.persistentModSeqs()));
    }

    public void deleted(MailboxStore mailbox) {
        add(new JournalRecord.Deleted(idOf(mailbox)));
        ids.remove(mailbox);
    }

    public void subscribed(String user, String name, boolean subscribed) {
        add(new JournalRecord.Subscribed(user, name, subscribed));
    }

    /** A new UIDVALIDITY given to {@code mailbox} (R97): the mailbox has it already. */
    public void renumbered(MailboxStore mailbox) {
        add(new JournalRecord.Renumbered(idOf(mailbox), mailbox.uidValidity().value()));
    }

    @Override
    public Object appended(MailboxStore mailbox, long uid, long modSeq, Set<Flag> flags, String user, byte[] octets,
            InternalDate internalDate) {
        byte[] fields = JournalRecord.encode(new JournalRecord.Appended(idOf(mailbox), uid, modSeq, user,
                Set.copyOf(flags), internalDate.epochSecond(), internalDate.offsetMinutes(), octets.length));
        commit();
        long at = written;
        write(JournalFile.frame(fields, octets));
        return new JournalOctets(channel, at + JournalFile.FRAME_HEADER + fields.length, octets.length);
    }

    @Override
    public void copied(MailboxStore target, long uid, long modSeq, MailboxStore source, long sourceUid) {
        add(new JournalRecord.Copied(idOf(target), uid, modSeq, idOf(source), sourceUid));
    }

    @Override
    public void stored(MailboxStore mailbox, long uid, String user, Set<Flag> wanted, Set<Flag> scope, long modSeq,
            boolean stampUnchanged) {
        add(new JournalRecord.Stored(idOf(mailbox), uid, user, Set.copyOf(wanted), Set.copyOf(scope), modSeq,
                stampUnchanged));
    }

    @Override
    public void expunged(MailboxStore mailbox, long[] uids, long modSeq) {
        add(new JournalRecord.Expunged(idOf(mailbox), modSeq, uids.clone()));
    }

    @Override
    public void renamed(MailboxStore mailbox, String newName) {
        add(new JournalRecord.Renamed(idOf(mailbox), newName));
    }

    private int idOf(MailboxStore mailbox) {
        Integer id = ids.get(mailbox);
        if (id == null) {
            throw new IllegalStateException("mailbox " + mailbox.name() + " is not in the journal");
        }
        return id;
    }

    private void add(JournalRecord record) {
        pending.writeBytes(JournalFile.frame(JournalRecord.encode(record), new byte[0]));
    }

    /**
     * Writes the running command's records (to the page cache, not yet durable) and returns the
     * file's end: what {@link #awaitDurable} must cover before anything the command saw is told.
     * Called under the engine's lock at the end of every command.
     *
     * @throws UncheckedIOException if the write fails; the journal is failed from then on
     */
    public long commit() {
        if (pending.size() > 0) {
            byte[] bytes = pending.toByteArray();
            pending.reset();
            write(bytes);
        }
        return written;
    }

    private void write(byte[] bytes) {
        checkNotFailed();
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            written += bytes.length;
        } catch (IOException e) {
            fail(e);
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }

    /**
     * Returns once the file is durable up to {@code end}: the caller's force, or one another
     * session started, or one that covers many sessions at once (group commit).
     *
     * @throws UncheckedIOException if a force failed: nothing can be promised any more
     */
    public void awaitDurable(long end) {
        syncLock.lock();
        try {
            // After a failure even a command that wrote nothing fails: what it read may include a
            // change whose records were lost, and no client may be told of it.
            checkNotFailed();
            while (durable < end) {
                checkNotFailed();
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long upTo = written; // everything written by now is covered by the force below
                IOException failed = null;
                syncLock.unlock();
                try {
                    channel.force(false);
                } catch (IOException e) {
                    failed = e;
                } finally {
                    syncLock.lock();
                }
                syncing = false;
                forces++;
                if (failed != null) {
                    fail(failed);
                } else {
                    durable = Math.max(durable, upTo);
                }
                synced.signalAll();
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** How many forces ran since the journal was opened: fewer than commits when sessions shared them. */
    public long forces() {
        syncLock.lock();
        try {
            return forces;
        } finally {
            syncLock.unlock();
        }
    }

    private void fail(IOException e) {
        syncLock.lock();
        try {
            if (failure == null) {
                failure = e;
                log.println("modseq: " + file + " can no longer be written (" + e.getMessage()
                        + "); no command will be acknowledged until the server is restarted");
            }
        } finally {
            syncLock.unlock();
        }
    }

    private void checkNotFailed() {
        syncLock.lock();
        try {
            if (failure != null) {
                throw new UncheckedIOException(file + " failed earlier; changes can no longer be made durable", failure);
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** Writes what is pending, makes it durable and releases the directory. */
    @Override
    public void close() {
        try {
            if (failure == null) {
                awaitDurable(commit());
            }
        } catch (UncheckedIOException e) {
            // Already reported by fail(); closing goes on.
        } finally {
            closeQuietly(channel);
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel releases it too.
            }
            closeQuietly(lockChannel);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Nothing more to do on the way out.
            }
        }
    }

    /** Octets inside an APPEND record of the journal, read with a positional read (safe from any thread). */
    private record JournalOctets(FileChannel channel, long offset, int size) implements StoredOctets {
        @Override
        public byte[] read() {
            byte[] octets = new byte[size];
            ByteBuffer buffer = ByteBuffer.wrap(octets);
            try {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw new IOException("the journal ends before the message does");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading a message at offset " + offset + " of the journal failed", e);
            }
            return octets;
        }
    }
}
