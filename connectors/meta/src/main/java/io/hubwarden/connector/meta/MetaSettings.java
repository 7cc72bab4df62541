package io.hubwarden.connector.meta;

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

/** The operator's settings for one Meta business, parsed; {@link #problems} checks them offline. */
record MetaSettings(
        String appId,
        Secret appSecret,
        String businessId,
        URI graphBaseUrl,
        URI dialogBaseUrl,
        String apiVersion,
        @Nullable String loginConfigId) {

    static final String APP_ID = "app_id";
    static final String APP_SECRET = "app_secret";
    static final String BUSINESS_ID = "business_id";
    static final String GRAPH_BASE_URL = "graph_base_url";
    static final String DIALOG_BASE_URL = "dialog_base_url";
    static final String API_VERSION = "api_version";
    static final String LOGIN_CONFIG_ID = "login_config_id";

    static final List<SettingSpec> SPECS = List.of(
            new SettingSpec(
                    APP_ID,
                    "App ID",
                    "The ID of the Meta app Hubwarden signs in with, shown at the top of the app's dashboard on"
                            + " developers.facebook.com.",
                    false,
                    true,
                    null),
            new SettingSpec(
                    APP_SECRET,
                    "App secret",
                    "The app's secret, under App settings > Basic. It signs every call (appsecret_proof) and"
                            + " exchanges sign-in codes.",
                    true,
                    true,
                    null),
            new SettingSpec(
                    BUSINESS_ID,
                    "Business portfolio ID",
                    "The number in Business Settings > Business info (also in the business.facebook.com address as"
                            + " business_id).",
                    false,
                    true,
                    null),
            new SettingSpec(
                    GRAPH_BASE_URL,
                    "Graph API address",
                    "Where the Graph API answers. Change it only to reach a proxy or a simulator.",
                    false,
                    false,
                    "https://graph.facebook.com"),
            new SettingSpec(
                    DIALOG_BASE_URL,
                    "Login dialog address",
                    "Where people's browsers are sent to sign in with Facebook. Change it only for a simulator.",
                    false,
                    false,
                    "https://www.facebook.com"),
            new SettingSpec(
                    API_VERSION,
                    "Graph API version",
                    "The Graph API version to call, such as v25.0. Meta keeps each version for about two years.",
                    false,
                    false,
                    "v25.0"),
            new SettingSpec(
                    LOGIN_CONFIG_ID,
                    "Facebook Login for Business configuration ID",
                    "For business apps: the configuration that fixes the permissions people grant. Leave empty to"
                            + " ask for permissions by name.",
                    false,
                    false,
                    null));

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,40}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}\\.[0-9]{1,2}");
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
        settings.value(APP_SECRET)
                .filter(value -> value.chars().anyMatch(Character::isWhitespace))
                .ifPresent(value ->
                        problems.add(new SettingProblem(APP_SECRET, "An app secret has no spaces; paste it again.")));
        settings.value(BUSINESS_ID)
                .filter(value -> !NUMERIC_ID.matcher(value).matches())
                .ifPresent(
                        value -> problems.add(new SettingProblem(BUSINESS_ID, "A business portfolio ID is a number.")));
        for (String name : List.of(GRAPH_BASE_URL, DIALOG_BASE_URL)) {
            settings.value(name)
                    .filter(value -> baseUrl(value) == null)
                    .ifPresent(value -> problems.add(new SettingProblem(
                            name, "Expected an http or https address with a host and nothing after the path.")));
        }
        settings.value(API_VERSION)
                .filter(value -> !VERSION.matcher(value).matches())
                .ifPresent(value -> problems.add(new SettingProblem(API_VERSION, "Expected a version such as v25.0.")));
        settings.value(LOGIN_CONFIG_ID)
                .filter(value -> !NUMERIC_ID.matcher(value).matches())
                .ifPresent(
                        value -> problems.add(new SettingProblem(LOGIN_CONFIG_ID, "A configuration ID is a number.")));
        for (String name : settings.names()) {
            if (!NAMES.contains(name)) {
                problems.add(new SettingProblem(name, "Not a setting of the Meta connector."));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Parses settings that {@link #problems} accepts.
     *
     * @throws IllegalArgumentException naming the settings at fault, if there are problems
     */
    static MetaSettings parse(HubSettings settings) {
        List<SettingProblem> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Meta settings: "
                    + problems.stream()
                            .map(problem -> problem.setting() + ": " + problem.message())
                            .collect(Collectors.joining(" ")));
        }
        return new MetaSettings(
                settings.value(APP_ID).orElseThrow(),
                settings.secret(APP_SECRET).orElseThrow(),
                settings.value(BUSINESS_ID).orElseThrow(),
                requiredUrl(settings, GRAPH_BASE_URL),
                requiredUrl(settings, DIALOG_BASE_URL),
                valueOrDefault(settings, API_VERSION),
                settings.value(LOGIN_CONFIG_ID).orElse(null));
    }

    private static URI requiredUrl(HubSettings settings, String name) {
        URI url = baseUrl(valueOrDefault(settings, name));
        if (url == null) {
            throw new IllegalArgumentException(name + " is not a base URL");
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

    /** The URL without a trailing slash, or {@code null} if it cannot be a base URL. */
    private static @Nullable URI baseUrl(String value) {
        try {
            URI url = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            boolean web = "https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme());
            if (!web || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
                return null;
            }
            return url;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
