package io.hubwarden.automation;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomeTests {

    @Test
    void aRateLimitCarriesTheHubsWait() {
        var outcome = Outcome.of(new HubRateLimited("too many calls", Duration.ofSeconds(90), null));

        assertThat(outcome)
                .isEqualTo(new Outcome.RateLimited(
                        new JobFailure("HUB_RATE_LIMITED", "too many calls"), Duration.ofSeconds(90)));
    }

    @Test
    void aRateLimitWithoutAWaitLeavesTheWaitToTheBackoff() {
        var outcome = Outcome.of(new HubRateLimited("slow down", null, null));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Outcome.RateLimited.class,
                        limited -> assertThat(limited.retryAfter()).isNull());
    }

    @Test
    void expiredCredentialsAreNotAFailure() {
        var outcome = Outcome.of(new HubAuthExpired("token expired", "trace-1"));

        assertThat(outcome)
                .isEqualTo(new Outcome.AuthExpired(
                        new JobFailure("HUB_AUTH_EXPIRED", "token expired (trace id trace-1)")));
    }

    @Test
    void aRejectionFailsAtOnceWithTheHubsCodeAndMessage() {
        var outcome = Outcome.of(new HubRejected("100/1752129", "Invalid role for this business", null));

        assertThat(outcome)
                .isEqualTo(new Outcome.Failed(
                        new JobFailure("HUB_REJECTED:100/1752129", "Invalid role for this business"), false));
    }

    @Test
    void aMissingObjectFailsAtOnce() {
        var outcome = Outcome.of(new HubNotFound("no such user", null));

        assertThat(outcome).isEqualTo(new Outcome.Failed(new JobFailure("HUB_NOT_FOUND", "no such user"), false));
    }

    @Test
    void anUnavailableHubIsRetried() {
        var outcome = Outcome.of(new HubUnavailable("HTTP 503", null, null));

        assertThat(outcome).isEqualTo(new Outcome.Failed(new JobFailure("HUB_UNAVAILABLE", "HTTP 503"), true));
    }

    @Test
    void anAbortFailsAtOnceWithTheHandlersCode() {
        var outcome = Outcome.of(new JobAborted("MEMBERSHIP_GONE", "The membership was removed"));

        assertThat(outcome)
                .isEqualTo(new Outcome.Failed(new JobFailure("MEMBERSHIP_GONE", "The membership was removed"), false));
    }

    @Test
    void anyOtherExceptionIsRetriedWithoutQuotingItsMessage() {
        var outcome = Outcome.of(new IllegalStateException("password=hunter2"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.failure().code()).isEqualTo("UNEXPECTED_ERROR");
            assertThat(failed.failure().message())
                    .contains("IllegalStateException")
                    .doesNotContain("hunter2");
        });
    }

    @Test
    void aLongMessageIsCutToWhatTheJobKeeps() {
        var failure = new JobFailure("HUB_UNAVAILABLE", "x".repeat(5_000));

        assertThat(failure.message()).hasSize(JobFailure.MAX_MESSAGE);
    }
}
