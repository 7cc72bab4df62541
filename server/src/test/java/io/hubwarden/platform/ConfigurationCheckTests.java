package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.Hubwarden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ConfigurationCheckTests {

    @Test
    void startWithoutSettingsStopsWithOneMessageNamingEveryMissingSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                        "--spring.datasource.url=",
                        "--spring.mail.host=",
                        "--hubwarden.public-url=",
                        "--hubwarden.secrets.master-key="))
                .isInstanceOf(ConfigurationInvalid.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Hubwarden cannot start: 4 settings are missing or invalid.")
                .contains("HUBWARDEN_DATABASE_URL (spring.datasource.url)")
                .contains("HUBWARDEN_SMTP_HOST (spring.mail.host)")
                .contains("HUBWARDEN_PUBLIC_URL (hubwarden.public-url)")
                .contains("HUBWARDEN_MASTER_KEY or HUBWARDEN_MASTER_KEY_FILE")
                .contains("docs/configuration.md");
    }

    @Test
    void invalidSettingsAreNamedWithoutQuotingSecrets(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                        "--spring.datasource.url=postgres://db/hubwarden",
                        "--spring.mail.port=smtp",
                        "--hubwarden.public-url=ftp://files.example.com",
                        "--hubwarden.secrets.master-key={\"primaryKeyId\": \"hunter2\"",
                        "--hubwarden.log-format=xml",
                        "--hubwarden.mail.from=not an address"))
                .isInstanceOfSatisfying(
                        ConfigurationInvalid.class,
                        failure -> assertThat(failure.problems())
                                .extracting(ConfigurationProblem::variable)
                                .containsExactly(
                                        "HUBWARDEN_DATABASE_URL",
                                        "HUBWARDEN_SMTP_PORT",
                                        "HUBWARDEN_MAIL_FROM",
                                        "HUBWARDEN_PUBLIC_URL",
                                        "HUBWARDEN_MASTER_KEY",
                                        "HUBWARDEN_LOG_FORMAT"));

        assertThat(output.getOut() + output.getErr()).contains("6 settings").doesNotContain("hunter2");
    }

    private static void start(String... arguments) {
        new SpringApplicationBuilder(Hubwarden.class)
                .web(WebApplicationType.NONE)
                .run(arguments)
                .close();
    }
}
