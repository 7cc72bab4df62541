package io.hubwarden.automation;

import io.hubwarden.platform.ColumnTypes;
import java.util.Random;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what the module's components cannot build for themselves. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AutomationSettings.class)
class AutomationConfiguration {

    @Bean
    ColumnTypes automationColumnTypes() {
        return ColumnTypes.uuid(JobId.class, JobId::new, JobId::value);
    }

    /** Jitter needs no cryptographic quality, only spread. */
    @Bean
    Backoff jobBackoff(AutomationSettings settings) {
        return new Backoff(settings.retry(), new Random());
    }
}
