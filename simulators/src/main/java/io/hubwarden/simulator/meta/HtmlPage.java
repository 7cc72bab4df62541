package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.HtmlPages;

/** The simulated Meta's pages (login dialog, join pages) in Meta's blue. */
final class HtmlPage {

    private HtmlPage() {}

    static String of(String title, String body) {
        return HtmlPages.page("Meta (simulated)", "#0866ff", title, body);
    }

    static String hidden(String name, String value) {
        return HtmlPages.hidden(name, value);
    }

    static String field(String label, String name, String type) {
        return HtmlPages.field(label, name, type);
    }

    static String escape(String text) {
        return HtmlPages.escape(text);
    }
}
