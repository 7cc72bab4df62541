package io.hubwarden.platform;

import java.util.List;
import java.util.stream.Collectors;

/** The start-up check found settings that are missing or invalid; reported by {@link ConfigurationInvalidAnalyzer}. */
final class ConfigurationInvalid extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // records of strings; never serialized in practice
    private final List<ConfigurationProblem> problems;

    ConfigurationInvalid(List<ConfigurationProblem> problems) {
        super(problems.stream()
                .map(p -> p.variable() + ": " + p.problem())
                .collect(Collectors.joining("; ", "Hubwarden is not configured: ", "")));
        this.problems = List.copyOf(problems);
    }

    List<ConfigurationProblem> problems() {
        return problems;
    }
}
