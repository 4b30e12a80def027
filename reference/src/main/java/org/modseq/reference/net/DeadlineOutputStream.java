package org.modseq.reference.net;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket's output whose every write must end within a deadline: a client that stops reading
 * fills the socket buffers and the write blocks; past the deadline {@code onExpiry} runs (it
 * closes the socket, which ends the write with an exception). So a slow reader holds at most its
 * socket buffers and one thread, for a bounded time; the server never queues its responses.
 */
final class DeadlineOutputStream extends OutputStream {

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private final OutputStream out;
    private final ScheduledExecutorService alarms;
    private final long timeoutNanos;
    private final Runnable onExpiry;

    DeadlineOutputStream(OutputStream out, ScheduledExecutorService alarms, Duration timeout, Runnable onExpiry) {
        this.out = Objects.requireNonNull(out, "out");
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.timeoutNanos = timeout.toNanos();
        this.onExpiry = Objects.requireNonNull(onExpiry, "onExpiry");
    }

    @Override
    public void write(int b) throws IOException {
        guarded(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        guarded(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
        guarded(out::flush);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void guarded(Write write) throws IOException {
        ScheduledFuture<?> alarm;
        try {
            alarm = alarms.schedule(onExpiry, timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The server is closing and closes this socket itself: the write cannot block for long.
            write.run();
            return;
        }
        try {
            write.run();
        } finally {
            alarm.cancel(false);
        }
    }
}
