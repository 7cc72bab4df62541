package io.hubwarden.automation;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A job reached an end state: SUCCEEDED, FAILED or CANCELLED. Published in the transaction that ends the job, so a
 * listener with {@code @ApplicationModuleListener} sees it exactly when the end state is committed, and again after
 * a crash until it has handled it.
 *
 * @param failure why it failed; {@code null} unless the status is FAILED
 */
public record JobFinished(
        JobId jobId,
        WorkspaceId workspaceId,
        @Nullable UUID hubId,
        String type,
        @Nullable String subject,
        JobStatus status,
        @Nullable JobFailure failure,
        Instant finishedAt) {

    public JobFinished {
        if (!status.finished()) {
            throw new IllegalArgumentException("a job has not finished while " + status);
        }
    }

    /** Whether the job succeeded. */
    public boolean succeeded() {
        return status == JobStatus.SUCCEEDED;
    }
}
