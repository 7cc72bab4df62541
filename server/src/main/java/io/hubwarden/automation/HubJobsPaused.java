package io.hubwarden.automation;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;

/**
 * The hub's credentials stopped working while a job called it, so this module paused all of the hub's jobs: they
 * stay QUEUED, with no attempt counted against them, until {@link Jobs#resume} is called for the hub, typically
 * after its owner connects it again. Published once per pause, not for a hub that was already paused, and not for a
 * pause asked for through {@link Jobs#pause}.
 *
 * @param jobId the job that met the expired credentials
 * @param reason what the hub said, without secrets
 */
public record HubJobsPaused(WorkspaceId workspaceId, UUID hubId, JobId jobId, String reason, Instant pausedAt) {}
