package io.hubwarden.platform;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Checks the settings a production start needs before any bean is created, so that a missing database URL reads as
 * "HUBWARDEN_DATABASE_URL is missing" instead of a connection stack trace, and so that every problem shows at once.
 */
final class ConfigurationCheck implements BeanFactoryPostProcessor {

    static final Set<String> LOG_FORMATS = Set.of("text", "json", "ecs", "logstash", "gelf");

    private final Environment environment;

    ConfigurationCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        var problems = problems();
        if (!problems.isEmpty()) {
            throw new ConfigurationInvalid(problems);
        }
    }

    List<ConfigurationProblem> problems() {
        var problems = new ArrayList<ConfigurationProblem>();
        checkDatabase(problems);
        checkMail(problems);
        checkPublicUrl(problems);
        checkSecrets(problems);
        checkLogFormat(problems);
        return problems;
    }

    private void checkDatabase(List<ConfigurationProblem> problems) {
        var url = text("spring.datasource.url");
        if (url == null) {
            problems.add(new ConfigurationProblem(
                    "HUBWARDEN_DATABASE_URL",
                    "spring.datasource.url",
                    "no database is configured (for example jdbc:postgresql://db.internal:5432/hubwarden)"));
        } else if (!url.startsWith("jdbc:")) {
            problems.add(new ConfigurationProblem(
                    "HUBWARDEN_DATABASE_URL", "spring.datasource.url", "is not a JDBC URL (it starts with jdbc:)"));
        }
    }

    private void checkMail(List<ConfigurationProblem> problems) {
        if (text("spring.mail.host") == null) {
            problems.add(new ConfigurationProblem(
                    "HUBWARDEN_SMTP_HOST",
                    "spring.mail.host",
                    "no SMTP server is configured; Hubwarden sends invitations and notices by mail"));
        }
        var port = text("spring.mail.port");
        if (port != null && !validPort(port)) {
            problems.add(new ConfigurationProblem(
                    "HUBWARDEN_SMTP_PORT", "spring.mail.port", "is not a port number between 1 and 65535"));
        }
        var from = text("hubwarden.mail.from");
        if (from != null) {
            try {
                new InternetAddress(from, true).validate();
            } catch (AddressException e) {
                problems.add(new ConfigurationProblem(
                        "HUBWARDEN_MAIL_FROM",
                        "hubwarden.mail.from",
                        "is not a mail address (for example Hubwarden <hubwarden@example.com>)"));
            }
        }
    }

    private void checkPublicUrl(List<ConfigurationProblem> problems) {
        var url = text("hubwarden.public-url");
        if (url == null) {
            problems.add(new ConfigurationProblem(
                    "HUBWARDEN_PUBLIC_URL",
                    "hubwarden.public-url",
                    "is missing; links in mails point there (for example https://hubwarden.example.com)"));
            return;
        }
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme();
            if (uri.getHost() == null
                    || scheme == null
                    || !Set.of("http", "https").contains(scheme.toLowerCase(Locale.ROOT))) {
                problems.add(new ConfigurationProblem(
                        "HUBWARDEN_PUBLIC_URL", "hubwarden.public-url", "is not an absolute http(s) URL"));
            }
        } catch (URISyntaxException e) {
            problems.add(new ConfigurationProblem("HUBWARDEN_PUBLIC_URL", "hubwarden.public-url", "is not a URL"));
        }
    }

    private void checkSecrets(List<ConfigurationProblem> problems) {
        try {
            var secrets = Binder.get(environment).bindOrCreate("hubwarden.secrets", PlatformSettings.Secrets.class);
            problems.addAll(MasterKey.problems(secrets));
        } catch (BindException e) {
            problems.add(new ConfigurationProblem(
                    MasterKey.FILE_VARIABLE, "hubwarden.secrets.*", "cannot be read as settings"));
        }
    }

    private void checkLogFormat(List<ConfigurationProblem> problems) {
        var format = text("hubwarden.log-format");
        if (format != null && !LOG_FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
            problems.add(new ConfigurationProblem(
                    "HUBWARDEN_LOG_FORMAT", "hubwarden.log-format", "is neither text nor json"));
        }
    }

    private @Nullable String text(String property) {
        var value = environment.getProperty(property);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean validPort(String port) {
        try {
            var number = Integer.parseInt(port);
            return number > 0 && number < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
