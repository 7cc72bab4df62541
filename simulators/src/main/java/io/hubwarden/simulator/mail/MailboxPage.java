package io.hubwarden.simulator.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hubwarden.simulator.SimulatorServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mailbox's web page: {@code GET /} lists the messages newest first with clickable links, {@code GET /mails} gives
 * the same as JSON ({@code ?to=} filters by recipient), {@code GET /mails/{n}/html} shows the HTML body of the n-th
 * newest message (0-based), {@code POST /clear} (or {@code DELETE /mails}) empties the mailbox.
 */
final class MailboxPage {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Mailbox mailbox;
    private final HttpServer server;
    private final ExecutorService workers;

    private MailboxPage(Mailbox mailbox, HttpServer server, ExecutorService workers) {
        this.mailbox = mailbox;
        this.server = server;
        this.workers = workers;
    }

    static MailboxPage start(Mailbox mailbox, InetSocketAddress address) throws IOException {
        SimulatorServer.avoidDelayedAcks();
        HttpServer server = HttpServer.create(address, 50);
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "mailbox-web-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        MailboxPage page = new MailboxPage(mailbox, server, workers);
        server.createContext("/", page::handle);
        server.start();
        return page;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET") && path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", listing());
            } else if (method.equals("GET") && (path.equals("/mails") || path.equals("/mails/"))) {
                send(exchange, 200, "application/json", json(query(exchange, "to")));
            } else if (method.equals("GET") && path.matches("/mails/\\d+/html")) {
                int index = Integer.parseInt(path.split("/")[2]);
                List<Mail> mails = mailbox.newestFirst();
                String html = index < mails.size() ? mails.get(index).html() : null;
                if (html == null) {
                    send(exchange, 404, "text/plain; charset=utf-8", "No such message with HTML");
                } else {
                    send(exchange, 200, "text/html; charset=utf-8", html);
                }
            } else if ((method.equals("POST") && path.equals("/clear"))
                    || (method.equals("DELETE") && path.equals("/mails"))) {
                mailbox.clear();
                exchange.getResponseHeaders().set("Location", "/");
                send(exchange, method.equals("POST") ? 303 : 204, "text/plain", "");
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        }
    }

    private String listing() {
        List<Mail> mails = mailbox.newestFirst();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mailbox (")
                .append(mails.size())
                .append(")</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
                        + "article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}"
                        + "pre{white-space:pre-wrap;font-family:inherit}.meta{color:#555;font-size:.9rem}</style>"
                        + "</head><body><h1>Mailbox</h1><p>")
                .append(mails.size())
                .append(" message(s), newest first. <a href=\"/mails\">JSON</a></p>"
                        + "<form method=\"post\" action=\"/clear\"><button>Empty the mailbox</button></form>");
        for (int i = 0; i < mails.size(); i++) {
            Mail mail = mails.get(i);
            html.append("<article><h2>")
                    .append(escape(mail.subject().isEmpty() ? "(no subject)" : mail.subject()))
                    .append("</h2><p class=\"meta\">From ")
                    .append(escape(mail.from()))
                    .append(" to ")
                    .append(escape(String.join(", ", mail.to())))
                    .append(" at ")
                    .append(DateTimeFormatter.ISO_INSTANT.format(mail.receivedAt()))
                    .append(mail.html() == null ? "" : " · <a href=\"/mails/" + i + "/html\">HTML version</a>")
                    .append("</p><pre>")
                    .append(linkify(mail.text()))
                    .append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private String json(@Nullable String to) {
        ArrayNode array = JSON.createArrayNode();
        for (Mail mail : mailbox.newestFirst()) {
            if (to != null && !mail.isTo(to)) {
                continue;
            }
            ObjectNode node = array.addObject();
            node.put("from", mail.from());
            ArrayNode recipients = node.putArray("to");
            mail.to().forEach(recipients::add);
            node.put("subject", mail.subject());
            node.put("receivedAt", mail.receivedAt().toString());
            node.put("text", mail.text());
            node.put("html", mail.html());
            ArrayNode links = node.putArray("links");
            mail.links().forEach(link -> links.add(link.toString()));
        }
        return JSON.writeValueAsString(array);
    }

    private static String linkify(String text) {
        Matcher matcher = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(escape(text.substring(last, matcher.start())));
            String link = escape(matcher.group());
            out.append("<a href=\"").append(link).append("\">").append(link).append("</a>");
            last = matcher.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static @Nullable String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
