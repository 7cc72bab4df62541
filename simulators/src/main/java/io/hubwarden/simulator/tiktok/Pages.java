package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.HtmlPages;

/** The simulated TikTok's pages (authorization, join pages) in TikTok's colours. */
final class Pages {

    private Pages() {}

    static String of(String title, String body) {
        return HtmlPages.page("TikTok for Business (simulated)", "#fe2c55", title, body);
    }

    static String signInForm(String hidden, String error) {
        String problem = error.isEmpty() ? "" : "<p class=\"error\">" + HtmlPages.escape(error) + "</p>";
        return problem + "<form method=\"post\">" + hidden + HtmlPages.hidden("action", "login")
                + HtmlPages.field("E-mail", "email", "email") + HtmlPages.field("Password", "password", "password")
                + "<button type=\"submit\">Log in</button></form><hr><p class=\"muted\">No account yet?</p>"
                + "<form method=\"post\">" + hidden + HtmlPages.hidden("action", "signup")
                + HtmlPages.field("Name", "name", "text") + HtmlPages.field("E-mail", "email", "email")
                + HtmlPages.field("Password", "password", "password")
                + "<button type=\"submit\" class=\"secondary\">Sign up</button></form>";
    }
}
