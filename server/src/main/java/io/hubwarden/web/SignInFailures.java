package io.hubwarden.web;

import io.hubwarden.workspace.SignInNeedsWorkspace;
import io.hubwarden.workspace.SignInThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Sends a failed sign-in back to the form with the reason as flash attributes (never the password), so that
 * reloading the page does not post the form again.
 */
final class SignInFailures implements AuthenticationFailureHandler {

    private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        var flash = new FlashMap();
        flash.put("email", text(request.getParameter("email")));
        flash.put("workspace", text(request.getParameter("workspace")));
        if (failure instanceof SignInThrottled throttled) {
            flash.put("problem", "throttled");
            flash.put("minutes", throttled.retryAfterMinutes());
        } else if (failure instanceof SignInNeedsWorkspace ambiguous) {
            flash.put("problem", "choose-workspace");
            flash.put("choices", new ArrayList<>(ambiguous.choices()));
        } else if (failure instanceof AccountStatusException) {
            flash.put("problem", "cannot-sign-in");
        } else {
            flash.put("problem", "bad-credentials");
        }
        var target = request.getContextPath() + "/sign-in";
        flash.setTargetRequestPath(target);
        flashMaps.saveOutputFlashMap(flash, request, response);
        response.sendRedirect(target);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.trim();
    }
}
