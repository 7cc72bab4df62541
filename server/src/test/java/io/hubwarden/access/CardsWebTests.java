package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.platform.Database;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

/** Tenant cards and the profile sign-in over HTTP, through the full stack, with refusals. */
@HubTest
class CardsWebTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccessShares access;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    @Autowired
    Memberships memberships;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Database database;

    @Autowired
    CardsVersions versions;

    final MetaSimulator meta = TestMetaSimulator.get();

    HubFixtures fixtures;
    SignedInPerson owner;
    SignedInPerson colleague;
    HubFixtures.MetaBusiness business;
    HubView hub;

    @BeforeEach
    void aHubSharedWithAColleagueWhoIsInTheBusiness() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
        hub = fixtures.aSyncedHub(owner, business);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
        colleague = fixtures.anInvitedPerson(owner, "lu", WorkspaceRole.USER);
        meta.seedPerson(colleague.email(), "Lu", "pw");
        meta.addBusinessUser(business.id(), colleague.email(), "EMPLOYEE");
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        access.share(
                owner,
                hub.id(),
                new ShareRequest(
                        List.of(colleague.email()), AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), true, false));
    }

    @Test
    void thePersonReadsTheirCardsAsJson() throws Exception {
        var response = mvc.get()
                .uri("/api/me/cards")
                .accept(MediaType.APPLICATION_JSON)
                .with(as(colleague))
                .exchange();

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getContentAsString())
                .contains(hub.id().toString())
                .contains("CONNECT_YOUR_ACCOUNT")
                .contains(business.id());
    }

    @Test
    void aBrowserAcceptingGzipGetsTheSameCardsCompressed() throws Exception {
        var tag = settledTag();
        var plain = cards(colleague, null);

        var compressed = cardsAccepting("gzip, deflate, br");

        assertThat(compressed).hasStatusOk();
        assertThat(compressed.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING))
                .isEqualTo("gzip");
        assertThat(compressed.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(tag);
        assertThat(compressed.getResponse().getHeaders(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_ENCODING);
        var body = compressed.getResponse().getContentAsByteArray();
        assertThat(body).hasSizeLessThan(plain.getResponse().getContentAsByteArray().length);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.getResponse().getContentAsByteArray());
        }
    }

    @Test
    void aClientThatAcceptsNoGzipGetsPlainJson() throws Exception {
        settledTag();

        var response = cardsAccepting("gzip;q=0, identity");

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.CONTENT_ENCODING))
                .isNull();
        assertThat(response.getResponse().getHeaders(HttpHeaders.VARY)).contains(HttpHeaders.ACCEPT_ENCODING);
        assertThat(response.getResponse().getContentAsString())
                .contains(hub.id().toString());
    }

    @Test
    void anUnchangedCardKeepsItsTagAndItsTagAnswersNotModifiedWithoutABody() throws Exception {
        var tag = settledTag();

        var again = cards(colleague, null);
        var conditional = cards(colleague, tag);

        assertThat(again).hasStatusOk();
        assertThat(again.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(tag);
        assertThat(conditional).hasStatus(304);
        assertThat(conditional.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(conditional.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo(tag);
        assertThat(conditional.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .contains("private")
                .contains("no-cache");
    }

    @Test
    void theCardsAreSentPrivatelyWithAWeakTagToRevalidate() {
        var response = cards(colleague, null);

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.ETAG)).startsWith("W/\"");
        assertThat(response.getResponse().getHeader(HttpHeaders.CACHE_CONTROL))
                .contains("private")
                .contains("no-cache")
                .doesNotContain("public");
    }

    @Test
    void aChangedStatusMovesTheTag() throws Exception {
        var tag = settledTag();

        changeMembership(membership -> membership.accessEnded(clock.instant()));
        var response = cards(colleague, tag);

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
        assertThat(response.getResponse().getContentAsString())
                .contains(card().status().name());
    }

    @Test
    void aChangedNoteMovesTheTag() throws Exception {
        var tag = settledTag();

        changeMembership(membership -> membership.profileNotVerified(
                new MembershipNote(MembershipNote.PROFILE_NOT_MEMBER, "Not a member yet"), clock.instant()));
        var response = cards(colleague, tag);

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
        assertThat(response.getResponse().getContentAsString()).contains("Not a member yet");
    }

    @Test
    void changedAssetsMoveTheTag() throws Exception {
        var tag = settledTag();

        changeMembership(membership -> membership.holds(
                Set.of(new MembershipAsset(AssetKind.AD_ACCOUNT, "act_42", "Spring ads", "ADVERTISE")),
                clock.instant()));
        var response = cards(colleague, tag);

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
    }

    @Test
    void theHubSavedAgainBySyncMovesTheTag() {
        var tag = settledTag();

        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        var response = cards(colleague, tag);

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
    }

    /**
     * The versions are kept as if the database told of every change but its notifications have not come yet (on H2
     * none ever comes): only this node's writers can make it forget.
     */
    @Test
    void changesOnThisNodeMoveTheTagWithoutWaitingForTheDatabasesNotification() throws Exception {
        var tag = settledTag();
        versions.listening();
        try {
            assertThat(cards(colleague, tag)).hasStatus(HttpStatus.NOT_MODIFIED);
            assertThat(versions.kept()).isPositive();

            changeMembership(membership -> membership.profileNotVerified(
                    new MembershipNote(MembershipNote.PROFILE_NOT_MEMBER, "Noted on this node"), clock.instant()));
            var noted = cards(colleague, tag);
            var notedTag = String.valueOf(noted.getResponse().getHeader(HttpHeaders.ETAG));
            hubs.requestSync(owner, hub.id());
            fixtures.awaitSyncs(owner.workspaceId(), hub.id());
            var synced = cards(colleague, notedTag);

            assertThat(noted).hasStatusOk();
            assertThat(noted.getResponse().getContentAsString()).contains("Noted on this node");
            assertThat(synced).hasStatusOk();
            assertThat(synced.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(notedTag);
        } finally {
            if (!database.postgres()) {
                versions.deaf();
            }
        }
    }

    @Test
    void aShareAndItsInvitationOnThisNodeMoveTheTagWithoutWaitingForTheDatabasesNotification() throws Exception {
        var newcomer = fixtures.anInvitedPerson(owner, "mo", WorkspaceRole.USER);
        meta.seedPerson(newcomer.email(), "Mo", "pw");
        versions.listening();
        try {
            var none = cards(newcomer, null);
            var noneTag = String.valueOf(none.getResponse().getHeader(HttpHeaders.ETAG));
            assertThat(cards(newcomer, noneTag)).hasStatus(HttpStatus.NOT_MODIFIED);

            access.share(
                    owner,
                    hub.id(),
                    new ShareRequest(
                            List.of(newcomer.email()), AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), true, false));
            var shared = cards(newcomer, noneTag);
            Supplier<MembershipStatus> status = () -> access.card(newcomer.workspaceId(), newcomer.personId(), hub.id())
                    .orElseThrow()
                    .status();
            await().atMost(Duration.ofSeconds(60)).until(() -> status.get() != MembershipStatus.INVITING);

            assertThat(shared).hasStatusOk();
            assertThat(shared.getResponse().getContentAsString())
                    .contains(hub.id().toString());
            assertThat(cards(newcomer, null).getResponse().getContentAsString())
                    .contains("\"status\":\"" + status.get().name() + "\"");
        } finally {
            if (!database.postgres()) {
                versions.deaf();
            }
        }
    }

    @Test
    void aMembershipChangedByAnotherNodeMovesTheTag() {
        var tag = settledTag();
        assertThat(cards(colleague, tag)).hasStatus(HttpStatus.NOT_MODIFIED);

        changedByAnotherNode(
                "update membership set note_code = 'PROFILE_NOT_MEMBER', note_message = 'Noted on another node',"
                        + " version = version + 1 where person_id = ? and hub_id = ?",
                colleague.personId().value(),
                hub.id().value());

        awaitCardsReading(tag, "Noted on another node");
    }

    @Test
    void aHubChangedByAnotherNodeMovesTheTag() {
        var tag = settledTag();
        assertThat(cards(colleague, tag)).hasStatus(HttpStatus.NOT_MODIFIED);

        changedByAnotherNode(
                "update hub set business_name = 'Renamed on another node', version = version + 1 where id = ?",
                hub.id().value());

        awaitCardsReading(tag, "Renamed on another node");
    }

    @Test
    void onceTheListeningConnectionIsCutAndBackChangesOfAnotherNodeAreHeardAgain() {
        assumeTrue(database.postgres(), "only PostgreSQL tells the nodes of changes");
        var tag = settledTag();
        assertThat(cards(colleague, tag)).hasStatus(HttpStatus.NOT_MODIFIED);
        await().atMost(Duration.ofSeconds(15)).until(() -> versions.kept() > 0);

        var cut = jdbc.queryForList(
                "select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = 'hubwarden-changes' and datname = current_database()",
                Boolean.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> versions.kept() == 0);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            cards(colleague, tag);
            return versions.kept() > 0;
        });
        changedByAnotherNode(
                "update membership set note_code = 'PROFILE_NOT_MEMBER', note_message = 'Noted after the cut',"
                        + " version = version + 1 where person_id = ? and hub_id = ?",
                colleague.personId().value(),
                hub.id().value());

        assertThat(cut).contains(true);
        awaitCardsReading(tag, "Noted after the cut");
    }

    @Test
    void aTagOfOnePersonNeverAnswersAnothersCards() {
        var tag = settledTag();
        var stranger = fixtures.aWorkspaceOwner();

        var colleagueOfTheSameWorkspace = cards(owner, tag);
        var personOfAnotherWorkspace = cards(stranger, tag);

        assertThat(colleagueOfTheSameWorkspace).hasStatusOk();
        assertThat(colleagueOfTheSameWorkspace.getResponse().getHeader(HttpHeaders.ETAG))
                .isNotEqualTo(tag);
        assertThat(personOfAnotherWorkspace).hasStatusOk();
        assertThat(personOfAnotherWorkspace.getResponse().getHeader(HttpHeaders.ETAG))
                .isNotEqualTo(tag);
    }

    @Test
    void unchangedCardsAreSentAgainAsTheSameJson() throws Exception {
        settledTag();

        var first = cards(colleague, null);
        var again = cards(colleague, null);

        assertThat(again).hasStatusOk();
        assertThat(again.getResponse().getContentType()).isEqualTo(MediaType.APPLICATION_JSON_VALUE);
        assertThat(again.getResponse().getHeader(HttpHeaders.ETAG))
                .isEqualTo(first.getResponse().getHeader(HttpHeaders.ETAG));
        assertThat(again.getResponse().getContentAsString())
                .startsWith("[{\"hubId\":\"" + hub.id() + "\"")
                .isEqualTo(first.getResponse().getContentAsString());
    }

    @Test
    void aChangedCardIsSentAsItNowReadsNeverAsItWasSentBefore() throws Exception {
        var tag = settledTag();
        var before = cards(colleague, null).getResponse().getContentAsString();

        changeMembership(membership -> membership.profileNotVerified(
                new MembershipNote(MembershipNote.PROFILE_NOT_MEMBER, "Not a member yet"), clock.instant()));
        var noted = cards(colleague, null);
        changeMembership(membership -> membership.accessEnded(clock.instant()));
        var ended = cards(colleague, null);

        assertThat(noted.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
        assertThat(noted.getResponse().getContentAsString())
                .isNotEqualTo(before)
                .contains("Not a member yet");
        assertThat(ended.getResponse().getHeader(HttpHeaders.ETAG))
                .isNotEqualTo(noted.getResponse().getHeader(HttpHeaders.ETAG));
        assertThat(ended.getResponse().getContentAsString())
                .contains("\"status\":\"" + card().status().name() + "\"")
                .isNotEqualTo(noted.getResponse().getContentAsString());
        assertThat(cards(colleague, null).getResponse().getContentAsString())
                .isEqualTo(ended.getResponse().getContentAsString());
    }

    @Test
    void theCardsSentToOnePersonAreNeverSentToAnother() throws Exception {
        settledTag();
        var colleagues = cards(colleague, null).getResponse().getContentAsString();
        var colleaguesMembership = card().membershipId().toString();

        var owners = cards(owner, null);
        var strangers = cards(fixtures.aWorkspaceOwner(), null);

        assertThat(colleagues).contains(colleaguesMembership);
        assertThat(owners).hasStatusOk();
        assertThat(owners.getResponse().getContentAsString())
                .isNotEqualTo(colleagues)
                .doesNotContain(colleaguesMembership);
        assertThat(strangers).hasStatusOk();
        assertThat(strangers.getResponse().getContentAsString()).isEqualTo("[]");
    }

    @Test
    void theCardOfOneHubHasItsOwnTag() throws Exception {
        settledTag();
        var first = card(colleague, null);
        var tag = first.getResponse().getHeader(HttpHeaders.ETAG);

        var conditional = card(colleague, tag);
        var strangers = card(fixtures.aWorkspaceOwner(), tag);

        assertThat(first).hasStatusOk();
        assertThat(tag).isNotEqualTo(cards(colleague, null).getResponse().getHeader(HttpHeaders.ETAG));
        assertThat(conditional).hasStatus(304);
        assertThat(conditional.getResponse().getContentAsByteArray()).isEmpty();
        assertThat(strangers).hasStatus(404);
    }

    @Test
    void theCardsPageSaysConnectYourAccount() throws Exception {
        var response = mvc.get().uri("/cards").with(as(colleague)).exchange();

        assertThat(response).hasStatusOk();
        assertThat(response.getResponse().getContentAsString()).contains("Connect your account");
    }

    @Test
    void theCardsPageOffersToConnectThroughAFormWithItsCsrfField() throws Exception {
        settledTag();

        var page = page(colleague);

        assertThat(page)
                .contains("data-hub=\"" + hub.id() + "\"")
                .contains("data-state=\"CONNECT_YOUR_ACCOUNT\"")
                .contains(hub.label())
                .contains(hub.businessName())
                .contains("<span class=\"chip\">Connect your account</span>")
                .contains("action=\"/cards/" + hub.id() + "/connect\"")
                .contains("name=\"_csrf\"")
                .contains("Open Meta Business Manager")
                .doesNotContain("/resend");
    }

    @Test
    void theCardsPageShowsAConnectedCardWithItsAssetsAndTheirTasks() throws Exception {
        settledTag();

        changeMembership(membership -> {
            membership.profileVerified("member-of-lu", clock.instant());
            membership.holds(
                    Set.of(
                            new MembershipAsset(AssetKind.AD_ACCOUNT, "act_42", "Spring ads", "ADVERTISE,ANALYZE"),
                            new MembershipAsset(AssetKind.PAGE, "page_7", "Autumn <page>", "MODERATE")),
                    clock.instant());
        });
        var page = page(colleague);

        assertThat(page)
                .contains("data-state=\"CONNECTED\"")
                .contains("<span class=\"chip\">Connected</span>")
                .contains("<span class=\"asset-name\">Spring ads</span>")
                .contains("<span class=\"asset-tasks\">ADVERTISE, ANALYZE</span>")
                .contains("<span class=\"asset-name\">Autumn &lt;page&gt;</span>")
                .contains("<span class=\"asset-tasks\">MODERATE</span>")
                .doesNotContain("/connect\"")
                .doesNotContain("No assets are assigned to you");
    }

    @Test
    void theCardsPageSaysAKnownNoteInItsOwnWordsAndAnUnknownOneAsWritten() throws Exception {
        settledTag();

        changeMembership(membership -> membership.profileNotVerified(
                new MembershipNote(MembershipNote.PROFILE_NOT_MEMBER, "Not a member yet"), clock.instant()));
        var known = page(colleague);
        changeMembership(membership ->
                membership.profileNotVerified(new MembershipNote("HUB_SAID_NO", "The hub said <no>"), clock.instant()));
        var unknown = page(colleague);

        assertThat(known)
                .contains("The profile you signed in with is not a member of this business.")
                .doesNotContain("Not a member yet");
        assertThat(unknown).contains("<p class=\"card-note\">The hub said &lt;no&gt;</p>");
    }

    @Test
    void aPersonOfAnotherWorkspaceGetsNotFoundForTheCard() {
        var stranger = fixtures.aWorkspaceOwner();

        var response = mvc.get()
                .uri("/api/me/cards/" + hub.id())
                .accept(MediaType.APPLICATION_JSON)
                .with(as(stranger))
                .exchange();

        assertThat(response).hasStatus(404);
    }

    @Test
    void aCollaboratorMayNotOpenTheShareForm() {
        assertThat(mvc.get()
                        .uri("/hubs/" + hub.id() + "/share")
                        .with(as(colleague))
                        .exchange())
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/hubs/" + hub.id() + "/share")
                        .param("emails", owner.email())
                        .param("hubRole", "EMPLOYEE")
                        .param("seat", "true")
                        .with(as(colleague))
                        .with(csrf())
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void aForeignStateIsRefusedAndNothingChanges() {
        var session = new MockHttpSession();
        startSignIn(session);

        var response = mvc.get()
                .uri("/profiles/oauth/callback?code=whatever&state=not-the-one")
                .session(session)
                .with(as(colleague))
                .exchange();

        assertThat(response).hasStatus(400);
        assertThat(card().status()).isEqualTo(MembershipStatus.JOINED);
    }

    private String startSignIn(MockHttpSession session) {
        var started = mvc.post()
                .uri("/cards/" + hub.id() + "/connect")
                .session(session)
                .with(as(colleague))
                .with(csrf())
                .exchange();
        assertThat(started).hasStatus3xxRedirection();
        var location = String.valueOf(started.getResponse().getRedirectedUrl());
        assertThat(location).startsWith(meta.baseUrl().toString());
        var state = UriComponentsBuilder.fromUriString(location)
                .build()
                .getQueryParams()
                .getFirst("state");
        assertThat(state).isNotBlank();
        return String.valueOf(state);
    }

    /** The colleague's tag once the invitation's job and the hub's syncs are done, so that nothing changes after. */
    private String settledTag() {
        await().atMost(Duration.ofSeconds(60)).until(() -> card().status() != MembershipStatus.INVITING);
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
        var response = cards(colleague, null);
        assertThat(response).hasStatusOk();
        return String.valueOf(response.getResponse().getHeader(HttpHeaders.ETAG));
    }

    /** A change that no writer of this node tells of: only the database can. */
    private void changedByAnotherNode(String sql, Object... arguments) {
        assertThat(jdbc.update(sql, arguments)).isEqualTo(1);
    }

    private void awaitCardsReading(String tag, String text) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var response = cards(colleague, tag);
            assertThat(response).hasStatusOk();
            assertThat(response.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(tag);
            assertThat(response.getResponse().getContentAsString()).contains(text);
        });
    }

    private void changeMembership(Consumer<Membership> change) {
        var membership = memberships
                .findByHubIdAndPersonId(hub.id(), colleague.personId())
                .orElseThrow();
        change.accept(membership);
        memberships.save(membership);
    }

    private String page(SignedInPerson who) throws Exception {
        var response = mvc.get().uri("/cards").with(as(who)).exchange();
        assertThat(response).hasStatusOk();
        return response.getResponse().getContentAsString();
    }

    private MvcTestResult cards(SignedInPerson who, @Nullable String ifNoneMatch) {
        return conditionalGet("/api/me/cards", who, ifNoneMatch);
    }

    private MvcTestResult cardsAccepting(String acceptEncoding) {
        return mvc.get()
                .uri("/api/me/cards")
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_ENCODING, acceptEncoding)
                .with(as(colleague))
                .exchange();
    }

    private MvcTestResult card(SignedInPerson who, @Nullable String ifNoneMatch) {
        return conditionalGet("/api/me/cards/" + hub.id(), who, ifNoneMatch);
    }

    private MvcTestResult conditionalGet(String uri, SignedInPerson who, @Nullable String ifNoneMatch) {
        var request = mvc.get().uri(uri).accept(MediaType.APPLICATION_JSON).with(as(who));
        if (ifNoneMatch != null) {
            request = request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return request.exchange();
    }

    private TenantCard card() {
        return access.card(colleague.workspaceId(), colleague.personId(), hub.id())
                .orElseThrow();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(SignedInPerson person) {
        return authentication(new UsernamePasswordAuthenticationToken(person, null, person.authorities()));
    }
}
