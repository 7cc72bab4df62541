package io.hubwarden.hub;

import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubSettings;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-level settings of the hub module under {@code hubwarden.hubs.*}: the app each hub kind signs in with
 * (one per installation, shared by every workspace), and how syncs run. The per-hub settings (the business id) come
 * from the connect form.
 *
 * @param meta the Meta app ({@code hubwarden.hubs.meta.*})
 * @param tiktok the TikTok app ({@code hubwarden.hubs.tiktok.*})
 * @param sync how and when hubs are synced ({@code hubwarden.hubs.sync.*})
 */
@ConfigurationProperties("hubwarden.hubs")
record HubsSettings(
        @DefaultValue Meta meta,
        @DefaultValue TikTok tiktok,
        @DefaultValue Sync sync) {

    private static final Set<String> META_OWNED =
            Set.of("app_id", "app_secret", "graph_base_url", "dialog_base_url", "api_version", "login_config_id");
    private static final Set<String> TIKTOK_OWNED = Set.of("app_id", "secret", "api_base_url", "auth_page_url");

    /**
     * The Meta app Hubwarden signs in with.
     *
     * @param appId the app id ({@code HUBWARDEN_META_APP_ID}); Meta hubs cannot be connected without it
     * @param appSecret the app secret ({@code HUBWARDEN_META_APP_SECRET})
     * @param graphUrl where the Graph API answers
     * @param dialogUrl where browsers sign in with Facebook
     * @param apiVersion the Graph API version
     * @param businessUrl Meta Business Manager, for links on pages and cards
     * @param loginConfigId the Facebook Login for Business configuration, for business apps ({@code
     *     HUBWARDEN_META_LOGIN_CONFIG_ID}); else unset
     */
    record Meta(
            @Nullable String appId,
            @Nullable String appSecret,
            @DefaultValue("https://graph.facebook.com") URI graphUrl,
            @DefaultValue("https://www.facebook.com") URI dialogUrl,
            @DefaultValue("v25.0") String apiVersion,
            @DefaultValue("https://business.facebook.com") URI businessUrl,
            @Nullable String loginConfigId) {

        /** Keeps the app secret out of logs. */
        @Override
        public String toString() {
            return "Meta[appId=" + appId + ", appSecret=" + (appSecret == null ? "unset" : "***") + ", graphUrl="
                    + graphUrl + ", dialogUrl=" + dialogUrl + ", apiVersion=" + apiVersion + "]";
        }
    }

    /**
     * The TikTok API for Business app Hubwarden signs in with.
     *
     * @param appId the app id ({@code HUBWARDEN_TIKTOK_APP_ID}); TikTok hubs cannot be connected without it
     * @param secret the app secret ({@code HUBWARDEN_TIKTOK_SECRET})
     * @param apiUrl where the Business API answers
     * @param authUrl the authorization page browsers are sent to
     * @param businessUrl TikTok Business Center, for links on pages and cards
     */
    record TikTok(
            @Nullable String appId,
            @Nullable String secret,
            @DefaultValue("https://business-api.tiktok.com") URI apiUrl,

            @DefaultValue("https://business-api.tiktok.com/portal/auth")
            URI authUrl,

            @DefaultValue("https://business.tiktok.com") URI businessUrl) {

        /** Keeps the app secret out of logs. */
        @Override
        public String toString() {
            return "TikTok[appId=" + appId + ", secret=" + (secret == null ? "unset" : "***") + ", apiUrl=" + apiUrl
                    + ", authUrl=" + authUrl + "]";
        }
    }

    /**
     * How syncs run.
     *
     * @param schedule a cron expression (seconds first) for the scheduled sync of every hub; {@code -} turns it off
     * @param pageSize how many items each hub list call asks for
     * @param safeguardPercent the default share of people or assets a sync may remove before it is halted for review
     * @param requestTimeout how long one hub request may take
     */
    record Sync(
            @DefaultValue("0 0 3 * * *") String schedule,
            @DefaultValue("100") int pageSize,
            @DefaultValue("20") int safeguardPercent,
            @DefaultValue("30s") Duration requestTimeout) {

        Sync {
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("hubwarden.hubs.sync.page-size must be between 1 and 1000");
            }
            if (safeguardPercent < 0 || safeguardPercent > 100) {
                throw new IllegalArgumentException("hubwarden.hubs.sync.safeguard-percent must be between 0 and 100");
            }
        }
    }

    /**
     * The settings the installation gives a hub kind, keyed as the kind's connector names them, and the names it owns
     * (present or not): the connect form asks only for the others.
     */
    InstallationSettings installation(HubKind kind) {
        if (kind == HubKind.TIKTOK_BUSINESS_CENTER) {
            return tiktokInstallation();
        }
        if (kind != HubKind.META_BUSINESS_MANAGER) {
            return new InstallationSettings(HubSettings.empty(), Set.of(), null);
        }
        Map<String, String> values = new HashMap<>();
        put(values, "app_id", meta.appId());
        put(values, "app_secret", meta.appSecret());
        put(values, "graph_base_url", meta.graphUrl().toString());
        put(values, "dialog_base_url", meta.dialogUrl().toString());
        put(values, "api_version", meta.apiVersion());
        put(values, "login_config_id", meta.loginConfigId());
        var console = meta.businessUrl().toString().replaceFirst("/$", "") + "/settings/?business_id={business}";
        return new InstallationSettings(HubSettings.of(values), META_OWNED, console);
    }

    private InstallationSettings tiktokInstallation() {
        Map<String, String> values = new HashMap<>();
        put(values, "app_id", tiktok.appId());
        put(values, "secret", tiktok.secret());
        put(values, "api_base_url", tiktok.apiUrl().toString());
        put(values, "auth_page_url", tiktok.authUrl().toString());
        var console = tiktok.businessUrl().toString().replaceFirst("/$", "") + "/manage/overview?org_id={business}";
        return new InstallationSettings(HubSettings.of(values), TIKTOK_OWNED, console);
    }

    /** Every kind's installation settings. */
    Map<HubKind, InstallationSettings> installations() {
        Map<HubKind, InstallationSettings> all = new EnumMap<>(HubKind.class);
        for (HubKind kind : HubKind.values()) {
            all.put(kind, installation(kind));
        }
        return all;
    }

    private static void put(Map<String, String> values, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    /**
     * @param values the installation's values
     * @param owned the setting names the installation decides, given or not
     * @param console the address of the hub's own console for a business, {@code {business}} standing for its id;
     *     {@code null} if unknown
     */
    record InstallationSettings(
            HubSettings values, Set<String> owned, @Nullable String console) {

        InstallationSettings {
            owned = Set.copyOf(owned);
        }
    }
}
