package io.hubwarden.hub;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a sync's pages on a thread of its own while the job's thread stages them, so that waiting for the hub and
 * writing to the database overlap. Pages are staged in the order they were read, one transaction each, so the
 * checkpoint after a page is exactly what it was when reading and staging took turns: a page read but not staged
 * when the attempt stops is read again by the next one. At most {@link #AHEAD} pages wait in memory.
 *
 * @param <P> a page read, with what staging it needs
 */
final class ReadAhead<P> implements AutoCloseable {

    /** Pages read but not yet staged, at most: enough to ride out a slow commit or a slow answer. */
    static final int AHEAD = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final FutureTask<@Nullable Void> reading;
    private final Thread reader;

    /** The reading, which hands each page to {@link Reading#read}, in order. */
    @FunctionalInterface
    interface Reader<P> {
        void readAll(Reading<P> reading);
    }

    /** What the reading thread can do: hand a page on, or wait until every page handed on is staged. */
    interface Reading<P> {
        void read(P page);

        /** Waits until the pages handed on so far are staged, for a read that depends on what they staged. */
        void awaitStaged();
    }

    private ReadAhead(String name, Reader<P> reading) {
        this.reading = new FutureTask<>(() -> {
            read(reading);
            return null;
        });
        this.reader = new Thread(this.reading, name);
        reader.setDaemon(true);
    }

    /**
     * Runs {@code reading} on a new thread and {@code stage} on this one for every page it reads, in order, until the
     * reading ends. A failure of the reading is thrown here once the pages read before it are staged; a failure of
     * staging stops the reading.
     */
    static <P> void run(String name, Reader<P> reading, Consumer<P> stage) {
        try (var ahead = new ReadAhead<>(name, reading)) {
            ahead.reader.start();
            ahead.stageAll(stage);
        }
    }

    /** Reads every page, then marks the end, unless staging stopped the reading. */
    private void read(Reader<P> reading) {
        try {
            reading.readAll(new Reading<>() {
                @Override
                public void read(P page) {
                    put(page);
                }

                @Override
                public void awaitStaged() {
                    var staged = new Barrier();
                    put(staged);
                    try {
                        staged.passed.await();
                    } catch (InterruptedException interrupted) {
                        throw new Stopped(interrupted);
                    }
                }
            });
        } catch (Stopped stopped) {
            // Staging stopped; keep the interruption so that nothing more is handed on.
            Thread.currentThread().interrupt();
        } finally {
            end();
        }
    }

    /** Marks the end of the reading, however it ended; staging then learns from the reading how. */
    private void end() {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            queue.put(Done.INSTANCE);
        } catch (InterruptedException interrupted) {
            // Staging stopped first; nobody waits for the end.
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException interrupted) {
            throw new Stopped(interrupted);
        }
    }

    @SuppressWarnings("unchecked") // the queue holds only pages besides the markers below
    private void stageAll(Consumer<P> stage) {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while staging a sync", interrupted);
            }
            if (item instanceof Done) {
                rethrowFailure();
                return;
            }
            if (item instanceof Barrier barrier) {
                barrier.passed.countDown();
            } else {
                stage.accept((P) item);
            }
        }
    }

    /** Stops the reading if it still runs (staging failed), and waits a little for its thread to end. */
    @Override
    public void close() {
        if (reader.isAlive()) {
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                LOG.warn("The reading thread {} did not stop within 5 s; it ends with its hub call", reader.getName());
            }
        }
    }

    /** Throws what ended the reading, if it failed. */
    private void rethrowFailure() {
        try {
            reading.get();
        } catch (ExecutionException failed) {
            var cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading a sync failed", cause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging a sync", interrupted);
        }
    }

    private enum Done {
        INSTANCE
    }

    private static final class Barrier {
        final CountDownLatch passed = new CountDownLatch(1);
    }

    /** The reading was interrupted because staging stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(InterruptedException cause) {
            super(cause);
        }
    }
}
