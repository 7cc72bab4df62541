package io.hubwarden.simulator.meta;

/** The look of the simulated Meta's pages (login dialog, join pages): plain HTML, no scripts, forms that post. */
final class HtmlPage {

    private HtmlPage() {}

    static String of(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + escape(title)
                + "</title><style>"
                + "body{font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;margin:0;color:#1c1e21}"
                + "header{background:#0866ff;color:#fff;padding:.8rem 1.2rem;font-weight:bold}"
                + "main{max-width:28rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem;"
                + "box-shadow:0 2px 4px rgba(0,0,0,.1)}"
                + "label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}"
                + "button{margin-top:1rem;padding:.6rem 1rem;border:0;border-radius:6px;background:#0866ff;"
                + "color:#fff;font-weight:bold;cursor:pointer}button.secondary{background:#e4e6eb;color:#050505}"
                + ".error{color:#c00}.muted{color:#65676b;font-size:.9rem}hr{margin:1.5rem 0}"
                + "</style></head><body><header>Meta (simulated)</header><main><h1>" + escape(title) + "</h1>" + body
                + "</main></body></html>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    static String field(String label, String name, String type) {
        return "<label for=\"" + name + "\">" + escape(label) + "</label><input id=\"" + name + "\" name=\"" + name
                + "\" type=\"" + type + "\" required>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
