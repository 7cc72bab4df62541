package io.hubwarden.web;

import io.hubwarden.workspace.InvitationAlreadyUsed;
import io.hubwarden.workspace.InvitationExpired;
import io.hubwarden.workspace.InvitationUnusable;
import io.hubwarden.workspace.PermissionDenied;
import io.hubwarden.workspace.PersonNotFound;
import io.hubwarden.workspace.PersonNotInvited;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The one place where domain failures become dashboard pages. */
@ControllerAdvice(basePackageClasses = WebFailures.class)
class WebFailures {

    @ExceptionHandler(InvitationUnusable.class)
    String invitationUnusable(InvitationUnusable failure, HttpServletResponse response, Model model) {
        var reason = "unknown";
        if (failure instanceof InvitationExpired) {
            reason = "expired";
        } else if (failure instanceof InvitationAlreadyUsed) {
            reason = "used";
        }
        response.setStatus("unknown".equals(reason) ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        model.addAttribute("reason", reason);
        return "invitation-unusable";
    }

    @ExceptionHandler(PermissionDenied.class)
    String permissionDenied(HttpServletResponse response, Model model) {
        return ErrorPages.page(HttpServletResponse.SC_FORBIDDEN, response, model);
    }

    @ExceptionHandler(PersonNotFound.class)
    String personNotFound(HttpServletResponse response, Model model) {
        return ErrorPages.page(HttpServletResponse.SC_NOT_FOUND, response, model);
    }

    @ExceptionHandler(PersonNotInvited.class)
    String personNotInvited(HttpServletResponse response, Model model) {
        return ErrorPages.page(HttpServletResponse.SC_CONFLICT, response, model);
    }
}
