package io.hubwarden.web.cards;

import io.hubwarden.hub.HubId;
import java.io.Serializable;
import java.time.Instant;

/**
 * A profile sign-in under way, kept in the person's session: the {@code state} sent to the hub, for which hub, and
 * until when it may come back. Used once.
 */
record ProfileSignIn(String state, HubId hubId, Instant expiresAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String SESSION_KEY = ProfileSignIn.class.getName();
}
