package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.HubKind;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class HubsSettingsTests {

    @Test
    void theHubsAppsComeFromTheVariablesTheConfigurationGuideNames() throws IOException {
        var settings = productionSettingsWith(Map.of(
                "HUBWARDEN_META_APP_ID", "1234",
                "HUBWARDEN_META_APP_SECRET", "meta-app-secret",
                "HUBWARDEN_META_LOGIN_CONFIG_ID", "987",
                "HUBWARDEN_TIKTOK_APP_ID", "7001",
                "HUBWARDEN_TIKTOK_SECRET", "tiktok-app-secret"));

        var meta = settings.installation(HubKind.META_BUSINESS_MANAGER).values();
        var tiktok = settings.installation(HubKind.TIKTOK_BUSINESS_CENTER).values();

        assertThat(meta.value("app_id")).contains("1234");
        assertThat(meta.secret("app_secret")).map(secret -> secret.reveal()).contains("meta-app-secret");
        assertThat(meta.value("login_config_id")).contains("987");
        assertThat(meta.value("graph_base_url")).contains("https://graph.facebook.com");
        assertThat(tiktok.value("app_id")).contains("7001");
        assertThat(tiktok.secret("secret")).map(secret -> secret.reveal()).contains("tiktok-app-secret");
        assertThat(tiktok.value("api_base_url")).contains("https://business-api.tiktok.com");
    }

    @Test
    void withoutTheVariablesNoAppIsConfigured() throws IOException {
        var settings = productionSettingsWith(Map.of());

        assertThat(settings.installation(HubKind.META_BUSINESS_MANAGER).values().names())
                .doesNotContain("app_id", "app_secret", "login_config_id");
        assertThat(settings.installation(HubKind.TIKTOK_BUSINESS_CENTER)
                        .values()
                        .names())
                .doesNotContain("app_id", "secret");
    }

    /** The hub module's settings as a production start binds them: application.yml over these variables. */
    private static HubsSettings productionSettingsWith(Map<String, Object> variables) throws IOException {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new MapPropertySource("variables", variables));
        for (var source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            sources.addLast(source);
        }
        return Binder.get(environment)
                .bind("hubwarden.hubs", HubsSettings.class)
                .get();
    }
}
