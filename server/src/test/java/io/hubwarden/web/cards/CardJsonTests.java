package io.hubwarden.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.access.CardAsset;
import io.hubwarden.access.CardState;
import io.hubwarden.access.MembershipId;
import io.hubwarden.access.MembershipNote;
import io.hubwarden.access.MembershipStatus;
import io.hubwarden.access.TenantCard;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.HubKind;
import io.hubwarden.hub.HubId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CardJsonTests {

    private static final HubId HUB = new HubId(UUID.fromString("0b6d7c1e-4f1a-4c55-9a57-2f64b4e1a001"));
    private static final MembershipId MEMBERSHIP =
            new MembershipId(UUID.fromString("5e0c2b7a-91d3-4c1e-8d2f-7a3b9c4d5e02"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aConnectedCardNamesEveryFieldWithItsAssetsAndTasks() {
        var card = new TenantCard(
                HUB,
                MEMBERSHIP,
                HubKind.META_BUSINESS_MANAGER,
                "Ads \"EU\"",
                "1234567890",
                "Acme Ltd",
                CardState.CONNECTED,
                MembershipStatus.CONNECTED,
                null,
                URI.create("https://business.facebook.com/settings/?business_id=1234567890"),
                List.of(new CardAsset(AssetKind.AD_ACCOUNT, "act_1", "Main account", List.of("ADVERTISE", "ANALYZE"))),
                Instant.parse("2026-03-01T09:15:30.120Z"));

        assertThat(json.writeValueAsString(List.of(CardJson.of(card))))
                .isEqualTo("[{\"hubId\":\"0b6d7c1e-4f1a-4c55-9a57-2f64b4e1a001\","
                        + "\"membershipId\":\"5e0c2b7a-91d3-4c1e-8d2f-7a3b9c4d5e02\",\"kind\":\"META_BUSINESS_MANAGER\","
                        + "\"label\":\"Ads \\\"EU\\\"\",\"businessId\":\"1234567890\",\"businessName\":\"Acme Ltd\","
                        + "\"state\":\"CONNECTED\",\"status\":\"CONNECTED\",\"noteCode\":null,\"note\":null,"
                        + "\"consoleUrl\":\"https://business.facebook.com/settings/?business_id=1234567890\","
                        + "\"assets\":[{\"kind\":\"AD_ACCOUNT\",\"id\":\"act_1\",\"name\":\"Main account\","
                        + "\"tasks\":[\"ADVERTISE\",\"ANALYZE\"]}],\"since\":\"2026-03-01T09:15:30.120Z\"}]");
    }

    @Test
    void aCardWithANoteAndNoConsoleSaysSoAndListsNoAssets() {
        var card = new TenantCard(
                HUB,
                MEMBERSHIP,
                HubKind.META_BUSINESS_MANAGER,
                "Ads",
                "1234567890",
                "Acme Ltd",
                CardState.ACTION_NEEDED,
                MembershipStatus.INVITED,
                new MembershipNote(MembershipNote.PROFILE_NOT_MEMBER, "Accept the invitation first"),
                null,
                List.of(),
                Instant.parse("2026-03-01T09:15:30Z"));

        assertThat(json.writeValueAsString(CardJson.of(card)))
                .isEqualTo("{\"hubId\":\"0b6d7c1e-4f1a-4c55-9a57-2f64b4e1a001\","
                        + "\"membershipId\":\"5e0c2b7a-91d3-4c1e-8d2f-7a3b9c4d5e02\",\"kind\":\"META_BUSINESS_MANAGER\","
                        + "\"label\":\"Ads\",\"businessId\":\"1234567890\",\"businessName\":\"Acme Ltd\","
                        + "\"state\":\"ACTION_NEEDED\",\"status\":\"INVITED\",\"noteCode\":\"PROFILE_NOT_MEMBER\","
                        + "\"note\":\"Accept the invitation first\",\"consoleUrl\":null,\"assets\":[],"
                        + "\"since\":\"2026-03-01T09:15:30Z\"}");
    }
}
