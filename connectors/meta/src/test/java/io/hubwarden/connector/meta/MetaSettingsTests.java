package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.SettingProblem;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaSettingsTests {

    private static final HubSettings VALID = HubSettings.of(Map.of(
            "app_id", "1234567890",
            "app_secret", "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
            "business_id", "555000111"));

    @Test
    void theThreeIdentifiersAreEnough() {
        MetaSettings parsed = MetaSettings.parse(VALID);

        assertThat(MetaSettings.problems(VALID)).isEmpty();
        assertThat(parsed.graphBaseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(parsed.dialogBaseUrl()).isEqualTo(URI.create("https://www.facebook.com"));
        assertThat(parsed.apiVersion()).isEqualTo("v25.0");
        assertThat(parsed.loginConfigId()).isNull();
    }

    @Test
    void aTrailingSlashOnABaseUrlIsDropped() {
        MetaSettings parsed = MetaSettings.parse(VALID.with("graph_base_url", "http://127.0.0.1:8080/"));

        assertThat(parsed.graphBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void everyMissingIdentifierIsReported() {
        assertThat(MetaSettings.problems(HubSettings.empty()))
                .extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder("app_id", "app_secret", "business_id");
    }

    @ParameterizedTest
    @CsvSource({
        "app_id, my-app",
        "business_id, acme",
        "graph_base_url, graph.facebook.com",
        "graph_base_url, ftp://graph.facebook.com",
        "dialog_base_url, https://www.facebook.com/?x=1",
        "api_version, 25",
        "api_version, v25",
        "login_config_id, abc",
        "app_secret, has a space"
    })
    void malformedValuesAreReportedAgainstTheirSetting(String name, String value) {
        assertThat(MetaSettings.problems(VALID.with(name, value)))
                .extracting(SettingProblem::setting)
                .containsExactly(name);
    }

    @Test
    void unknownSettingsAreReported() {
        assertThat(MetaSettings.problems(VALID.with("bussiness_id", "555")))
                .extracting(SettingProblem::setting)
                .containsExactly("bussiness_id");
    }

    @Test
    void problemsNeverQuoteTheAppSecret() {
        assertThat(MetaSettings.problems(VALID.with("app_secret", "leaky secret value")))
                .allSatisfy(problem -> assertThat(problem.message()).doesNotContain("leaky"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MetaSettings.parse(VALID.with("app_secret", "leaky secret value")))
                .withMessageNotContaining("leaky");
    }
}
