package io.hubwarden.hub;

import io.hubwarden.automation.HubJobsPaused;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a hub's health when a call to the hub tells something about the connection, in a transaction of its own so
 * that the health sticks even when the caller's work rolls back.
 */
@Component
class HubHealthUpdates {

    private final HubStore hubs;

    HubHealthUpdates(HubStore hubs) {
        this.hubs = hubs;
    }

    /** The hub no longer accepts its credential: REVIEW_CREDENTIALS, once, with {@link HubCredentialsExpired}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void credentialsExpired(HubId id, String reason) {
        hubs.findById(id).ifPresent(hub -> {
            hub.credentialsExpired(reason);
            hubs.save(hub);
        });
    }

    /** The hub refused the connection as configured: REVIEW_CONFIGURATION. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void configurationRefused(HubId id, String reason) {
        hubs.findById(id).ifPresent(hub -> {
            hub.configurationRefused(reason);
            hubs.save(hub);
        });
    }

    /** The automation module paused the hub's jobs because a job met expired credentials. */
    @ApplicationModuleListener
    void on(HubJobsPaused paused) {
        hubs.findById(new HubId(paused.hubId())).ifPresent(hub -> {
            hub.credentialsExpired(paused.reason());
            hubs.save(hub);
        });
    }
}
