package io.hubwarden.web.hubs;

import io.hubwarden.hub.HubConnection;
import io.hubwarden.hub.HubId;
import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A service connection's sign-in under way, kept in the person's session: the {@code state} sent to the hub, what it
 * connects (a new hub as typed in the wizard, or an existing hub signing in again), and until when it may come back.
 * Used once.
 *
 * @param connection the wizard's connection; {@code null} when an existing hub signs in again
 * @param hubId the hub signing in again; {@code null} for a new hub
 */
record HubSignIn(
        String state,
        @Nullable HubConnection connection,
        @Nullable HubId hubId,
        Instant expiresAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SESSION_KEY = HubSignIn.class.getName();

    static HubSignIn connecting(String state, HubConnection connection, Instant expiresAt) {
        return new HubSignIn(state, connection, null, expiresAt);
    }

    static HubSignIn reconnecting(String state, HubId hubId, Instant expiresAt) {
        return new HubSignIn(state, null, hubId, expiresAt);
    }
}
