package io.hubwarden.dev;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the embedded default's settings into the server's environment before anything reads it (logging and the
 * start-up configuration check included). They rank just below command-line arguments, so they win over
 * {@code application.yml} and over {@code HUBWARDEN_*} variables meant for production, and an argument can still
 * change any of them.
 */
final class EmbeddedSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String SOURCE = "hubwardenEmbeddedDefault";

    private final Map<String, Object> settings;

    EmbeddedSettings(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var sources = event.getEnvironment().getPropertySources();
        var source = new MapPropertySource(SOURCE, settings);
        if (sources.contains(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    /** Before Boot's own listeners read the environment to set up logging and load the configuration files. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
