package io.hubwarden.web;

import io.hubwarden.Unique;
import jakarta.servlet.http.Cookie;
import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A browser over the full stack (filters, security, sessions in the database): it keeps cookies between requests
 * and posts forms with the CSRF token of the last page it showed, like a person clicking through.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final MockMvcTester mvc;
    private final String address = Unique.clientAddress();
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private String lastPage = "";

    Browser(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** What a response showed. */
    record Page(int status, String body, @Nullable String location) {

        /** Where a redirect points, without the scheme and host MockMvc may add. */
        String redirect() {
            return Objects.requireNonNull(location, "not a redirect").replaceFirst("^https?://[^/]+", "");
        }
    }

    Page open(String path) {
        return send(mvc.get().uri(path).accept(MediaType.TEXT_HTML));
    }

    /** Posts a form with the CSRF token the last page carried. */
    Page submit(String path, Map<String, String> fields) {
        var matcher = CSRF.matcher(lastPage);
        if (!matcher.find()) {
            throw new IllegalStateException("The last page has no form with a CSRF token");
        }
        var withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", matcher.group(1));
        return submitAsIs(path, withToken);
    }

    /** Posts a form exactly as given, CSRF token or not. */
    Page submitAsIs(String path, Map<String, String> fields) {
        var request =
                mvc.post().uri(path).accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        fields.forEach((name, value) -> request.param(name, value));
        return send(request);
    }

    /** Follows a redirect. */
    Page follow(Page page) {
        return open(page.redirect());
    }

    /**
     * Opens a page several times at once with the session as it is, as a page and its background requests do; returns
     * each answer's status. The answers' cookies are not kept.
     */
    List<Integer> openAtOnce(String path, int times) throws InterruptedException {
        var start = new java.util.concurrent.CountDownLatch(1);
        var statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<Integer>());
        var threads = new java.util.ArrayList<Thread>();
        var sent = cookies.values().toArray(Cookie[]::new);
        for (int i = 0; i < times; i++) {
            var thread = new Thread(() -> {
                try {
                    start.await();
                    var request = mvc.get().uri(path).cookie(sent).with(servletRequest -> {
                        servletRequest.setRemoteAddr(address);
                        return servletRequest;
                    });
                    statuses.add(request.exchange().getResponse().getStatus());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (var thread : threads) {
            thread.join();
        }
        return List.copyOf(statuses);
    }

    /** Opens the sign-in page and signs in; returns the page the sign-in redirected to. */
    Page signIn(String email, String password) {
        open("/sign-in");
        return submit("/sign-in", Map.of("email", email, "password", password));
    }

    private Page send(MockMvcRequestBuilder request) {
        request.with(servletRequest -> {
            servletRequest.setRemoteAddr(address);
            return servletRequest;
        });
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        MvcTestResult result = request.exchange();
        var response = result.getResponse();
        for (var cookie : response.getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
        var body = responseBody(result);
        if (body.contains("_csrf")) {
            lastPage = body;
        }
        return new Page(response.getStatus(), body, response.getRedirectedUrl());
    }

    private static String responseBody(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
