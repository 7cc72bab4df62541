package io.hubwarden.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps {@code HUBWARDEN_LOG_FORMAT=json} to Boot's structured console logging (Elastic Common Schema). It runs
 * before the logging system starts, which a bean could not do. An explicit {@code logging.structured.format.console}
 * still wins.
 */
final class LogFormatSwitch implements EnvironmentPostProcessor, Ordered {

    private static final Map<String, String> FORMATS =
            Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var chosen =
                environment.getProperty("hubwarden.log-format", "text").trim().toLowerCase(Locale.ROOT);
        var format = FORMATS.get(chosen);
        if (format != null) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "hubwardenLogFormat", Map.of("logging.structured.format.console", format)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
