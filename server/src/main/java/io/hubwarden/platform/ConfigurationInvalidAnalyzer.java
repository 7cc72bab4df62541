package io.hubwarden.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the start-up check's findings into one message that lists every problem and what fixes it. */
final class ConfigurationInvalidAnalyzer extends AbstractFailureAnalyzer<ConfigurationInvalid> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationInvalid cause) {
        var description = new StringBuilder("Hubwarden cannot start: ")
                .append(
                        cause.problems().size() == 1
                                ? "1 setting is"
                                : cause.problems().size() + " settings are")
                .append(" missing or invalid.\n");
        for (var problem : cause.problems()) {
            description
                    .append("\n  - ")
                    .append(problem.variable())
                    .append(" (")
                    .append(problem.property())
                    .append("): ")
                    .append(problem.problem());
        }
        return new FailureAnalysis(
                description.toString(),
                "Set each environment variable listed above (or the property in parentheses) and start again."
                        + " Every setting is described in docs/configuration.md.",
                cause);
    }
}
