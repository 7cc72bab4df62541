package io.hubwarden.automation;

import io.hubwarden.Unique;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.Workspaces;
import org.jspecify.annotations.Nullable;

/** The workspaces automation tests file their jobs under, made through the workspace module once per application. */
final class TestWorkspaces {

    private final Workspaces workspaces;
    private @Nullable WorkspaceId first;
    private @Nullable WorkspaceId second;

    TestWorkspaces(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    synchronized WorkspaceId aWorkspace() {
        var known = first;
        if (known == null) {
            known = create("Acme Ads");
            first = known;
        }
        return known;
    }

    synchronized WorkspaceId anotherWorkspace() {
        var known = second;
        if (known == null) {
            known = create("Globex Media");
            second = known;
        }
        return known;
    }

    private WorkspaceId create(String name) {
        return workspaces
                .create(Unique.name(name), Unique.email("owner"), "Ada Owner", "correct horse battery staple")
                .workspaceId();
    }
}
