package io.hubwarden.web;

import io.hubwarden.workspace.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST (see {@link SecurityConfiguration}). */
@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn(
            @AuthenticationPrincipal @Nullable SignedInPerson me,
            @RequestParam(name = "workspace", required = false) @Nullable String workspace,
            HttpServletRequest request,
            Model model) {
        if (me != null) {
            return "redirect:/";
        }
        if (!model.containsAttribute("workspace")) {
            model.addAttribute("workspace", workspace == null ? "" : workspace);
        }
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", "");
        }
        if (request.getParameterMap().containsKey("signed-out")) {
            model.addAttribute("notice", "signed-out");
        }
        return "sign-in";
    }
}
