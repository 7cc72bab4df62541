package io.hubwarden.hub;

import io.hubwarden.connector.SettingProblem;
import java.util.List;
import java.util.stream.Collectors;

/** The connector found problems in a hub's settings offline; nothing was sent to the hub. */
public final class SettingsRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // SettingProblem is a record of strings
    private final List<SettingProblem> problems;

    SettingsRejected(List<SettingProblem> problems) {
        super("Hub settings rejected: "
                + problems.stream().map(SettingProblem::setting).collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, by setting name. */
    public List<SettingProblem> problems() {
        return problems;
    }
}
