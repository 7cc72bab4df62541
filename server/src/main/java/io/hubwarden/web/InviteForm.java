package io.hubwarden.web;

import io.hubwarden.workspace.WorkspaceRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The "Invite a person" form; the workspace module normalises and checks the email. */
record InviteForm(
        @NotBlank @Size(max = 254) @Nullable String email,
        @NotBlank @Size(max = 120) @Nullable String name,
        @NotNull WorkspaceRole role) {

    static InviteForm empty() {
        return new InviteForm("", "", WorkspaceRole.USER);
    }
}
