package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LogFormatSwitchTests {

    @Test
    void jsonSwitchesTheConsoleToElasticCommonSchema() {
        assertThat(consoleFormat(Map.of("hubwarden.log-format", "json"))).isEqualTo("ecs");
    }

    @Test
    void textKeepsPlainLogs() {
        assertThat(consoleFormat(Map.of("hubwarden.log-format", "text"))).isNull();
        assertThat(consoleFormat(Map.of())).isNull();
    }

    @Test
    void explicitBootSettingWins() {
        var format =
                consoleFormat(Map.of("hubwarden.log-format", "json", "logging.structured.format.console", "logstash"));

        assertThat(format).isEqualTo("logstash");
    }

    private static @Nullable String consoleFormat(Map<String, Object> settings) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new LogFormatSwitch().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.structured.format.console");
    }
}
