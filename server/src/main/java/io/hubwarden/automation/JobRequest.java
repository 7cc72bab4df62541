package io.hubwarden.automation;

import io.hubwarden.workspace.WorkspaceId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a module asks {@link Jobs#enqueue} to do. Start with {@link #of} and add the optional parts with the
 * {@code with…} methods:
 *
 * <pre>{@code
 * JobRequest.of(workspaceId, "INVITE_USER", personId.toString())
 *         .withHub(hubId)
 *         .withSubject(membershipId.toString())
 *         .withIdempotencyKey("invite:" + membershipId + ":" + shareVersion)
 * }</pre>
 *
 * @param workspaceId the workspace the job belongs to
 * @param type the job type, a name such as {@code SYNC} or {@code INVITE_USER}: capital letters, digits and
 *     underscores, at most 64 characters; a {@link JobHandler} of the same type runs it
 * @param hubId the id of the hub the job calls, or {@code null} for a workspace-level job; rate limits and pauses
 *     apply per hub
 * @param subject what the job acts on, such as a membership id, or {@code null}; at most 200 characters
 * @param payload small text or JSON the handler understands, or {@code null}; at most 4000 characters
 * @param causedBy who caused the job: a person id, {@value #SCHEDULE} or {@value #SYSTEM}; at most 100 characters
 * @param trigger what made it happen, for people reading the job list (such as "access shared"), or {@code null}
 * @param idempotencyKey unique per workspace: enqueueing a request whose key is already taken returns the existing
 *     job instead of a new one; {@code null} when every request should make a new job; at most 200 characters
 */
public record JobRequest(
        WorkspaceId workspaceId,
        String type,
        @Nullable UUID hubId,
        @Nullable String subject,
        @Nullable String payload,
        String causedBy,
        @Nullable String trigger,
        @Nullable String idempotencyKey) {

    /** {@link #causedBy()} of jobs that a schedule started. */
    public static final String SCHEDULE = "schedule";

    /** {@link #causedBy()} of jobs that the system started in reaction to something no person did. */
    public static final String SYSTEM = "system";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public JobRequest {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("a job type is capital letters, digits and underscores: " + type);
        }
        requireLength("subject", subject, 200);
        requireLength("payload", payload, 4000);
        requireLength("trigger", trigger, 200);
        requireLength("idempotency key", idempotencyKey, 200);
        requireLength("caused by", causedBy, 100);
        if (causedBy.isBlank()) {
            throw new IllegalArgumentException("a job needs to say who caused it");
        }
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key cannot be blank");
        }
    }

    /** A request with only the required parts. */
    public static JobRequest of(WorkspaceId workspaceId, String type, String causedBy) {
        return new JobRequest(workspaceId, type, null, null, null, causedBy, null, null);
    }

    public JobRequest withHub(UUID hub) {
        return new JobRequest(workspaceId, type, hub, subject, payload, causedBy, trigger, idempotencyKey);
    }

    public JobRequest withSubject(String text) {
        return new JobRequest(workspaceId, type, hubId, text, payload, causedBy, trigger, idempotencyKey);
    }

    public JobRequest withPayload(String text) {
        return new JobRequest(workspaceId, type, hubId, subject, text, causedBy, trigger, idempotencyKey);
    }

    public JobRequest withTrigger(String text) {
        return new JobRequest(workspaceId, type, hubId, subject, payload, causedBy, text, idempotencyKey);
    }

    public JobRequest withIdempotencyKey(String key) {
        return new JobRequest(workspaceId, type, hubId, subject, payload, causedBy, trigger, key);
    }

    private static void requireLength(String what, @Nullable String text, int max) {
        if (text != null && text.length() > max) {
            throw new IllegalArgumentException("a job's " + what + " is at most " + max + " characters");
        }
    }
}
