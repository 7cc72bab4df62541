package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.Secret;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphErrorsTests {

    @ParameterizedTest(name = "code {0} subcode {1} is {2}")
    @CsvSource({
        "1, , HubUnavailable",
        "2, , HubUnavailable",
        "4, , HubRateLimited",
        "17, 2446079, HubRateLimited",
        "32, , HubRateLimited",
        "368, , HubRateLimited",
        "613, 1487742, HubRateLimited",
        "80000, , HubRateLimited",
        "80004, , HubRateLimited",
        "80014, , HubRateLimited",
        "102, , HubAuthExpired",
        "190, 463, HubAuthExpired",
        "190, 460, HubAuthExpired",
        "100, 33, HubNotFound",
        "803, , HubNotFound",
        "100, 1752129, HubRejected",
        "100, , HubRejected",
        "10, , HubRejected",
        "200, , HubRejected",
        "299, , HubRejected",
        "104, , HubRejected",
        "80015, , HubRejected"
    })
    void classifiesByCodeAndSubcode(int code, @Nullable Integer subcode, String expected) {
        HubFailure failure = GraphErrors.classify(error(code, subcode, null), null, List.of());

        assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(failure.traceId()).contains("AbC123xyz");
    }

    @Test
    void anUnknownTransientErrorIsUnavailable() {
        HubFailure failure = GraphErrors.classify(error(9999, null, true), null, List.of());

        assertThat(failure.getClass().getSimpleName()).isEqualTo("HubUnavailable");
    }

    @Test
    void rejectionKeepsCodeAndSubcode() {
        HubFailure failure = GraphErrors.classify(error(100, 1752129, false), null, List.of());

        assertThat(failure)
                .isInstanceOfSatisfying(
                        HubRejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("100/1752129"));
    }

    @Test
    void throttlingCarriesTheWaitFromTheUsageHeader() {
        Duration wait = GraphErrors.retryAfter(
                "{\"555\":[{\"type\":\"ads_management\",\"call_count\":100,\"estimated_time_to_regain_access\":3},"
                        + "{\"type\":\"pages\",\"call_count\":40,\"estimated_time_to_regain_access\":9}]}");

        HubFailure failure = GraphErrors.classify(error(80004, null, null), wait, List.of());

        assertThat(failure)
                .isInstanceOfSatisfying(
                        HubRateLimited.class,
                        limited -> assertThat(limited.retryAfter()).contains(Duration.ofMinutes(9)));
    }

    @Test
    void aUsageHeaderThatSaysNothingGivesNoWait() {
        assertThat(GraphErrors.retryAfter(null)).isNull();
        assertThat(GraphErrors.retryAfter("{\"555\":[{\"type\":\"pages\",\"estimated_time_to_regain_access\":0}]}"))
                .isNull();
        assertThat(GraphErrors.retryAfter("not json")).isNull();
    }

    @Test
    void echoedSecretsAreMaskedInTheMessage() {
        Secret token = Secret.of("EAAB-echoed-token");
        GraphWire.GraphError echoed = new GraphWire.GraphError(
                "Malformed access token EAAB-echoed-token", "OAuthException", 190, null, "t", false);

        HubFailure failure = GraphErrors.classify(echoed, null, List.of(token));

        assertThat(failure.getMessage()).doesNotContain("EAAB-echoed-token").contains("***");
    }

    @Test
    void anAnswerWithoutEnvelopeIsUnavailable() {
        assertThat(GraphErrors.unreadable(502).getClass().getSimpleName()).isEqualTo("HubUnavailable");
    }

    private static GraphWire.GraphError error(int code, @Nullable Integer subcode, @Nullable Boolean transientError) {
        return new GraphWire.GraphError(
                "(#" + code + ") something", "OAuthException", code, subcode, "AbC123xyz", transientError);
    }
}
