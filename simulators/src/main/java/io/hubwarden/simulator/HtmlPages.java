package io.hubwarden.simulator;

/**
 * The look every simulated hub's human pages share (consent dialogs, join pages): plain HTML, no scripts, forms that
 * post, in the hub's own colour under a header that says it is simulated.
 */
public final class HtmlPages {

    private HtmlPages() {}

    /**
     * A whole page.
     *
     * @param brand the header text, e.g. {@code Meta (simulated)}
     * @param accent the CSS colour of the header and the buttons
     * @param title the page title and heading
     * @param body HTML that is inserted as it is
     */
    public static String page(String brand, String accent, String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escape(title)
                + "</title><style>"
                + "body{font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;margin:0;color:#1c1e21}"
                + "header{background:" + accent + ";color:#fff;padding:.8rem 1.2rem;font-weight:bold}"
                + "main{max-width:28rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem;"
                + "box-shadow:0 2px 4px rgba(0,0,0,.1)}"
                + "label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}"
                + "button{margin-top:1rem;padding:.6rem 1rem;border:0;border-radius:6px;background:" + accent + ";"
                + "color:#fff;font-weight:bold;cursor:pointer}button.secondary{background:#e4e6eb;color:#050505}"
                + ".error{color:#c00}.muted{color:#65676b;font-size:.9rem}hr{margin:1.5rem 0}"
                + "</style></head><body><header>" + escape(brand) + "</header><main><h1>" + escape(title) + "</h1>"
                + body + "</main></body></html>";
    }

    /** A hidden form field. */
    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    /** A labelled, required input. */
    public static String field(String label, String name, String type) {
        return "<label for=\"" + name + "\">" + escape(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" required>";
    }

    /** Text made safe for HTML content and attribute values. */
    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
