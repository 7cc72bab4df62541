package io.hubwarden.web;

import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceView;
import io.hubwarden.workspace.Workspaces;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/** What every page's header shows: who is signed in, in which workspace, and the links they may follow. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    private final Workspaces workspaces;

    PageModel(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @ModelAttribute("me")
    @Nullable
    SignedInPerson me(@AuthenticationPrincipal @Nullable SignedInPerson me) {
        return me;
    }

    /** Whether the header links to the audit trail. */
    @ModelAttribute("mayReadAudit")
    boolean mayReadAudit(@AuthenticationPrincipal @Nullable SignedInPerson me) {
        return me != null && me.can(Permission.VIEW_AUDIT);
    }

    /** Read only when a page shows it: JSON answers of the same controllers never do. */
    @ModelAttribute("currentWorkspace")
    @Nullable
    LazyContextVariable<@Nullable WorkspaceView> currentWorkspace(
            @AuthenticationPrincipal @Nullable SignedInPerson me) {
        if (me == null) {
            return null;
        }
        return new LazyContextVariable<>() {
            @Override
            protected @Nullable WorkspaceView loadValue() {
                return workspaces.workspace(me.workspaceId()).orElse(null);
            }
        };
    }
}
