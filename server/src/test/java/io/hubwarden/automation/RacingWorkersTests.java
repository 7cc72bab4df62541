package io.hubwarden.automation;

import static io.hubwarden.automation.AutomationTestConfiguration.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.workspace.WorkspaceId;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two workers claiming from one database at the same time, as two nodes would. */
@AutomationModuleTest
class RacingWorkersTests {

    static final int JOBS = 200;

    @Autowired
    Jobs jobs;

    @Autowired
    JobWorker worker;

    @Autowired
    ScriptedHandler handler;

    @Autowired
    BatchingHandler batching;

    @Autowired
    SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestWorkspaces workspaces;

    WorkspaceId workspace;

    @BeforeEach
    void emptyQueueAtStart() {
        workspace = workspaces.aWorkspace();
        jdbc.sql("delete from job").update();
        jdbc.sql("delete from hub_rate_limit").update();
        handler.forget();
        batching.forget();
        clock.set(START);
    }

    @Test
    void twoWorkersRunEveryJobExactlyOnce() throws Exception {
        var hubs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var enqueued = new HashSet<JobId>();
        for (int i = 0; i < JOBS; i++) {
            var request = JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                    .withSubject("job-" + i);
            enqueued.add(jobs.enqueue(i % 2 == 0 ? request : request.withHub(hubs.get(i % 3)))
                    .id());
        }

        var ran = drainedByTwoWorkers();

        assertThat(ran).isEqualTo(JOBS);
        assertThat(handler.runs())
                .containsOnlyKeys(enqueued)
                .allSatisfy(
                        (job, runs) -> assertThat(runs).as("runs of %s", job).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from job where status = 'SUCCEEDED' and attempts = 1")
                        .query(Integer.class)
                        .single())
                .isEqualTo(JOBS);
    }

    @Test
    void twoWorkersRunEveryJobOfBatchesExactlyOnce() throws Exception {
        var hubs = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < JOBS; i++) {
            jobs.enqueue(JobRequest.of(workspace, BatchingHandler.TYPE, JobRequest.SYSTEM)
                    .withHub(hubs.get(i % 2))
                    .withSubject("job-" + i));
        }

        var ran = drainedByTwoWorkers();

        assertThat(ran).isEqualTo(JOBS);
        var subjects = batching.batches().stream().flatMap(List::stream).toList();
        assertThat(subjects).hasSize(JOBS).doesNotHaveDuplicates();
        assertThat(batching.batches()).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
        assertThat(jdbc.sql("select count(*) from job where status = 'SUCCEEDED' and attempts = 1")
                        .query(Integer.class)
                        .single())
                .isEqualTo(JOBS);
    }

    /** Two workers drain the queue at the same time, as two nodes would; how many jobs they ran together. */
    private int drainedByTwoWorkers() throws Exception {
        Callable<Integer> drain = () -> {
            int ran = 0;
            while (unfinished() > 0) {
                ran += worker.runDueJobs();
            }
            return ran;
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> workers = List.of(pool.submit(drain), pool.submit(drain));
            return workers.get(0).get(120, TimeUnit.SECONDS) + workers.get(1).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private int unfinished() {
        return jdbc.sql("select count(*) from job where status <> 'SUCCEEDED'")
                .query(Integer.class)
                .single();
    }
}
