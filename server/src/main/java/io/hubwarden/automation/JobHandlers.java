package io.hubwarden.automation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link JobHandler} beans other modules register, by type. Looked up on first use rather than at construction:
 * a handler may itself depend on {@link Jobs}, which depends on the workers that need this registry.
 */
@Component
class JobHandlers {

    private final ObjectProvider<JobHandler> beans;
    private volatile @Nullable Map<String, JobHandler> byType;

    JobHandlers(ObjectProvider<JobHandler> beans) {
        this.beans = beans;
    }

    Optional<JobHandler> forType(String type) {
        return Optional.ofNullable(byType().get(type));
    }

    /** How many due jobs of the type one run takes together: 1 for a type without a handler here. */
    int batchSize(String type) {
        return forType(type).map(handler -> Math.max(1, handler.batchSize())).orElse(1);
    }

    /** The registered types; fails when two handlers claim the same type. */
    Set<String> types() {
        return byType().keySet();
    }

    private Map<String, JobHandler> byType() {
        var known = byType;
        if (known == null) {
            var collected = new HashMap<String, JobHandler>();
            beans.orderedStream().forEach(handler -> {
                var other = collected.putIfAbsent(handler.type(), handler);
                if (other != null) {
                    throw new IllegalStateException("Two handlers for job type " + handler.type() + ": "
                            + other.getClass().getName() + " and "
                            + handler.getClass().getName());
                }
            });
            known = Map.copyOf(collected);
            byType = known;
        }
        return known;
    }
}
