package io.hubwarden.web;

import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceView;
import io.hubwarden.workspace.Workspaces;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
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

    /**
     * One method for the three attributes: each model method runs before every handler of these controllers, JSON
     * answers included, and resolving its signed-in person cost more than the attribute.
     */
    @ModelAttribute
    void header(@AuthenticationPrincipal @Nullable SignedInPerson me, Model model) {
        model.addAttribute("me", me);
        // Whether the header links to the audit trail.
        model.addAttribute("mayReadAudit", me != null && me.can(Permission.VIEW_AUDIT));
        model.addAttribute("currentWorkspace", me == null ? null : currentWorkspace(me));
    }

    /** Read only when a page shows it: JSON answers of the same controllers never do. */
    private LazyContextVariable<@Nullable WorkspaceView> currentWorkspace(SignedInPerson me) {
        return new LazyContextVariable<>() {
            @Override
            protected @Nullable WorkspaceView loadValue() {
                return workspaces.workspace(me.workspaceId()).orElse(null);
            }
        };
    }
}
