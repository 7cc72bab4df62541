package io.hubwarden.simulator.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hubwarden.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Business API as a client sees it: envelope, tokens, paging, members, assets and their refusals. */
class OpenApiTests {

    private AcmeCenter acme;

    @BeforeEach
    void start() {
        acme = AcmeCenter.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    private OpenApiClient.Answer members(String token, Map<String, String> query) {
        Map<String, String> all = new java.util.LinkedHashMap<>(query);
        all.put("bc_id", acme.bcId());
        return acme.api.get("bc/member/get", token, all);
    }

    @Nested
    class Envelope {

        @Test
        void answersCodeMessageRequestIdAndData() {
            OpenApiClient.Answer answer = members(acme.oliveToken, Map.of());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.code()).isZero();
            assertThat(answer.json().path("message").asString()).isEqualTo("OK");
            assertThat(answer.json().path("request_id").asString()).matches("20261102090000[0-9A-F]{18}");
            assertThat(answer.header("X-Tt-Logid"))
                    .isEqualTo(answer.json().path("request_id").asString());
            assertThat(answer.data().path("list").findValuesAsString("user_email"))
                    .containsExactly("olive@acme.test", "ana@acme.test");
        }

        @Test
        void businessErrorsComeBackWithHttp200() {
            OpenApiClient.Answer answer = acme.api.get("bc/member/get", acme.oliveToken, Map.of());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.code()).isEqualTo(40002);
            assertThat(answer.json().path("message").asString()).contains("bc_id");
            assertThat(answer.json().path("request_id").asString()).isNotBlank();
        }

        @Test
        void theTrailingSlashIsOptional() {
            OpenApiClient.Answer answer = acme.api.send(java.net.http.HttpRequest.newBuilder(
                            acme.tiktok.baseUrl().resolve("/open_api/v1.3/bc/member/get?bc_id=" + acme.bcId()))
                    .header("Access-Token", acme.oliveToken));

            assertThat(answer.code()).isZero();
        }

