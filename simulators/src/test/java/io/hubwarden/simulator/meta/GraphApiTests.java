package io.hubwarden.simulator.meta;

import static io.hubwarden.simulator.meta.GraphClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GraphApiTests {

    private AcmeAds acme;

    @BeforeEach
    void startAcme() {
        acme = AcmeAds.start();
    }

    @AfterEach
    void stop() {
        acme.close();
    }

    @Nested
    class Routing {

        @Test
        void anyVersionPrefixServesTheSameNode() {
            for (String version : List.of("v25.0", "v24.0", "v19.0")) {
                GraphClient.Answer answer = acme.graph.get(acme.withToken("/" + version + "/" + acme.business.id()));

                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().path("name").asString()).isEqualTo("Acme Ads");
                assertThat(answer.header("facebook-api-version")).isEqualTo(version);
            }
        }

        @Test
        void nodeUrlsWorkWithATrailingSlash() {
            GraphClient.Answer answer = acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/"));

            assertThat(answer.json().path("id").asString()).isEqualTo(acme.business.id());
        }

        @Test
        void theTokenMayComeAsABearerHeader() {
            GraphClient.Answer answer =
                    acme.graph.send(HttpRequest.newBuilder(acme.meta.baseUrl().resolve("/v25.0/" + acme.business.id()))
                            .header("Authorization", "Bearer " + acme.token));

            assertThat(answer.status()).isEqualTo(200);
        }

        @Test
        void multipartBodiesAreReadOnDelete() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            String boundary = "----simulatorboundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"access_token\"\r\n\r\n"
                    + acme.token + "\r\n--" + boundary + "--\r\n";

            GraphClient.Answer answer =
                    acme.graph.send(HttpRequest.newBuilder(acme.meta.baseUrl().resolve("/v25.0/" + ana.id() + "/"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .method("DELETE", HttpRequest.BodyPublishers.ofString(body)));

            assertThat(answer.json().path("success").asBoolean()).isTrue();
            assertThat(acme.meta.businessUsers(acme.business.id()))
                    .extracting(BusinessUser::id)
                    .doesNotContain(ana.id());
        }

        @Test
        void successfulCallsCarryUsageHeaders() {
            GraphClient.Answer answer =
                    acme.graph.get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"));

            assertThat(answer.header("X-App-Usage")).contains("\"call_count\":");
            assertThat(answer.header("X-Business-Use-Case-Usage"))
                    .contains("\"" + acme.business.id() + "\"", "\"estimated_time_to_regain_access\":0");
        }
    }

    @Nested
    class Fields {

        @Test
        void withoutFieldsOnlyDefaultFieldsComeBack() {
            JsonNode business = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id()))
                    .json();

            assertThat(business.propertyNames()).containsExactly("id", "name");
        }

        @Test
        void nestedSelectionPicksFieldsOfTheNestedObject() {
            JsonNode users = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id()
                            + "/business_users?fields=id,email,role,tasks,business{id,name}"))
                    .json();

            JsonNode olive = users.path("data").get(0);
            assertThat(olive.path("email").asString()).isEqualTo(AcmeAds.OWNER);
            assertThat(olive.path("role").asString()).isEqualTo("ADMIN");
            assertThat(olive.path("business").path("name").asString()).isEqualTo("Acme Ads");
            assertThat(olive.path("business").propertyNames()).containsExactly("id", "name");
        }

        @Test
        void summaryAddsTheTotalCount() {
            acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");

            JsonNode users = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users?summary=total_count&limit=1"))
                    .json();

            assertThat(users.path("summary").path("total_count").asInt()).isEqualTo(2);
            assertThat(users.path("data")).hasSize(1);
        }
    }

    @Nested
    class Paging {

        @Test
        void nextLinksAreAbsoluteOnTheSimulatorAndCarryEveryParameter() {
            for (int i = 0; i < 6; i++) {
                acme.member("person" + i + "@acme.test", "Person " + i, "EMPLOYEE");
            }
            List<String> ids = new ArrayList<>();
            String url = acme.meta.baseUrl() + "/v25.0/" + acme.business.id()
                    + "/business_users?fields=id,email&limit=3&access_token=" + acme.token;
            int pages = 0;
            String lastNext = null;

            while (url != null) {
                JsonNode page = acme.graph.getAbsolute(url).json();
                page.path("data").forEach(user -> ids.add(user.path("id").asString()));
                pages++;
                url = page.path("paging").has("next")
                        ? page.path("paging").path("next").asString()
                        : null;
                if (url != null) {
                    lastNext = url;
                }
            }

            assertThat(pages).isEqualTo(3);
            assertThat(ids).hasSize(7).doesNotHaveDuplicates();
            assertThat(lastNext)
                    .startsWith(acme.meta.baseUrl() + "/v25.0/" + acme.business.id() + "/business_users?")
                    .contains("access_token=" + acme.token, "fields=id%2Cemail", "limit=3", "after=");
        }

        @Test
        void previousLinksLeadBackToTheFirstPage() {
            for (int i = 0; i < 3; i++) {
                acme.member("person" + i + "@acme.test", "Person " + i, "EMPLOYEE");
            }
            JsonNode first = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users?limit=2"))
                    .json();
            JsonNode second = acme.graph
                    .getAbsolute(first.path("paging").path("next").asString())
                    .json();

            JsonNode back = acme.graph
                    .getAbsolute(second.path("paging").path("previous").asString())
                    .json();

            assertThat(back.path("data")).isEqualTo(first.path("data"));
            assertThat(first.path("paging").has("previous")).isFalse();
        }

        @Test
        void theDefaultPageHoldsTwentyFiveAndNoPageMoreThanAHundred() {
            for (int i = 0; i < 120; i++) {
                acme.meta.createInvitation(acme.business.id(), "invitee" + i + "@acme.test", "EMPLOYEE", List.of());
            }

            JsonNode byDefault = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/pending_users"))
                    .json();
            JsonNode greedy = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/pending_users?limit=500"))
                    .json();

            assertThat(byDefault.path("data")).hasSize(25);
            assertThat(greedy.path("data")).hasSize(100);
            assertThat(greedy.path("paging").path("next").asString()).contains("limit=100");
        }

        @Test
        void aForcedPageSizeCapsEveryPage() {
            acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            acme.meta.forcePageSize(1);

            JsonNode page = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users?limit=50"))
                    .json();

            assertThat(page.path("data")).hasSize(1);
            assertThat(page.path("paging").has("next")).isTrue();
        }

        @Test
        void theLastPageHasCursorsButNoNext() {
            JsonNode page = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"))
                    .json();

            assertThat(page.path("paging").path("cursors").has("after")).isTrue();
            assertThat(page.path("paging").has("next")).isFalse();
        }

        @Test
        void afterTheLastCursorComesAnEmptyPageWithoutPaging() {
            JsonNode page = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users"))
                    .json();
            String after = page.path("paging").path("cursors").path("after").asString();

            JsonNode beyond = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/business_users?after=" + after))
                    .json();

            assertThat(beyond.path("data")).isEmpty();
            assertThat(beyond.has("paging")).isFalse();
        }
    }

    @Nested
    class People {

        @Test
        void changingARoleShowsInTheMemberList() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");

            GraphClient.Answer changed =
                    acme.graph.post("/v25.0/" + ana.id(), form("role", "ADMIN", "access_token", acme.token));

            assertThat(changed.json().path("success").asBoolean()).isTrue();
            JsonNode read = acme.graph
                    .get(acme.withToken("/v25.0/" + ana.id() + "?fields=role,tasks"))
                    .json();
            assertThat(read.path("role").asString()).isEqualTo("ADMIN");
        }

        @Test
        void extraTasksTravelAsAJsonArray() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");

            acme.graph.post(
                    "/v25.0/" + ana.id(),
                    form("role", "EMPLOYEE", "tasks", "[\"FINANCE_EDITOR\"]", "access_token", acme.token));

            assertThat(acme.meta.businessUsers(acme.business.id()))
                    .filteredOn(user -> user.id().equals(ana.id()))
                    .singleElement()
                    .satisfies(user -> assertThat(user.tasks()).containsExactly("EMPLOYEE", "FINANCE_EDITOR"));
        }

        @Test
        void theLastPersonWithFullControlCannotBeRemoved() {
            GraphClient.Answer refused =
                    acme.graph.delete("/v25.0/" + acme.owner.id(), form("access_token", acme.token));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.error().path("code").asInt()).isEqualTo(100);
        }

        @Test
        void partialAccessCanReadButNotChangePeople() {
            acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            String anaToken = acme.meta.userToken("ana@acme.test", AcmeAds.APP_ID, Set.of("business_management"));

            GraphClient.Answer read =
                    acme.graph.get("/v25.0/" + acme.business.id() + "/business_users?access_token=" + anaToken);
            GraphClient.Answer invite = acme.graph.post(
                    "/v25.0/" + acme.business.id() + "/business_users",
                    form("email", "x@acme.test", "access_token", anaToken));

            assertThat(read.status()).isEqualTo(200);
            assertThat(invite.status()).isEqualTo(403);
            assertThat(invite.error().path("code").asInt()).isEqualTo(10);
        }

        @Test
        void businessesOfOthersReadAsNonexistent() {
            Business other = acme.meta.seedBusiness("Other Co");

            GraphClient.Answer answer = acme.graph.get(acme.withToken("/v25.0/" + other.id()));

            assertThat(answer.error().path("code").asInt()).isEqualTo(100);
            assertThat(answer.error().path("error_subcode").asInt()).isEqualTo(33);
        }

        @Test
        void systemUsersAreListedAndTheirTokensActForTheBusiness() {
            SystemUser robot = acme.meta.seedSystemUser(acme.business.id(), "Sync robot", "ADMIN");
            String robotToken = acme.meta.systemUserToken(robot.id(), AcmeAds.APP_ID, Set.of("business_management"));

            JsonNode systemUsers = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/system_users"))
                    .json();
            JsonNode me = acme.graph
                    .get("/v25.0/me/businesses?access_token=" + robotToken)
                    .json();

            assertThat(systemUsers.path("data").get(0).path("name").asString()).isEqualTo("Sync robot");
            assertThat(me.path("data").get(0).path("id").asString()).isEqualTo(acme.business.id());
        }
    }

    @Nested
    class Me {

        @Test
        void meIsTheAppScopedIdNotTheBusinessScopedOne() {
            JsonNode me = acme.graph
                    .get(acme.withToken("/v25.0/me?fields=id,name,email"))
                    .json();

            assertThat(me.path("id").asString())
                    .isEqualTo(acme.meta.appScopedId(AcmeAds.OWNER, AcmeAds.APP_ID))
                    .isNotEqualTo(acme.owner.id());
            assertThat(me.path("email").asString()).isEqualTo(AcmeAds.OWNER);
        }

        @Test
        void emailNeedsTheEmailPermission() {
            String narrow = acme.meta.userToken(AcmeAds.OWNER, AcmeAds.APP_ID, Set.of("business_management"));

            JsonNode me = acme.graph
                    .get("/v25.0/me?fields=id,email&access_token=" + narrow)
                    .json();

            assertThat(me.has("email")).isFalse();
        }

        @Test
        void myBusinessUsersNameEachBusinessWithMyIdThere() {
            Business second = acme.meta.seedBusiness("Second Brand");
            BusinessUser seat = acme.meta.addBusinessUser(second.id(), AcmeAds.OWNER, "EMPLOYEE");

            JsonNode mine = acme.graph
                    .get(acme.withToken("/v25.0/me/business_users?fields=id,role,business{id,name}"))
                    .json();

            assertThat(mine.path("data")).hasSize(2);
            assertThat(mine.path("data").get(1).path("id").asString()).isEqualTo(seat.id());
            assertThat(mine.path("data").get(1).path("business").path("name").asString())
                    .isEqualTo("Second Brand");
        }

        @Test
        void removingPermissionsEndsTheToken() {
            JsonNode before =
                    acme.graph.get(acme.withToken("/v25.0/me/permissions")).json();

            acme.graph.delete("/v25.0/me/permissions", form("access_token", acme.token));
            GraphClient.Answer after = acme.graph.get(acme.withToken("/v25.0/me"));

            assertThat(before.path("data").findValuesAsString("permission"))
                    .contains("public_profile", "business_management");
            assertThat(after.error().path("code").asInt()).isEqualTo(190);
        }
    }

    @Nested
    class Assets {

        @Test
        void ownedAndClientAssetsAreListedByKind() {
            Asset account = acme.meta.seedAsset(acme.business.id(), AssetType.AD_ACCOUNT, "Acme EU");
            Business client = acme.meta.seedBusiness("Client Co");
            Asset page = acme.meta.seedAsset(client.id(), AssetType.PAGE, "Client Page");
            acme.meta.shareAsset(page.id(), acme.business.id());

            JsonNode owned = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id()
                            + "/owned_ad_accounts?fields=id,account_id,name,account_status,currency"))
                    .json();
            JsonNode clientPages = acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id() + "/client_pages"))
                    .json();

            assertThat(owned.path("data").get(0).path("id").asString())
                    .isEqualTo(account.id())
                    .startsWith("act_");
            assertThat(owned.path("data").get(0).path("account_id").asString())
                    .isEqualTo(account.id().substring(4));
            assertThat(clientPages.path("data").get(0).path("name").asString()).isEqualTo("Client Page");
        }

        @Test
        void assigningTasksShowsOnTheAssetAndOnThePerson() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            Asset account = acme.meta.seedAsset(acme.business.id(), AssetType.AD_ACCOUNT, "Acme EU");

            GraphClient.Answer assigned = acme.graph.post(
                    "/v25.0/" + account.id() + "/assigned_users",
                    form("user", ana.id(), "tasks", "[\"ADVERTISE\",\"ANALYZE\"]", "access_token", acme.token));
            JsonNode onAsset = acme.graph
                    .get(acme.withToken("/v25.0/" + account.id() + "/assigned_users?business=" + acme.business.id()
                            + "&fields=id,name,user_type,tasks,permitted_tasks"))
                    .json();
            JsonNode onPerson = acme.graph
                    .get(acme.withToken("/v25.0/" + ana.id() + "/assigned_ad_accounts?fields=id,tasks"))
                    .json();

            assertThat(assigned.json().path("success").asBoolean()).isTrue();
            JsonNode grant = onAsset.path("data").get(0);
            assertThat(grant.path("id").asString()).isEqualTo(ana.id());
            assertThat(grant.path("user_type").asString()).isEqualTo("BUSINESS_USER");
            assertThat(grant.path("tasks").valueStream().map(JsonNode::asString))
                    .containsExactly("ADVERTISE", "ANALYZE");
            assertThat(grant.path("permitted_tasks").valueStream().map(JsonNode::asString))
                    .containsExactly("ADVERTISE", "ANALYZE", "DRAFT");
            assertThat(onPerson.path("data").get(0).path("id").asString()).isEqualTo(account.id());
        }

        @Test
        void revokingTakesTheGrantAway() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            Asset page = acme.meta.seedAsset(acme.business.id(), AssetType.PAGE, "Acme");
            acme.meta.assign(page.id(), ana.id(), List.of("ANALYZE"));

            GraphClient.Answer revoked = acme.graph.delete(
                    "/v25.0/" + page.id() + "/assigned_users", form("user", ana.id(), "access_token", acme.token));

            assertThat(revoked.json().path("success").asBoolean()).isTrue();
            assertThat(acme.meta.assignments(page.id())).isEmpty();
        }

        @Test
        void removingAPersonRemovesTheirAssignments() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            Asset pixel = acme.meta.seedAsset(acme.business.id(), AssetType.PIXEL, "Site pixel");
            acme.meta.assign(pixel.id(), ana.id(), List.of("ANALYZE"));

            acme.graph.delete("/v25.0/" + ana.id(), form("access_token", acme.token));

            assertThat(acme.meta.assignments(pixel.id())).isEmpty();
        }
    }

    @Nested
    class TokensAndBatches {

        @Test
        void debugTokenDescribesAUserToken() {
            JsonNode data = acme.graph
                    .get("/v25.0/debug_token?input_token=" + acme.token + "&access_token=" + AcmeAds.APP_ID + "|"
                            + AcmeAds.APP_SECRET)
                    .json()
                    .path("data");

            assertThat(data.path("app_id").asString()).isEqualTo(AcmeAds.APP_ID);
            assertThat(data.path("is_valid").asBoolean()).isTrue();
            assertThat(data.path("type").asString()).isEqualTo("USER");
            assertThat(data.path("user_id").asString()).isEqualTo(acme.meta.appScopedId(AcmeAds.OWNER, AcmeAds.APP_ID));
            assertThat(data.path("scopes").valueStream().map(JsonNode::asString))
                    .containsExactly("business_management", "email");
            assertThat(data.path("granular_scopes")
                            .get(0)
                            .path("target_ids")
                            .get(0)
                            .asString())
                    .isEqualTo(acme.business.id());
        }

        @Test
        void aBatchAnswersEachRequestInOrder() {
            String batch = "[{\"method\":\"GET\",\"relative_url\":\"v25.0/" + acme.business.id() + "?fields=name\"},"
                    + "{\"method\":\"GET\",\"relative_url\":\"v25.0/918273645546372819\"}]";

            JsonNode answers = acme.graph
                    .post("/v25.0/", form("batch", batch, "access_token", acme.token))
                    .json();

            assertThat(answers).hasSize(2);
            assertThat(answers.get(0).path("code").asInt()).isEqualTo(200);
            assertThat(answers.get(0).path("body").asString()).contains("Acme Ads");
            assertThat(answers.get(1).path("code").asInt()).isEqualTo(400);
        }

        @Test
        void aFailedBatchEntryCarriesItsOwnErrorEnvelopeAndHeaders() {
            String batch = "[{\"method\":\"GET\",\"relative_url\":\"v25.0/918273645546372819/assigned_users\"}]";

            JsonNode answers = acme.graph
                    .post("/v25.0/", form("batch", batch, "access_token", acme.token))
                    .json();

            JsonNode failed = answers.get(0);
            assertThat(failed.path("code").asInt()).isEqualTo(400);
            assertThat(failed.path("headers")
                            .valueStream()
                            .map(header -> header.path("name").asString()))
                    .contains("Content-Type");
            JsonNode error =
                    GraphApi.JSON.readTree(failed.path("body").asString()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(100);
            assertThat(error.path("error_subcode").asInt()).isEqualTo(33);
        }

        @Test
        void aBatchWithoutHeadersAnswersCodesAndBodiesOnly() {
            String batch = "[{\"method\":\"GET\",\"relative_url\":\"v25.0/" + acme.business.id() + "?fields=name\"}]";

            JsonNode answers = acme.graph
                    .post("/v25.0/", form("batch", batch, "include_headers", "false", "access_token", acme.token))
                    .json();

            assertThat(answers.get(0).has("headers")).isFalse();
            assertThat(answers.get(0).path("body").asString()).contains("Acme Ads");
        }

        @Test
        void aBatchEntryReadsItsQueryAndBodyWithTheBatchsTokenAsIfSentAlone() {
            BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
            BusinessUser ben = acme.member("ben@acme.test", "Ben Ode", "EMPLOYEE");
            Asset account = acme.meta.seedAsset(acme.business.id(), AssetType.AD_ACCOUNT, "Acme EU");
            acme.meta.assign(account.id(), ben.id(), List.of("ANALYZE"));
            String grants = account.id() + "/assigned_users";
            String query = "business=" + acme.business.id() + "&fields=id%2Ctasks&limit=1";
            String batch = "[{\"method\":\"POST\",\"relative_url\":\"/v25.0/" + grants + "\","
                    + "\"body\":\"user=" + ana.id() + "&tasks=%5B%22ADVERTISE%22%2C%22ANALYZE%22%5D\"},"
                    + "{\"method\":\"GET\",\"relative_url\":\"v25.0/" + grants + "?" + query + "\"}]";

            JsonNode answers = acme.graph
                    .post("/v25.0/", form("batch", batch, "include_headers", "false", "access_token", acme.token))
                    .json();
            JsonNode alone = acme.graph
                    .get(acme.withToken("/v25.0/" + grants + "?" + query))
                    .json();

            assertThat(answers.get(0).path("code").asInt()).isEqualTo(200);
            assertThat(acme.meta.assignments(account.id())).hasSize(2);
            JsonNode page = GraphApi.JSON.readTree(answers.get(1).path("body").asString());
            assertThat(page.path("data")).isEqualTo(alone.path("data"));
            assertThat(page.path("paging").path("next").asString())
                    .contains("access_token=" + acme.token, "business=" + acme.business.id(), "fields=id%2Ctasks");
        }

        @Test
        void aBatchsProofIsCheckedForEachOfItsEntries() {
            try (AcmeAds strict = AcmeAds.requiringAppsecretProof()) {
                String me = "{\"method\":\"GET\",\"relative_url\":\"v25.0/me\"}";
                String batch = "[" + me + "," + me + "]";
                String proof = GraphApi.appsecretProof(AcmeAds.APP_SECRET, strict.token);

                JsonNode proven = strict.graph
                        .post("/v25.0/", form("batch", batch, "access_token", strict.token, "appsecret_proof", proof))
                        .json();
                JsonNode wrong = strict.graph
                        .post(
                                "/v25.0/",
                                form("batch", batch, "access_token", strict.token, "appsecret_proof", "ab".repeat(32)))
                        .json();

                assertThat(proven.valueStream()
                                .map(answer -> answer.path("code").asInt()))
                        .containsExactly(200, 200);
                assertThat(wrong.valueStream()
                                .map(answer -> GraphApi.JSON
                                        .readTree(answer.path("body").asString())
                                        .path("error")
                                        .path("code")
                                        .asInt()))
                        .containsExactly(104, 104);
            }
        }

        @Test
        void aBatchOfMoreThanFiftyRequestsIsRefused() {
            String entry = "{\"method\":\"GET\",\"relative_url\":\"v25.0/" + acme.business.id() + "\"}";
            String batch = "[" + String.join(",", Collections.nCopies(51, entry)) + "]";

            GraphClient.Answer answer = acme.graph.post("/v25.0/", form("batch", batch, "access_token", acme.token));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("error").path("code").asInt()).isEqualTo(100);
        }

        @Test
        void requestsAreLoggedWithoutPasswords() {
            acme.graph.get(acme.withToken("/v25.0/" + acme.business.id()));

            assertThat(acme.meta.requestLog()).last().satisfies(logged -> {
                assertThat(logged.path()).isEqualTo("/v25.0/" + acme.business.id());
                assertThat(logged.status()).isEqualTo(200);
            });
            assertThat(acme.meta.requestsServed()).isEqualTo(1);
        }
    }

    @Test
    void theIndexPageNamesTheControlApi() {
        GraphClient.Answer index = acme.graph.get("/");

        assertThat(index.body()).contains("/__sim/");
        assertThat(URI.create(acme.meta.baseUrl().toString()).getHost()).isEqualTo("127.0.0.1");
    }
}
