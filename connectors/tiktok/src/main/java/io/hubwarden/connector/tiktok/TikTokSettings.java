package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.Secret;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The operator's settings for one TikTok Business Center, parsed; {@link #problems} checks them offline. */
record TikTokSettings(String appId, Secret secret, String bcId, URI apiBaseUrl, URI authPageUrl) {

    static final String APP_ID = "app_id";
    static final String SECRET = "secret";
    static final String BC_ID = "bc_id";
    static final String API_BASE_URL = "api_base_url";
    static final String AUTH_PAGE_URL = "auth_page_url";

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec(
                    APP_ID,
                    "App ID",
                    "The ID of the TikTok API for Business app Hubwarden signs in with, under My Apps on"
                            + " business-api.tiktok.com.",
                    false,
                    true,
                    null),
            new SettingSpec(
                    SECRET,
                    "App secret",
                    "The app's secret, on the same page as the App ID. It exchanges authorization codes for tokens.",
                    true,
                    true,
                    null),
            new SettingSpec(
                    BC_ID,
                    "Business Center ID",
                    "The number under Business Center > Business settings > Business info (also in the"
                            + " business.tiktok.com address as org_id).",
                    false,
                    true,
                    null),
            new SettingSpec(
                    API_BASE_URL,
                    "Business API address",
                    "Where the Business API answers. Change it only to reach the sandbox, a proxy or a simulator.",
                    false,
                    false,
                    "https://business-api.tiktok.com"),
            new SettingSpec(
                    AUTH_PAGE_URL,
                    "Authorization page",
                    "Where people's browsers are sent to authorize the app with their TikTok for Business account."
                            + " Change it only for a simulator.",
                    false,
                    false,
                    "https://business-api.tiktok.com/portal/auth"));

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,40}");
    private static final Set<String> NAMES =
            SPECS.stream().map(SettingSpec::name).collect(Collectors.toUnmodifiableSet());

    /** Every problem in the settings, without repeating any value: secrets must not reach a screen or a log. */
    static List<SettingProblem> problems(HubSettings settings) {
        List<SettingProblem> problems = new ArrayList<>();
        for (SettingSpec spec : SPECS) {
            if (spec.required() && settings.value(spec.name()).isEmpty()) {
                problems.add(new SettingProblem(spec.name(), spec.label() + " is required."));
            }
        }
        settings.value(APP_ID)
                .filter(value -> !NUMERIC_ID.matcher(value).matches())
                .ifPresent(value -> problems.add(new SettingProblem(APP_ID, "An app ID is a number.")));
        settings.value(SECRET)
                .filter(value -> value.chars().anyMatch(Character::isWhitespace))
                .ifPresent(value ->
                        problems.add(new SettingProblem(SECRET, "An app secret has no spaces; paste it again.")));
        settings.value(BC_ID)
                .filter(value -> !NUMERIC_ID.matcher(value).matches())
                .ifPresent(value -> problems.add(new SettingProblem(BC_ID, "A Business Center ID is a number.")));
        settings.value(API_BASE_URL)
                .filter(value -> url(value, false) == null)
                .ifPresent(value -> problems.add(new SettingProblem(
                        API_BASE_URL, "Expected an http or https address with a host and nothing after the path.")));
        settings.value(AUTH_PAGE_URL)
                .filter(value -> url(value, true) == null)
                .ifPresent(value -> problems.add(new SettingProblem(
                        AUTH_PAGE_URL, "Expected the http or https address of the authorization page.")));
        for (String name : settings.names()) {
            if (!NAMES.contains(name)) {
                problems.add(new SettingProblem(name, "Not a setting of the TikTok connector."));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Parses settings that {@link #problems} accepts.
     *
     * @throws IllegalArgumentException naming the settings at fault, if there are problems
     */
    static TikTokSettings parse(HubSettings settings) {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid TikTok settings: "
                    + problems.stream()
                            .map(problem -> problem.setting() + ": " + problem.message())
                            .collect(Collectors.joining(" ")));
        }
        return new TikTokSettings(
                settings.value(APP_ID).orElseThrow(),
                settings.secret(SECRET).orElseThrow(),
                settings.value(BC_ID).orElseThrow(),
                required(url(valueOrDefault(settings, API_BASE_URL), false), API_BASE_URL),
                required(url(valueOrDefault(settings, AUTH_PAGE_URL), true), AUTH_PAGE_URL));
    }

    private static URI required(@Nullable URI url, String name) {
        if (url == null) {
            throw new IllegalArgumentException(name + " is not a usable address");
        }
        return url;
    }

    private static String valueOrDefault(HubSettings settings, String name) {
        for (SettingSpec spec : SPECS) {
            String fallback = spec.defaultValue();
            if (spec.name().equals(name) && fallback != null) {
                return settings.value(name).orElse(fallback);
            }
        }
        throw new IllegalArgumentException(name + " has no default");
    }

    /**
     * The address without a trailing slash, or {@code null} if it is not an http(s) address with a host and no query
     * or fragment; the authorization page ({@code page}) must also have a path.
     */
    private static @Nullable URI url(String value, boolean page) {
        try {
            URI url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            boolean web = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
            if (!web || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
                return null;
            }
            if (page && (url.getRawPath() == null || url.getRawPath().isEmpty())) {
                return null;
            }
            return url;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