        @Test
        void anUnknownEndpointIsRefused() {
            assertThat(acme.api.get("bc/nothing/get", acme.oliveToken, Map.of()).code())
                    .isEqualTo(40000);
        }
    }

    @Nested
    class Tokens {

        @Test
        void aBearerPrefixIsRefusedAsAnInvalidToken() {
            OpenApiClient.Answer answer = members("Bearer " + acme.oliveToken, Map.of());

            assertThat(answer.code()).isEqualTo(40105);
        }

        @Test
        void aMissingTokenIsEmpty() {
            assertThat(members("", Map.of()).code()).isEqualTo(40104);
        }

        @Test
        void anUnknownTokenIsInvalid() {
            assertThat(members("forged", Map.of()).code()).isEqualTo(40105);
        }

        @Test
        void anExpiredTokenIsExpired() {
            String expired = acme.tiktok.expiredAccessToken("olive@acme.test", AcmeCenter.APP_ID);

            assertThat(members(expired, Map.of()).code()).isEqualTo(40102);
        }

        @Test
        void aRevokedTokenIsInvalid() {
            OpenApiClient.Answer revoked = acme.api.post(
                    "oauth2/revoke_token",
                    "",
                    Map.of("app_id", AcmeCenter.APP_ID, "secret", AcmeCenter.SECRET, "access_token", acme.anaToken));

            assertThat(revoked.code()).isZero();
            assertThat(members(acme.anaToken, Map.of()).code()).isEqualTo(40105);
        }

        @Test
        void aTokenOutsideTheBusinessCenterHasNoPermission() {
            acme.tiktok.seedAccount("sam@example.test", "Sam Stranger", "pw");
            String stranger = acme.tiktok.accessToken("sam@example.test", AcmeCenter.APP_ID);

            assertThat(members(stranger, Map.of()).code()).isEqualTo(40001);
        }

        @Test
        void tooManyCallsAreThrottledWithCode40100() {
            try (AcmeCenter small =
                    AcmeCenter.start(TikTokSimulator.Options.defaults().withCallsPerMinute(2))) {
                Map<String, String> query = Map.of("bc_id", small.bcId());
                small.api.get("bc/member/get", small.oliveToken, query);
                small.api.get("bc/member/get", small.oliveToken, query);

                OpenApiClient.Answer third = small.api.get("bc/member/get", small.oliveToken, query);
                small.tiktok.advanceClock(Duration.ofMinutes(1));
                OpenApiClient.Answer nextMinute = small.api.get("bc/member/get", small.oliveToken, query);

                assertThat(third.status()).isEqualTo(200);
                assertThat(third.code()).isEqualTo(40100);
                assertThat(nextMinute.code()).isZero();
            }
        }
    }

    @Nested
    class Paging {

        @Test
        void pagesCarryPageInfo() {
            for (int i = 0; i < 5; i++) {
                acme.tiktok.seedAccount("m" + i + "@acme.test", "Member " + i, "pw");
                acme.tiktok.addMember(acme.bcId(), "m" + i + "@acme.test", "STANDARD");
            }

            OpenApiClient.Answer second = members(acme.oliveToken, Map.of("page", "2", "page_size", "3"));

            JsonNode info = second.data().path("page_info");
            assertThat(second.data().path("list")).hasSize(3);
            assertThat(info.path("page").asInt()).isEqualTo(2);
            assertThat(info.path("page_size").asInt()).isEqualTo(3);
            assertThat(info.path("total_number").asInt()).isEqualTo(7);
            assertThat(info.path("total_page").asInt()).isEqualTo(3);
        }

        @Test
        void pageSizesBeyondTheDocumentedCapsAreRefused() {
            OpenApiClient.Answer bcs = acme.api.get("bc/get", acme.oliveToken, Map.of("page_size", "51"));
            OpenApiClient.Answer assetMembers = acme.api.get(
                    "bc/asset/member/get",
                    acme.oliveToken,
                    Map.of("bc_id", acme.bcId(), "asset_type", "ADVERTISER", "asset_id", "1", "page_size", "21"));

            assertThat(bcs.code()).isEqualTo(40002);
            assertThat(assetMembers.code()).isEqualTo(40002);
            assertThat(members(acme.oliveToken, Map.of("page", "0")).code()).isEqualTo(40002);
        }

        @Test
        void aForcedPageSizeCapsEveryPage() {
            acme.tiktok.forcePageSize(1);

            OpenApiClient.Answer answer = members(acme.oliveToken, Map.of("page_size", "50"));

            assertThat(answer.data().path("list")).hasSize(1);
            assertThat(answer.data().path("page_info").path("total_page").asInt())
                    .isEqualTo(2);
        }
    }

    @Nested
    class Members {

        @Test
        void bcGetListsOnlyTheTokensBusinessCentersWithItsRole() {
            acme.tiktok.seedBusinessCenter("Other BC");

            JsonNode list =
                    acme.api.get("bc/get", acme.anaToken, Map.of()).data().path("list");

            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("bc_info").path("bc_id").asString()).isEqualTo(acme.bcId());
            assertThat(list.get(0).path("bc_info").path("name").asString()).isEqualTo("Acme Ads");
            assertThat(list.get(0).path("user_role").asString()).isEqualTo("STANDARD");
        }

        @Test
        void filteringIsAJsonString() {
            acme.tiktok.createInvitation(acme.bcId(), "bo@acme.test", "STANDARD");

            JsonNode pending = members(acme.oliveToken, Map.of("filtering", "{\"relation_status\":\"PENDING\"}"))
                    .data()
                    .path("list");
            OpenApiClient.Answer malformed = members(acme.oliveToken, Map.of("filtering", "{relation"));
            OpenApiClient.Answer unknownStatus =
                    members(acme.oliveToken, Map.of("filtering", "{\"relation_status\":\"GONE\"}"));

            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).path("user_email").asString()).isEqualTo("bo@acme.test");
            assertThat(pending.get(0).path("user_id").asString()).isEqualTo("0");
            assertThat(malformed.code()).isEqualTo(40002);
            assertThat(unknownStatus.code()).isEqualTo(40002);
        }

        @Test
        void invitingTakesOneToFiftyAddresses() {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                many.add("p" + i + "@acme.test");
            }

            OpenApiClient.Answer none = invite(List.of(), "STANDARD");
            OpenApiClient.Answer tooMany = invite(many, "STANDARD");
            OpenApiClient.Answer fifty = invite(many.subList(0, 50), "STANDARD");

            assertThat(none.code()).isEqualTo(40002);
            assertThat(tooMany.code()).isEqualTo(40002);
            assertThat(fifty.code()).isZero();
            assertThat(acme.tiktok.members(acme.bcId())).hasSize(52);
        }

        @Test
        void invitingRefusesUnknownRolesMalformedAddressesAndMembers() {
            assertThat(invite(List.of("bo@acme.test"), "OWNER").code()).isEqualTo(40002);
            assertThat(invite(List.of("not-an-address"), "STANDARD").code()).isEqualTo(40002);
            assertThat(invite(List.of("ana@acme.test"), "STANDARD").code()).isEqualTo(40002);
        }

        @Test
        void anAddressInvitedBeforeIsIgnoredWhateverBecameOfItsInvitation() {
            acme.tiktok.createInvitation(acme.bcId(), "lapsed@acme.test", "STANDARD");
            acme.tiktok.advanceClock(Duration.ofDays(31));
            acme.tiktok.createInvitation(acme.bcId(), "pending@acme.test", "STANDARD");
            acme.tiktok.createInvitation(acme.bcId(), "declined@acme.test", "STANDARD");
            acme.tiktok.rejectInvitation(acme.bcId(), "declined@acme.test");

            OpenApiClient.Answer answer = invite(
                    List.of("pending@acme.test", "declined@acme.test", "lapsed@acme.test", "new@acme.test"), "ADMIN");

            assertThat(answer.code()).isZero();
            assertThat(acme.tiktok.members(acme.bcId()))
                    .filteredOn(row -> !row.bound())
                    .extracting(BcMember::email, BcMember::userRole, BcMember::relationStatus)
                    .containsExactlyInAnyOrder(
                            tuple("lapsed@acme.test", "STANDARD", BcMember.RelationStatus.UNBOUND),
                            tuple("pending@acme.test", "STANDARD", BcMember.RelationStatus.PENDING),
                            tuple("declined@acme.test", "STANDARD", BcMember.RelationStatus.REJECTED),
                            tuple("new@acme.test", "ADMIN", BcMember.RelationStatus.PENDING));
            assertThat(acme.mailbox.awaitMailTo("new@acme.test", Duration.ofSeconds(5)))
                    .isPresent();
            assertThat(acme.mailbox.mails()).hasSize(1);
        }

        @Test
        void anAddressNamedTwiceInOneInviteIsInvitedOnce() {
            OpenApiClient.Answer answer = invite(List.of("Bo@acme.test", "cy@acme.test", "bo@acme.test"), "STANDARD");

            assertThat(answer.code()).isZero();
            assertThat(acme.tiktok.members(acme.bcId()))
                    .filteredOn(row -> !row.bound())
                    .extracting(BcMember::email)
                    .containsExactly("Bo@acme.test", "cy@acme.test");
            assertThat(acme.mailbox.awaitMailTo("cy@acme.test", Duration.ofSeconds(5)))
                    .isPresent();
            assertThat(acme.mailbox.mailsTo("bo@acme.test")).hasSize(1);
        }

        @Test
        void aStandardMemberCannotInvite() {
            OpenApiClient.Answer answer = acme.api.post(
                    "bc/member/invite", acme.anaToken, Map.of("bc_id", acme.bcId(), "emails", List.of("bo@acme.test")));

            assertThat(answer.code()).isEqualTo(40001);
        }

        @Test
        void aBusinessCenterHasAtMostTwentyAdmins() {
            List<String> admins = new ArrayList<>();
            for (int i = 0; i < 19; i++) {
                admins.add("admin" + i + "@acme.test");
            }

            OpenApiClient.Answer nineteen = invite(admins, "ADMIN");
            OpenApiClient.Answer twentyFirst = invite(List.of("one.more@acme.test"), "ADMIN");

            assertThat(nineteen.code()).isZero();
            assertThat(twentyFirst.code()).isEqualTo(40002);
            assertThat(twentyFirst.json().path("message").asString()).contains("20");
        }

        @Test
        void updatingChangesTheRoleAndRefusesUnknownUsers() {
            OpenApiClient.Answer promoted = acme.api.post(
                    "bc/member/update",
                    acme.oliveToken,
                    Map.of("bc_id", acme.bcId(), "user_id", acme.ana.userId(), "user_role", "ADMIN"));
            OpenApiClient.Answer unknown = acme.api.post(
                    "bc/member/update",
                    acme.oliveToken,
                    Map.of("bc_id", acme.bcId(), "user_id", "918273645546372819", "user_role", "ADMIN"));

            assertThat(promoted.code()).isZero();
            assertThat(acme.tiktok.members(acme.bcId()))
                    .filteredOn(row -> row.userId().equals(acme.ana.userId()))
                    .extracting(BcMember::userRole)
                    .containsExactly("ADMIN");
            assertThat(unknown.code()).isEqualTo(40007);
        }

        @Test
        void deletingByEmailWithdrawsAPendingInvitation() {
            acme.tiktok.createInvitation(acme.bcId(), "bo@acme.test", "STANDARD");

            OpenApiClient.Answer withdrawn = acme.api.post(
                    "bc/member/delete", acme.oliveToken, Map.of("bc_id", acme.bcId(), "user_email", "bo@acme.test"));
            OpenApiClient.Answer again = acme.api.post(
                    "bc/member/delete", acme.oliveToken, Map.of("bc_id", acme.bcId(), "user_email", "bo@acme.test"));

            assertThat(withdrawn.code()).isZero();
            assertThat(again.code()).isEqualTo(40007);
            assertThat(acme.tiktok.members(acme.bcId()))
                    .extracting(BcMember::email)
                    .doesNotContain("bo@acme.test");
        }

        @Test
        void deletingByUserIdRemovesAMemberButNeverTheLastAdmin() {
            OpenApiClient.Answer removed = acme.api.post(
                    "bc/member/delete", acme.oliveToken, Map.of("bc_id", acme.bcId(), "user_id", acme.ana.userId()));
            OpenApiClient.Answer lastAdmin = acme.api.post(
                    "bc/member/delete", acme.oliveToken, Map.of("bc_id", acme.bcId(), "user_id", acme.olive.userId()));

            assertThat(removed.code()).isZero();
            assertThat(lastAdmin.code()).isEqualTo(40002);
            assertThat(acme.tiktok.members(acme.bcId()))
                    .extracting(BcMember::email)
                    .containsExactly("olive@acme.test");
        }

        private OpenApiClient.Answer invite(List<String> emails, String role) {
            return acme.api.post(
                    "bc/member/invite",
                    acme.oliveToken,
                    Map.of("bc_id", acme.bcId(), "emails", emails, "user_role", role, "asset_ids", List.of()));
        }
    }

    @Nested
    class Assets {

        @Test
        void assigningShowsTheRoleOnTheAssetsMembersAndTheMembersAssets() {
            BcAsset ads = acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");

            OpenApiClient.Answer assigned = assign(ads, "OPERATOR");
            JsonNode assetMembers = acme.api
                    .get(
                            "bc/asset/member/get",
                            acme.oliveToken,
                            Map.of(
                                    "bc_id",
                                    acme.bcId(),
                                    "asset_type",
                                    "ADVERTISER",
                                    "asset_id",
                                    ads.assetId(),
                                    "page_size",
                                    "20"))
                    .data()
                    .path("list");
            JsonNode anasAssets = acme.api
                    .get(
                            "bc/asset/get",
                            acme.oliveToken,
                            Map.of(
                                    "bc_id",
                                    acme.bcId(),
                                    "asset_type",
                                    "ADVERTISER",
                                    "filtering",
                                    "{\"user_id\":\"" + acme.ana.userId() + "\"}"))
                    .data()
                    .path("list");

            assertThat(assigned.code()).isZero();
            assertThat(assetMembers).hasSize(1);
            assertThat(assetMembers.get(0).path("user_id").asString()).isEqualTo(acme.ana.userId());
            assertThat(assetMembers.get(0).path("advertiser_role").asString()).isEqualTo("OPERATOR");
            assertThat(anasAssets.get(0).path("asset_name").asString()).isEqualTo("Acme Ads EU");
            assertThat(anasAssets.get(0).path("advertiser_role").asString()).isEqualTo("OPERATOR");
        }

        @Test
        void assigningRefusesUnknownRolesUnknownAssetsAndPixels() {
            BcAsset ads = acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");
            BcAsset pixel = acme.tiktok.seedAsset(acme.bcId(), AssetType.PIXEL, "Acme Pixel");

            assertThat(assign(ads, "OWNER").code()).isEqualTo(40002);
            assertThat(assign(new BcAsset("918273645546372819", acme.bcId(), AssetType.ADVERTISER, "?"), "ANALYST")
                            .code())
                    .isEqualTo(40007);
            assertThat(acme.api
                            .post(
                                    "bc/asset/assign",
                                    acme.oliveToken,
                                    Map.of(
                                            "bc_id",
                                            acme.bcId(),
                                            "user_id",
                                            acme.ana.userId(),
                                            "asset_type",
                                            "PIXEL",
                                            "asset_id",
                                            pixel.assetId()))
                            .code())
                    .isEqualTo(40002);
        }

        @Test
        void unassigningTakesTheRoleAway() {
            BcAsset ads = acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");
            assign(ads, "ANALYST");

            OpenApiClient.Answer answer = acme.api.post(
                    "bc/asset/unassign",
                    acme.oliveToken,
                    Map.of(
                            "bc_id",
                            acme.bcId(),
                            "user_id",
                            acme.ana.userId(),
                            "asset_type",
                            "ADVERTISER",
                            "asset_id",
                            ads.assetId()));

            assertThat(answer.code()).isZero();
            assertThat(acme.tiktok.assignments(ads.assetId())).isEmpty();
        }

        @Test
        void theAdminViewListsEveryAssetOfAType() {
            acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");
            acme.tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads US");
            acme.tiktok.seedAsset(acme.bcId(), AssetType.CATALOG, "Acme Products");

            JsonNode list = acme.api
                    .get(
                            "bc/asset/admin/get",
                            acme.oliveToken,
                            Map.of("bc_id", acme.bcId(), "asset_type", "ADVERTISER"))
                    .data()
                    .path("list");
            OpenApiClient.Answer asStandard = acme.api.get(
                    "bc/asset/admin/get", acme.anaToken, Map.of("bc_id", acme.bcId(), "asset_type", "ADVERTISER"));

            assertThat(list.findValuesAsString("asset_name")).containsExactly("Acme Ads EU", "Acme Ads US");
            assertThat(list.findValuesAsString("owner_bc_name")).containsOnly("Acme Ads");
            assertThat(asStandard.code()).isEqualTo(40001);
        }

        private OpenApiClient.Answer assign(BcAsset asset, String role) {
            return acme.api.post(
                    "bc/asset/assign",
                    acme.oliveToken,
                    Map.of(
                            "bc_id",
                            acme.bcId(),
                            "user_id",
                            acme.ana.userId(),
                            "asset_type",
                            asset.type().name(),
                            "asset_id",
                            asset.assetId(),
                            "advertiser_role",
                            role));
        }
    }

    @Nested
    class Faults {

        @Test
        void anInjectedThrottleAnswers40100ThenTheNextCallWorks() {
            acme.tiktok.injectFault("GET", "/bc/member/get", Fault.rateLimited(Duration.ofMinutes(1)), 1);

            OpenApiClient.Answer throttled = members(acme.oliveToken, Map.of());
            OpenApiClient.Answer next = members(acme.oliveToken, Map.of());

            assertThat(throttled.status()).isEqualTo(200);
            assertThat(throttled.code()).isEqualTo(40100);
            assertThat(next.code()).isZero();
        }

        @Test
        void anInjectedOutageAnswers5xxWithTheEnvelope() {
            acme.tiktok.injectFault("*", "/**", Fault.serverError(503), 1);

            OpenApiClient.Answer answer = members(acme.oliveToken, Map.of());

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo(50000);
        }

        @Test
        void anInjectedExpiryAnswers40102() {
            acme.tiktok.injectFault("*", "/**", Fault.authExpired(), 1);

            assertThat(members(acme.oliveToken, Map.of()).code()).isEqualTo(40102);
        }

        @Test
        void requestsAreLoggedWithTheirReturnCode() {
            members("forged", Map.of());

            assertThat(acme.tiktok.requestLog()).last().satisfies(entry -> {
                assertThat(entry.path()).isEqualTo("/open_api/v1.3/bc/member/get/");
                assertThat(entry.status()).isEqualTo(200);
                assertThat(entry.errorCode()).isEqualTo(40105);
            });
        }
    }
}
