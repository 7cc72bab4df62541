package io.hubwarden.web;

import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.Workspaces;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page after sign-in: the workspace and, for those who may see them, its people. */
@Controller
class HomeController {

    private final Workspaces workspaces;

    HomeController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson me, Model model) {
        if (!model.containsAttribute("inviteForm")) {
            model.addAttribute("inviteForm", InviteForm.empty());
        }
        fill(workspaces, me, model);
        return "home";
    }

    /** The home page's model; also used when the invite form comes back with errors. */
    static void fill(Workspaces workspaces, SignedInPerson me, Model model) {
        if (me.can(Permission.VIEW_PEOPLE)) {
            model.addAttribute("people", workspaces.peopleOf(me.workspaceId()));
        }
        model.addAttribute("canInvite", me.can(Permission.MANAGE_PEOPLE));
        model.addAttribute("assignableRoles", me.role().assignableRoles());
    }
}
