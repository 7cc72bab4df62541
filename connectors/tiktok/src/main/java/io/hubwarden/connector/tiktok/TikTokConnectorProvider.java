package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubConnectorProvider;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import java.util.List;

/** The connector for TikTok Business Center, over the Business API v1.3. Found with {@link java.util.ServiceLoader}. */
public final class TikTokConnectorProvider implements HubConnectorProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public TikTokConnectorProvider() {}

    @Override
    public HubKind kind() {
        return HubKind.TIKTOK_BUSINESS_CENTER;
    }

    @Override
    public List<SettingSpec> settings() {
        return TikTokSettings.SPECS;
    }

    @Override
    public List<SettingProblem> validate(HubSettings settings) {
        return TikTokSettings.problems(settings);
    }

    @Override
    public HubConnector open(HubSettings settings, HubTransport transport) {
        TikTokSettings parsed = TikTokSettings.parse(settings);
        BusinessApi api = new BusinessApi(parsed, transport);
        return new TikTokConnector(parsed, api, new TikTokAuthorization(parsed, api));
    }
}
