package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Facebook Login's dialog, {@code /vNN.0/dialog/oauth}: a sign-in (or sign-up) page, then a consent page; "Continue"
 * redirects to the app's redirect URI with {@code code} and {@code state}, "Cancel" with
 * {@code error=access_denied&error_reason=user_denied&error_description=Permissions+error}. Unknown apps and
 * unregistered redirect URIs get an error page, never a redirect. With {@code config_id} (Facebook Login for Business)
 * the permissions are those of a business configuration: business_management, ads_management, pages_show_list, email.
 */
final class LoginDialog {

    static final Set<String> BUSINESS_CONFIGURATION =
            Set.of("business_management", "ads_management", "pages_show_list", "email", "public_profile");
    private static final List<String> CARRIED =
            List.of("client_id", "redirect_uri", "state", "scope", "config_id", "response_type");

    private final MetaWorld world;

    LoginDialog(MetaWorld world) {
        this.world = world;
    }

    /** Runs under the world's write lock (signing up and consenting change it). */
    Reply answer(IncomingRequest request) {
        MetaApp app = world.apps.get(request.param("client_id", ""));
        if (app == null) {
            return Reply.html(
                    400,
                    HtmlPage.of(
                            "Invalid App ID",
                            "<p class=\"error\">The provided app ID does not look like a valid app ID.</p>"));
        }
        URI redirect = uri(request.param("redirect_uri", ""));
        if (redirect == null || !app.redirectUris().contains(redirect)) {
            return Reply.html(
                    400,
                    HtmlPage.of(
                            "URL blocked",
                            "<p class=\"error\">This redirect failed because the redirect URI is not white-listed in"
                                    + " the app's client OAuth settings. Make sure that the client and web OAuth logins"
                                    + " are on and add all your app domains as valid OAuth redirect URIs.</p>"));
        }
        String action = request.method().equals("POST") ? request.param("action", "") : "";
        switch (action) {
            case "login":
                Optional<FacebookPerson> person =
                        world.signIn(request.param("email", ""), request.param("password", ""));
                return person.isPresent()
                        ? consent(request, app, person.get())
                        : signIn(request, app, "The e-mail address or password you entered is incorrect.");
            case "signup":
                if (world.personByEmail(request.param("email", "")).isPresent()) {
                    return signIn(request, app, "An account with this e-mail address already exists. Log in instead.");
                }
                FacebookPerson created = world.addPerson(
                        request.param("email", ""), request.param("name", "New Person"), request.param("password", ""));
                return consent(request, app, created);
            case "grant":
            case "deny":
                Optional<FacebookPerson> signedIn = world.pageSession(request.param("session"));
                if (signedIn.isEmpty()) {
                    return signIn(request, app, "Your session ended. Please log in again.");
                }
                return action.equals("grant")
                        ? granted(request, app, redirect, signedIn.get())
                        : denied(request, redirect);
            default:
                return signIn(request, app, null);
        }
    }

    private Reply signIn(IncomingRequest request, MetaApp app, @Nullable String error) {
        String carried = carried(request);
        String body = "<p>Log in to continue to <strong>" + HtmlPage.escape(app.name()) + "</strong>.</p>"
                + (error == null ? "" : "<p class=\"error\">" + HtmlPage.escape(error) + "</p>")
                + "<form method=\"post\">" + carried + HtmlPage.hidden("action", "login")
                + HtmlPage.field("E-mail address", "email", "email")
                + HtmlPage.field("Password", "password", "password")
                + "<button type=\"submit\">Log in</button></form><hr><p class=\"muted\">New to Facebook?</p>"
                + "<form method=\"post\">" + carried + HtmlPage.hidden("action", "signup")
                + HtmlPage.field("Name", "name", "text") + HtmlPage.field("E-mail address", "email", "email")
                + HtmlPage.field("New password", "password", "password")
                + "<button type=\"submit\" class=\"secondary\">Create new account</button></form>";
        return Reply.html(error == null ? 200 : 401, HtmlPage.of("Log in to Facebook", body));
    }

    private Reply consent(IncomingRequest request, MetaApp app, FacebookPerson person) {
        String session = world.openPageSession(person.id());
        StringBuilder permissions = new StringBuilder("<ul>");
        for (String scope : scopes(request)) {
            permissions.append("<li>").append(HtmlPage.escape(scope)).append("</li>");
        }
        permissions.append("</ul>");
        String carried = carried(request) + HtmlPage.hidden("session", session);
        String body = "<p><strong>" + HtmlPage.escape(app.name()) + "</strong> is requesting access to:</p>"
                + permissions + "<form method=\"post\">" + carried
                + "<button type=\"submit\" name=\"action\" value=\"grant\">Continue as "
                + HtmlPage.escape(person.name().split(" ", 2)[0]) + "</button> "
                + "<button type=\"submit\" name=\"action\" value=\"deny\" class=\"secondary\">Cancel</button></form>";
        return Reply.html(200, HtmlPage.of("Continue to " + app.name(), body));
    }

    private Reply granted(IncomingRequest request, MetaApp app, URI redirect, FacebookPerson person) {
        AuthorizationCode code = world.issueCode(person.id(), app.id(), redirect, scopes(request));
        String state = request.param("state");
        return Reply.redirect(URI.create(redirect + (redirect.getRawQuery() == null ? "?" : "&") + "code="
                + encode(code.value()) + (state == null ? "" : "&state=" + encode(state))));
    }

    private static Reply denied(IncomingRequest request, URI redirect) {
        String state = request.param("state");
        return Reply.redirect(URI.create(redirect + (redirect.getRawQuery() == null ? "?" : "&")
                + "error=access_denied&error_reason=user_denied&error_description=Permissions+error"
                + (state == null ? "" : "&state=" + encode(state))));
    }

    static Set<String> scopes(IncomingRequest request) {
        Set<String> scopes = new LinkedHashSet<>();
        String config = request.param("config_id");
        if (config != null && !config.isBlank()) {
            scopes.addAll(BUSINESS_CONFIGURATION);
            return scopes;
        }
        scopes.add("public_profile");
        for (String scope : request.param("scope", "").split("[,\\s]+")) {
            if (!scope.isBlank()) {
                scopes.add(scope.strip());
            }
        }
        return scopes;
    }

    private static String carried(IncomingRequest request) {
        StringBuilder hidden = new StringBuilder();
        for (String name : CARRIED) {
            String value = request.param(name);
            if (value != null) {
                hidden.append(HtmlPage.hidden(name, value));
            }
        }
        return hidden.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static @Nullable URI uri(String value) {
        try {
            return value.isBlank() ? null : new URI(value.strip());
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
