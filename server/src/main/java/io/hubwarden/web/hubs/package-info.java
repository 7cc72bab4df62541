/**
 * The hub screens: the workspace's hubs, the connect wizard (the hub's sign-in or a pasted token, checked live
 * before anything is kept), a hub's page with its health, syncs, sync progress and the review of a halted sync, and
 * the hub's people and jobs.
 */
@NullMarked
package io.hubwarden.web.hubs;

import org.jspecify.annotations.NullMarked;
