package io.hubwarden.automation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A handler whose attempts a test scripts per job subject: each attempt takes the next step (throw a hub failure,
 * report progress …); once the steps are used up, attempts succeed. It counts how often each job ran.
 */
final class ScriptedHandler implements JobHandler {

    static final String TYPE = "SCRIPTED";

    private final Map<String, Deque<Consumer<JobContext>>> scripts = new ConcurrentHashMap<>();
    private final Map<JobId, AtomicInteger> runs = new ConcurrentHashMap<>();

    static Consumer<JobContext> throwing(RuntimeException failure) {
        return job -> {
            throw failure;
        };
    }

    void script(String subject, List<Consumer<JobContext>> attempts) {
        scripts.put(subject, new ArrayDeque<>(attempts));
    }

    int runsOf(JobId job) {
        var count = runs.get(job);
        return count == null ? 0 : count.get();
    }

    Map<JobId, Integer> runs() {
        var copy = new HashMap<JobId, Integer>();
        runs.forEach((job, count) -> copy.put(job, count.get()));
        return copy;
    }

    void forget() {
        scripts.clear();
        runs.clear();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) {
        runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
        var script = job.subject().map(scripts::get);
        if (script.isPresent()) {
            Consumer<JobContext> step;
            synchronized (script.get()) {
                step = script.get().poll();
            }
            if (step != null) {
                step.accept(job);
            }
        }
    }
}
