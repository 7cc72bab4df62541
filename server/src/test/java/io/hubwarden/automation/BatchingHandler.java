package io.hubwarden.automation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A handler that takes up to three jobs of a hub at once. It remembers the subjects of every batch it ran; a test sets
 * the failure a job's subject comes to, or one every batch throws.
 */
final class BatchingHandler implements JobHandler {

    static final String TYPE = "BATCHED";
    static final int BATCH_SIZE = 3;

    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
    private volatile @Nullable RuntimeException everyBatchThrows;

    void failing(String subject, RuntimeException failure) {
        failures.put(subject, failure);
    }

    void everyBatchThrows(RuntimeException failure) {
        everyBatchThrows = failure;
    }

    /** The subjects of each batch, in the order the batches ran. */
    List<List<String>> batches() {
        return List.copyOf(batches);
    }

    void forget() {
        batches.clear();
        failures.clear();
        everyBatchThrows = null;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int batchSize() {
        return BATCH_SIZE;
    }

    @Override
    public void run(JobContext job) {
        var failed = runBatch(List.of(job)).get(job.id());
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public Map<JobId, RuntimeException> runBatch(List<JobContext> jobs) {
        var subjects = new ArrayList<String>();
        jobs.forEach(job -> subjects.add(job.subject().orElse("")));
        batches.add(List.copyOf(subjects));
        var throwing = everyBatchThrows;
        if (throwing != null) {
            throw throwing;
        }
        var failed = new HashMap<JobId, RuntimeException>();
        for (var job : jobs) {
            var failure = failures.get(job.subject().orElse(""));
            if (failure != null) {
                failed.put(job.id(), failure);
            }
        }
        return failed;
    }
}
