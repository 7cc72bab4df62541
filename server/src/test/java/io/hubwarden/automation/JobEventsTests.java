package io.hubwarden.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The event publication registry stores events as JSON and reads them back to replay them after a crash. */
class JobEventsTests {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void jobFinishedSurvivesAJsonRoundTrip() {
        var event = new JobFinished(
                new JobId(UUID.randomUUID()),
                new WorkspaceId(UUID.randomUUID()),
                UUID.randomUUID(),
                "INVITE_USER",
                "membership-1",
                JobStatus.FAILED,
                new JobFailure("HUB_REJECTED:100", "Invalid parameter"),
                Instant.parse("2030-01-01T09:00:00Z"));

        var read = json.readValue(json.writeValueAsString(event), JobFinished.class);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void aWorkspaceLevelJobFinishedSurvivesAJsonRoundTrip() {
        var event = new JobFinished(
                new JobId(UUID.randomUUID()),
                new WorkspaceId(UUID.randomUUID()),
                null,
                "SYNC",
                null,
                JobStatus.SUCCEEDED,
                null,
                Instant.parse("2030-01-01T09:00:00Z"));

        var read = json.readValue(json.writeValueAsString(event), JobFinished.class);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void hubJobsPausedSurvivesAJsonRoundTrip() {
        var event = new HubJobsPaused(
                new WorkspaceId(UUID.randomUUID()),
                UUID.randomUUID(),
                new JobId(UUID.randomUUID()),
                "Error validating access token",
                Instant.parse("2030-01-01T09:00:00Z"));

        var read = json.readValue(json.writeValueAsString(event), HubJobsPaused.class);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void aJobFinishedThatDidNotFinishCannotExist() {
        var running = JobStatus.RUNNING;

        assertThat(running.finished()).isFalse();
        assertThatThrownBy(() -> new JobFinished(
                        new JobId(UUID.randomUUID()),
                        new WorkspaceId(UUID.randomUUID()),
                        null,
                        "SYNC",
                        null,
                        running,
                        null,
                        Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
