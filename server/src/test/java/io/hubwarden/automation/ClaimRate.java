package io.hubwarden.automation;

import io.hubwarden.Hubwarden;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures how many jobs per second the queue claims, runs and records with a handler that does nothing, on the test
 * database ({@code -Dhubwarden.db=postgres} for PostgreSQL), with 1, 2 and 4 threads calling
 * {@link JobWorker#runDueJobs()} as separate nodes would. A measuring program, not a test: it prints figures.
 *
 * <p>Arguments: the number of jobs per round (default 2000).
 */
public final class ClaimRate {

    private ClaimRate() {}

    public static void main(String[] arguments) throws InterruptedException, ExecutionException {
        int count = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 2000;
        try (var context = new SpringApplicationBuilder(Hubwarden.class, Noop.class)
                .initializers(starting -> starting.getBeanFactory()
                        .registerSingleton("withoutTestConfigurations", new WithoutTestConfigurations()))
                .properties(
                        "hubwarden.automation.enabled=false",
                        "server.address=127.0.0.1",
                        "server.port=0",
                        "logging.level.root=WARN")
                .run()) {
            var jobs = context.getBean(Jobs.class);
            var worker = context.getBean(JobWorker.class);
            var jdbc = context.getBean(JdbcClient.class);
            var workspace = new TestWorkspaces(context.getBean(Workspaces.class)).aWorkspace();
            var hubs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (int threads : new int[] {1, 2, 4}) {
                jdbc.sql("delete from job").update();
                for (int i = 0; i < count; i++) {
                    var request = JobRequest.of(workspace, Noop.TYPE, JobRequest.SYSTEM);
                    jobs.enqueue(i % 2 == 0 ? request : request.withHub(hubs.get(i % hubs.size())));
                }
                long started = System.nanoTime();
                int ran = drain(worker, jdbc, threads);
                var took = Duration.ofNanos(System.nanoTime() - started);
                System.out.printf(
                        Locale.ROOT,
                        "%d thread(s): %d jobs in %d ms = %.0f jobs/s%n",
                        threads,
                        ran,
                        took.toMillis(),
                        ran * 1000.0 / Math.max(1, took.toMillis()));
            }
        }
    }

    private static int drain(JobWorker worker, JdbcClient jdbc, int threads)
            throws InterruptedException, ExecutionException {
        Callable<Integer> drain = () -> {
            int ran = 0;
            while (true) {
                int now = worker.runDueJobs();
                ran += now;
                if (now == 0 && unfinished(jdbc) == 0) {
                    return ran;
                }
            }
        };
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var results = new ArrayList<Future<Integer>>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(drain));
            }
            int ran = 0;
            for (var result : results) {
                ran += result.get();
            }
            return ran;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int unfinished(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from job where status <> 'SUCCEEDED'")
                .query(Integer.class)
                .single();
    }

    /** Leaves out the test classes' configurations (their clocks, handlers and listeners): this is a plain start. */
    static final class WithoutTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof WithoutTestConfigurations;
        }

        @Override
        public int hashCode() {
            return WithoutTestConfigurations.class.hashCode();
        }
    }

    /** A handler that does nothing, so that the figures are the queue's own; a test configuration, so no test scans it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Noop {

        static final String TYPE = "NOOP";

        @Bean
        JobHandler noopHandler() {
            return new JobHandler() {
                @Override
                public String type() {
                    return TYPE;
                }

                @Override
                public void run(JobContext job) {}
            };
        }
    }
}
