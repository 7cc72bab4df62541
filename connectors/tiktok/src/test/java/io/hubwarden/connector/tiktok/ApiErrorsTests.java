package io.hubwarden.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.Secret;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiErrorsTests {

    @ParameterizedTest
    @CsvSource({
        "40100, HubRateLimited",
        "40132, HubRateLimited",
        "61000, HubRateLimited",
        "40102, HubAuthExpired",
        "40104, HubAuthExpired",
        "40105, HubAuthExpired",
        "40007, HubNotFound",
        "40300, HubNotFound",
        "40202, HubUnavailable",
        "50000, HubUnavailable",
        "51060, HubUnavailable",
        "60001, HubUnavailable",
        "40001, HubRejected",
        "40002, HubRejected",
        "40101, HubRejected",
        "40110, HubRejected",
        "40130, HubRejected"
    })
    void eachReturnCodeBecomesOneFailure(int code, String failure) {
        HubFailure classified = ApiErrors.classify(code, "what TikTok said", "2026112909", List.of());

        assertThat(classified.getClass().getSimpleName()).isEqualTo(failure);
        assertThat(classified.traceId()).contains("2026112909");
        assertThat(List.of(
                        HubRateLimited.class,
                        HubAuthExpired.class,
                        HubNotFound.class,
                        HubUnavailable.class,
                        HubRejected.class))
                .contains(classified.getClass());
    }

    @ParameterizedTest
    @CsvSource({"40100", "40002"})
    void throttlingSaysNoWaitAndMessagesNeverEchoSecrets(int code) {
        HubFailure classified =
                ApiErrors.classify(code, "token t0k3n-value is bad", null, List.of(Secret.of("t0k3n-value")));

        assertThat(classified.getMessage()).doesNotContain("t0k3n-value").contains("***");
        if (classified instanceof HubRateLimited limited) {
            assertThat(limited.retryAfter()).isEmpty();
        }
    }
}
