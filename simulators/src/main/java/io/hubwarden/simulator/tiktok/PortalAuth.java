package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.HtmlPages;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The authorization page, {@code /portal/auth?app_id=&state=&redirect_uri=}: the person signs in with a TikTok for
 * Business account (or signs up), then confirms or cancels. Confirming sends the browser to the redirect URI with
 * {@code auth_code} (and {@code code}, both observed) and {@code state}; cancelling with {@code error=access_denied}.
 * The permissions are those of the app's settings, so none are asked for.
 */
final class PortalAuth {

    private final TikTokWorld world;

    PortalAuth(TikTokWorld world) {
        this.world = world;
    }

    /** Runs under the world's write lock. */
    Reply answer(IncomingRequest request) {
        String appId = request.param("app_id", "");
        TikTokApp app = world.apps.get(appId);
        if (app == null) {
            return Reply.html(400, Pages.of("Something went wrong", "<p>This app is not available (app_id).</p>"));
        }
        URI redirect;
        try {
            redirect = URI.create(request.param("redirect_uri", ""));
        } catch (IllegalArgumentException malformed) {
            redirect = URI.create("");
        }
        if (!app.redirectUris().contains(redirect)) {
            return Reply.html(
                    400,
                    Pages.of(
                            "Something went wrong",
                            "<p>The redirect URL does not match the app's advertiser redirect URL.</p>"));
        }
        String state = request.param("state", "");
        String hidden = HtmlPages.hidden("app_id", appId)
                + HtmlPages.hidden("state", state)
                + HtmlPages.hidden("redirect_uri", redirect.toString());
        String action = request.method().equals("POST") ? request.param("action", "") : "";
        switch (action) {
            case "login":
                Optional<TikTokAccount> account =
                        world.signIn(request.param("email", ""), request.param("password", ""));
                return account.isPresent()
                        ? confirm(app, hidden, account.get())
                        : signIn(app, hidden, "Incorrect e-mail address or password.");
            case "signup":
                if (world.accountByEmail(request.param("email", "")).isPresent()) {
                    return signIn(app, hidden, "An account with this e-mail address already exists. Log in instead.");
                }
                return confirm(
                        app,
                        hidden,
                        world.addAccount(
                                request.param("email", ""),
                                request.param("name", "New Person"),
                                request.param("password", "")));
            case "confirm":
                Optional<TikTokAccount> signedIn = world.pageSession(request.param("session"));
                if (signedIn.isEmpty()) {
                    return signIn(app, hidden, "Your session ended. Please log in again.");
                }
                String code = world.issueCode(signedIn.get().coreUserId(), appId, redirect);
                return Reply.redirect(URI.create(redirect + (redirect.getRawQuery() == null ? "?" : "&") + "auth_code="
                        + encode(code) + "&code=" + encode(code) + "&state=" + encode(state)));
            case "cancel":
                return Reply.redirect(URI.create(redirect + (redirect.getRawQuery() == null ? "?" : "&")
                        + "error=access_denied&state=" + encode(state)));
            default:
                return signIn(app, hidden, "");
        }
    }

    private static Reply signIn(TikTokApp app, String hidden, String error) {
        return Reply.html(
                200,
                Pages.of(
                        "Log in to continue to " + app.name(),
                        "<p>" + HtmlPages.escape(app.name())
                                + " asks to access your TikTok for Business account.</p>"
                                + Pages.signInForm(hidden, error)));
    }

    private Reply confirm(TikTokApp app, String hidden, TikTokAccount account) {
        String session = HtmlPages.hidden("session", world.openPageSession(account.coreUserId()));
        String body = "<p>Logged in as <strong>" + HtmlPages.escape(account.displayName()) + "</strong> ("
                + HtmlPages.escape(account.email()) + ").</p><p><strong>" + HtmlPages.escape(app.name())
                + "</strong> will be able to manage the Business Centers and ad accounts you can access, with the"
                + " permissions set in the app.</p><form method=\"post\">" + hidden + session
                + "<button type=\"submit\" name=\"action\" value=\"confirm\">Confirm</button> "
                + "<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\">Cancel</button></form>";
        return Reply.html(200, Pages.of("Authorize " + app.name(), body));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
