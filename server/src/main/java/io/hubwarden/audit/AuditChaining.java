package io.hubwarden.audit;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/** Chains new audit records every few seconds, on every node; the chain heads' row locks keep nodes from clashing. */
@Component
class AuditChaining implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChaining.class);

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    AuditChaining(AuditTrail trail) {
        scheduler.setThreadNamePrefix("audit-chain-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        trail.waiting().forEach(trail::chain);
                    } catch (RuntimeException e) {
                        LOG.warn("Chaining audit records failed; the next round tries again", e);
                    }
                },
                Duration.ofSeconds(5));
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
