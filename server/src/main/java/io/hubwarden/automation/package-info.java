/**
 * Automated jobs: the durable job queue in the database, the workers that claim due jobs with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} on every node, retries with back-off, per-hub rate-limit buckets and pauses,
 * and the failure codes a finished job carries.
 *
 * <p>The module is a generic engine. It knows job types only as names: other modules enqueue work through
 * {@link io.hubwarden.automation.Jobs} and register a {@link io.hubwarden.automation.JobHandler} bean per type they
 * own; this module never depends on them. Every end state publishes {@link io.hubwarden.automation.JobFinished}, and a
 * hub whose credentials stopped working gets its jobs paused and {@link io.hubwarden.automation.HubJobsPaused}
 * published.
 */
@NullMarked
package io.hubwarden.automation;

import org.jspecify.annotations.NullMarked;
