package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class ProblemTypeTests {

    @Test
    void problemCarriesTheStableTypeUriTitleAndStatus() {
        var problem = ProblemType.NOT_FOUND.toProblem("No hub 42 in this workspace.");

        assertThat(problem.getType()).isEqualTo(URI.create("https://hubwarden.io/problems/not-found"));
        assertThat(problem.getTitle()).isEqualTo("Not found");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("No hub 42 in this workspace.");
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid-request",
        "401, unauthenticated",
        "403, forbidden",
        "404, not-found",
        "409, conflict",
        "429, too-many-requests",
        "500, internal-error",
        "503, internal-error",
        "405, http-405",
        "999, internal-error"
    })
    void everyStatusHasAGenericType(int status, String slug) {
        assertThat(ProblemType.forStatus(status).slug()).isEqualTo(slug);
    }

    @Test
    void modulesDeclareTheirOwnTypes() {
        var type = ProblemType.of("hub-rate-limited", "The hub asks us to slow down", HttpStatus.TOO_MANY_REQUESTS);

        assertThat(type.type()).hasToString("https://hubwarden.io/problems/hub-rate-limited");
    }

    @Test
    void slugIsKebabCase() {
        assertThatThrownBy(() -> ProblemType.of("Hub Rate Limited", "x", HttpStatus.CONFLICT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
