package io.hubwarden.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultsTests {

    private final Faults faults = new Faults();

    @ParameterizedTest(name = "{0} {1} against {2} {3}: {4}")
    @CsvSource({
        "POST, /*/business_users, POST, /123/business_users, true",
        "POST, /*/business_users, POST, /123/business_users/, true",
        "POST, /*/business_users, GET, /123/business_users, false",
        "*, /*/business_users, GET, /123/business_users, true",
        "GET, /*, GET, /123/business_users, false",
        "GET, /**, GET, /123/business_users, true",
        "GET, /me, GET, /me/permissions, false",
        "GET, /act_*/assigned_users, GET, /act_55/assigned_users, true"
    })
    void patternsMatchWholeSegmentsOfTheVersionlessPath(
            String method, String pattern, String requestMethod, String path, boolean hits) {
        faults.inject(method, pattern, Fault.serverError(500), 1);

        assertThat(faults.take(requestMethod, path))
                .as("hit")
                .isEqualTo(hits ? Optional.of(Fault.serverError(500)) : Optional.empty());
    }

    @Test
    void aFaultIsUsedUpAfterItsCount() {
        faults.inject("GET", "/me", Fault.authExpired(), 2);

        assertThat(faults.take("GET", "/me")).isPresent();
        assertThat(faults.pending())
                .singleElement()
                .satisfies(rule -> assertThat(rule.remaining()).isEqualTo(1));
        assertThat(faults.take("GET", "/me")).isPresent();
        assertThat(faults.take("GET", "/me")).isEmpty();
    }

    @Test
    void theFirstInjectedMatchingFaultWins() {
        faults.inject("*", "/**", Fault.latency(Duration.ofMillis(5)), 1);
        faults.inject("GET", "/me", Fault.malformedBody(), 1);

        assertThat(faults.take("GET", "/me")).hasValue(Fault.latency(Duration.ofMillis(5)));
        assertThat(faults.take("GET", "/me")).hasValue(Fault.malformedBody());
    }

    @Test
    void countsMustBePositiveAndPatternsAbsolute() {
        assertThatIllegalArgumentException().isThrownBy(() -> faults.inject("GET", "/me", Fault.malformedBody(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> faults.inject("GET", "me", Fault.malformedBody(), 1));
    }
}
