package io.hubwarden.web.hubs;

import io.hubwarden.hub.HubAccessDenied;
import io.hubwarden.hub.HubUnknown;
import io.hubwarden.hub.SyncNotHalted;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The hub module's refusals as the hub screens' readable pages. */
@ControllerAdvice(basePackageClasses = HubFailures.class)
class HubFailures {

    @ExceptionHandler(HubUnknown.class)
    String unknown(HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_NOT_FOUND, response, model);
    }

    @ExceptionHandler(HubAccessDenied.class)
    String denied(HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_FORBIDDEN, response, model);
    }

    /** A readable refusal, not a redirect: nothing was connected, and the page says so. */
    @ExceptionHandler(SignInRefused.class)
    String signInRefused(HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_BAD_REQUEST, response, model);
    }

    @ExceptionHandler(SyncNotHalted.class)
    String notHalted(HttpServletResponse response, Model model) {
        return page(HttpServletResponse.SC_CONFLICT, response, model);
    }

    private static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("known", true);
        return "error";
    }
}
