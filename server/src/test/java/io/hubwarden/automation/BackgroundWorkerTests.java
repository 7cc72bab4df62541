package io.hubwarden.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;

/**
 * The worker as it runs in the application: on its own threads, woken by enqueueing. The poll interval is far longer
 * than any wait here, so a job that runs at all was started by the wake-up after its commit. The worker is stopped
 * after each test, so that it cannot take jobs from later tests while this application stays cached.
 */
@AutomationModuleTest
@TestPropertySource(properties = {"hubwarden.automation.enabled=true", "hubwarden.automation.poll-interval=10m"})
class BackgroundWorkerTests {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Jobs jobs;

    @Autowired
    JobWorker worker;

    @Autowired
    ScriptedHandler handler;

    @Autowired
    FinishedJobs finished;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestWorkspaces workspaces;

    WorkspaceId workspace;

    @AfterEach
    void stopTheWorker() {
        worker.stop();
    }

    @BeforeEach
    void emptyQueueAtStart() {
        worker.start();
        workspace = workspaces.aWorkspace();
        jdbc.sql("delete from job").update();
        jdbc.sql("delete from hub_rate_limit").update();
        handler.forget();
        finished.received().clear();
    }

    @Test
    void aJobEnqueuedHereRunsAtOnceAndItsEndReachesModuleListeners() throws InterruptedException {
        var job = jobs.enqueue(JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                .withSubject("membership-1"));

        var event = finished.received().poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(event).isNotNull();
        assertThat(event.jobId()).isEqualTo(job.id());
        assertThat(event.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(handler.runsOf(job.id())).isEqualTo(1);
    }

    @Test
    void stoppingLetsRunningJobsFinish() throws InterruptedException {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        handler.script("slow-1", List.of(context -> {
            started.countDown();
            try {
                release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }));
        var job = jobs.enqueue(JobRequest.of(workspace, ScriptedHandler.TYPE, JobRequest.SYSTEM)
                .withSubject("slow-1"));
        assertThat(started.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        var stopping = CompletableFuture.runAsync(worker::stop);
        release.countDown();
        await().atMost(PATIENCE).until(stopping::isDone);

        assertThat(worker.isRunning()).isFalse();
        assertThat(jobs.job(workspace, job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    /** A module listener, as the access and hub modules have for job ends. */
    static class FinishedJobs {

        private final BlockingQueue<JobFinished> received = new LinkedBlockingQueue<>();

        @ApplicationModuleListener
        void on(JobFinished event) {
            received.add(event);
        }

        /** The events received so far; a method, not the field, since the listener bean is a proxy. */
        BlockingQueue<JobFinished> received() {
            return received;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        FinishedJobs finishedJobs() {
            return new FinishedJobs();
        }
    }
}
