package io.hubwarden.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The most recent requests a simulator answered (at most {@value #CAPACITY}) and a count of all of them. */
public final class RequestLog {

    static final int CAPACITY = 10_000;

    private final Deque<LoggedRequest> recent = new ArrayDeque<>();
    private final AtomicLong served = new AtomicLong();

    /** Records an answered request. */
    public void add(LoggedRequest request) {
        served.incrementAndGet();
        synchronized (recent) {
            if (recent.size() == CAPACITY) {
                recent.removeFirst();
            }
            recent.addLast(request);
        }
    }

    /** The recorded requests, oldest first. */
    public List<LoggedRequest> entries() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** How many requests were answered since the log was created (not reset by {@link #clear()}). */
    public long served() {
        return served.get();
    }

    /** Forgets the recorded requests; the count of served requests keeps running. */
    public void clear() {
        synchronized (recent) {
            recent.clear();
        }
    }
}
