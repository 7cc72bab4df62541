package io.hubwarden.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP Basic account a metrics scraper uses for {@code /actuator/prometheus} ({@code HUBWARDEN_METRICS_PASSWORD});
 * without a password, only signed-in Owners and Super Admins read the metrics.
 */
@ConfigurationProperties("hubwarden.metrics")
record MetricsSettings(
        @DefaultValue("prometheus") String username,
        @Nullable String password) {

    MetricsSettings {
        password = password == null || password.isBlank() ? null : password;
    }

    @Override
    public String toString() {
        return "MetricsSettings[username=" + username + ", password=" + (password == null ? "unset" : "***") + "]";
    }
}
