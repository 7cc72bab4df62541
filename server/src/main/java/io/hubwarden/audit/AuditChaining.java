package io.hubwarden.audit;

import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/** Chains new audit records every few seconds, on every node; the chain heads' row locks keep nodes from clashing. */
@Component
class AuditChaining implements DisposableBean {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    AuditChaining(AuditTrail trail) {
        scheduler.setThreadNamePrefix("audit-chain-");
        scheduler.setPoolSize(1);
        scheduler.initialize();
        scheduler.scheduleWithFixedDelay(
                // A failed round is logged by the scheduler's error handler; the next round chains what is left.
                () -> trail.waiting().forEach(trail::chain), Duration.ofSeconds(5));
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }
}
