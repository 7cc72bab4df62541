package io.hubwarden.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a browser would carry over from one of the simulator's pages to the next: hidden form fields. */
public final class PageForms {

    private PageForms() {}

    /** The value of the page's hidden field {@code name}. */
    public static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile(
                        "<input type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
                .matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name + " in " + html);
        }
        return matcher.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    }
}
