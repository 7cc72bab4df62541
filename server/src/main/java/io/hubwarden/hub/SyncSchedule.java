package io.hubwarden.hub;

import io.hubwarden.automation.JobRequest;
import io.hubwarden.automation.Jobs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enqueues a SYNC job for every connected hub on the configured schedule (daily by default). Every node runs the
 * schedule; the idempotency key (hub and UTC day) lets only the first node's job exist, so hubs are not synced twice.
 */
@Component
class SyncSchedule implements org.springframework.beans.factory.DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSchedule.class);

    private final HubStore hubs;
    private final Jobs jobs;
    private final Clock clock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    SyncSchedule(HubStore hubs, Jobs jobs, Clock clock, HubsSettings settings) {
        this.hubs = hubs;
        this.jobs = jobs;
        this.clock = clock;
        var cron = settings.sync().schedule();
        if (!"-".equals(cron)) {
            scheduler.setThreadNamePrefix("hub-sync-schedule-");
            scheduler.setPoolSize(1);
            scheduler.initialize();
            start(scheduler, cron);
        }
    }

    private void start(TaskScheduler on, String cron) {
        on.schedule(this::enqueueDueSyncs, new CronTrigger(cron, ZoneOffset.UTC));
    }

    /** Enqueues today's sync of every hub that can be called; returns how many hubs it asked for. */
    @Transactional
    public int enqueueDueSyncs() {
        var day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int asked = 0;
        for (var hub : hubs.findAll()) {
            if (!hub.callable()) {
                continue;
            }
            jobs.enqueue(JobRequest.of(hub.workspaceId(), SyncJob.TYPE, JobRequest.SCHEDULE)
                    .withHub(hub.id().value())
                    .withTrigger("daily sync")
                    .withIdempotencyKey("sync:scheduled:" + hub.id() + ":" + day));
            asked++;
        }
        LOG.info("Scheduled sync asked for {} hubs for {}", asked, day);
        return asked;
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
