package io.hubwarden.web;

import io.hubwarden.workspace.PasswordTooWeak;
import io.hubwarden.workspace.Workspaces;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The set-password page behind an invitation link. Unusable links (unknown, expired, used) get a page that says so,
 * rendered by {@link WebFailures}.
 */
@Controller
class InvitationController {

    private final Workspaces workspaces;

    InvitationController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/invitations/{token}")
    String open(@PathVariable("token") String token, Model model) {
        model.addAttribute("invitation", workspaces.pendingInvitation(token));
        model.addAttribute("token", token);
        model.addAttribute("minimumPasswordLength", workspaces.minimumPasswordLength());
        model.addAttribute("form", SetPasswordForm.empty());
        return "set-password";
    }

    @PostMapping("/invitations/{token}")
    String accept(
            @PathVariable("token") String token,
            @Valid @ModelAttribute("form") SetPasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var invitation = workspaces.pendingInvitation(token);
        if (!errors.hasErrors() && !form.confirmed()) {
            errors.rejectValue("confirmation", "password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                workspaces.acceptInvitation(token, Objects.requireNonNull(form.password()));
                redirect.addFlashAttribute("notice", "password-set");
                redirect.addFlashAttribute("email", invitation.email());
                redirect.addFlashAttribute("workspace", invitation.workspaceSlug());
                return "redirect:/sign-in";
            } catch (PasswordTooWeak e) {
                errors.rejectValue(
                        "password", "password.too-weak", new Object[] {e.minimumLength(), e.maximumLength()}, null);
            }
        }
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        model.addAttribute("minimumPasswordLength", workspaces.minimumPasswordLength());
        return "set-password";
    }
}
