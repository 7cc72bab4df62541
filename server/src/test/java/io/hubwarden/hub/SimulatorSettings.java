package io.hubwarden.hub;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the installation's Meta app at {@link TestMetaSimulator} and its TikTok app at {@link TestTikTokSimulator},
 * and makes syncs read two items per page so that every sync in the tests crosses pages.
 */
public final class SimulatorSettings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var simulator = TestMetaSimulator.get();
        var tiktok = TestTikTokSimulator.get();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "simulators",
                        Map.of(
                                "hubwarden.hubs.meta.app-id",
                                TestMetaSimulator.APP_ID,
                                "hubwarden.hubs.meta.app-secret",
                                TestMetaSimulator.APP_SECRET,
                                "hubwarden.hubs.meta.graph-url",
                                simulator.baseUrl().toString(),
                                "hubwarden.hubs.meta.dialog-url",
                                simulator.baseUrl().toString(),
                                "hubwarden.hubs.tiktok.app-id",
                                TestTikTokSimulator.APP_ID,
                                "hubwarden.hubs.tiktok.secret",
                                TestTikTokSimulator.SECRET,
                                "hubwarden.hubs.tiktok.api-url",
                                tiktok.baseUrl().toString(),
                                "hubwarden.hubs.tiktok.auth-url",
                                tiktok.baseUrl() + "/portal/auth",
                                "hubwarden.hubs.sync.page-size",
                                "2",
                                "hubwarden.hubs.sync.schedule",
                                "-")));
    }
}
