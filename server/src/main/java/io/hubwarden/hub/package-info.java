/**
 * Business hubs connected to a workspace: connecting one (offline validation of the connector's settings, a live
 * connection check, the service credential sealed at rest), its health, and the SYNC job that imports the hub's
 * people, pending invitations, assets and assignments, matches people to the workspace by e-mail and halts syncs that
 * would remove too much. Hub-neutral: connectors are found with {@link java.util.ServiceLoader}, and only their
 * installation-level defaults mention a particular hub.
 *
 * <p>{@link io.hubwarden.hub.Hubs} is the entry point for other modules; {@link io.hubwarden.hub.HubConnected},
 * {@link io.hubwarden.hub.HubSynced}, {@link io.hubwarden.hub.HubAccountMatched} and
 * {@link io.hubwarden.hub.HubCredentialsExpired} are its events.
 */
@NullMarked
package io.hubwarden.hub;

import org.jspecify.annotations.NullMarked;
