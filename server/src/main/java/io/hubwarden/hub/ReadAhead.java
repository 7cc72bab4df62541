package io.hubwarden.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a sync's pages on threads of their own, one per lane of the hub that can be read independently, while the
 * job's thread stages them, so that waiting for the hub and writing to the database overlap. A lane's pages are
 * staged in the order it read them; the pages that wait when staging takes its next turn are staged together, so that
 * staging that falls behind catches up in fewer, larger transactions. The checkpoint after them is exactly what it
 * was when reading and staging took turns page by page: a page read but not staged when the attempt stops is read
 * again by the next one. At most {@link #AHEAD} pages for every lane, in all, wait in memory.
 *
 * @param <P> a page read, with what staging it needs
 */
final class ReadAhead<P> implements AutoCloseable {

    /** Pages read but not yet staged, at most, for every lane: enough to ride out a slow commit or a slow answer. */
    static final int AHEAD = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    /**
     * Room for the pages read and not yet staged. Staging gives a page's room back only once it is staged, so that
     * the pages it has taken from the queue and is staging together count too.
     */
    private final Semaphore room;

    private final List<FutureTask<@Nullable Void>> readings = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();

    /** The reading of one lane, which hands each page to {@link Reading#read}, in order. */
    @FunctionalInterface
    interface Reader<P> {
        void readAll(Reading<P> reading);
    }

    /** What a reading thread can do: hand a page on, or wait until every page handed on is staged. */
    interface Reading<P> {
        void read(P page);

        /** Waits until the pages handed on so far, by every lane, are staged, for a read that depends on them. */
        void awaitStaged();
    }

    private ReadAhead(String name, List<Reader<P>> lanes) {
        this.room = new Semaphore(AHEAD * lanes.size());
        for (int lane = 0; lane < lanes.size(); lane++) {
            var reader = lanes.get(lane);
            var end = new Done(lane);
            var reading = new FutureTask<@Nullable Void>(() -> {
                read(reader, end);
                return null;
            });
            var thread = new Thread(reading, lanes.size() == 1 ? name : name + "-" + lane);
            thread.setDaemon(true);
            readings.add(reading);
            readers.add(thread);
        }
    }

    /**
     * Runs {@code reading} on a new thread and {@code stage} on this one for the pages it reads, in order, one or more
     * at a time, until the reading ends. A failure of the reading is thrown here once the pages read before it are
     * staged; a failure of staging stops the reading.
     */
    static <P> void run(String name, Reader<P> reading, Consumer<List<P>> stage) {
        run(name, List.of(reading), stage);
    }

    /**
     * Runs each lane's reading on a new thread and {@code stage} on this one for the pages read, each lane's in order,
     * handing it every page that waits at once, until every reading ends. A failure of a reading is thrown here once
     * the pages that lane read before it are staged, and stops the other lanes; a failure of staging stops them all.
     */
    static <P> void run(String name, List<Reader<P>> lanes, Consumer<List<P>> stage) {
        try (var ahead = new ReadAhead<>(name, lanes)) {
            ahead.readers.forEach(Thread::start);
            ahead.stageAll(stage);
        }
    }

    /** Reads every page of a lane, then marks its end, unless staging stopped the reading. */
    private void read(Reader<P> reader, Done end) {
        try {
            reader.readAll(new Reading<>() {
                @Override
                public void read(P page) {
                    try {
                        room.acquire();
                    } catch (InterruptedException interrupted) {
                        throw new Stopped(interrupted);
                    }
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
            end(end);
        }
    }

    /** Marks the end of a lane's reading, however it ended; staging then learns from the reading how. */
    private void end(Done end) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            queue.put(end);
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
    private void stageAll(Consumer<List<P>> stage) {
        int reading = readers.size();
        var waiting = new ArrayList<Object>();
        var pages = new ArrayList<P>();
        while (reading > 0) {
            try {
                waiting.add(queue.take());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while staging a sync", interrupted);
            }
            queue.drainTo(waiting);
            for (var item : waiting) {
                if (item instanceof Done done) {
                    staged(pages, stage);
                    rethrowFailure(readings.get(done.lane()));
                    reading--;
                } else if (item instanceof Barrier barrier) {
                    staged(pages, stage);
                    barrier.passed.countDown();
                } else {
                    pages.add((P) item);
                }
            }
            waiting.clear();
            staged(pages, stage);
        }
    }

    /** Stages the pages gathered so far, if any, forgets them and gives their room back. */
    private void staged(List<P> pages, Consumer<List<P>> stage) {
        if (!pages.isEmpty()) {
            stage.accept(List.copyOf(pages));
            room.release(pages.size());
            pages.clear();
        }
    }

    /** Stops the readings that still run (staging or another lane failed), and waits a little for them to end. */
    @Override
    public void close() {
        for (var reader : readers) {
            if (reader.isAlive()) {
                reader.interrupt();
            }
        }
        for (var reader : readers) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            if (reader.isAlive()) {
                LOG.warn("The reading thread {} did not stop within 5 s; it ends with its hub call", reader.getName());
            }
        }
    }

    /** Throws what ended a lane's reading, if it failed. */
    private static void rethrowFailure(FutureTask<@Nullable Void> reading) {
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

    /** The end of a lane's reading. */
    private record Done(int lane) {}

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
