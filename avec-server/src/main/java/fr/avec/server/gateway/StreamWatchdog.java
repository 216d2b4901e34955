package fr.avec.server.gateway;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes upstream streams that stop sending: the JDK client's timeout ends at the response headers,
 * so a model server that stalls in the middle of an answer would otherwise hold the request forever.
 */
final class StreamWatchdog implements AutoCloseable {

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("avec-stream-watchdog").factory());
    private final ConcurrentHashMap<Watch, Boolean> watches = new ConcurrentHashMap<>();

    StreamWatchdog() {
        ticks.scheduleWithFixedDelay(this::sweep, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** One watched stream; {@link #touch()} on every line, {@link #close()} when done. */
    final class Watch implements AutoCloseable {
        private final Closeable stream;
        private final long idleNanos;
        private final AtomicLong last = new AtomicLong(System.nanoTime());
        private volatile boolean expired;

        private Watch(Closeable stream, long idleNanos) {
            this.stream = stream;
            this.idleNanos = idleNanos;
        }

        void touch() {
            last.set(System.nanoTime());
        }

        /** Whether the stream was closed for idleness. */
        boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            watches.remove(this);
        }
    }

    Watch watch(Closeable stream, java.time.Duration idle) {
        Watch watch = new Watch(stream, idle.toNanos());
        watches.put(watch, Boolean.TRUE);
        return watch;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Watch watch : watches.keySet()) {
            if (now - watch.last.get() > watch.idleNanos) {
                watch.expired = true;
                watches.remove(watch);
                try {
                    watch.stream.close();
                } catch (IOException | RuntimeException ignored) {
                    // Closing is the point; the reader sees the end of the stream.
                }
            }
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
