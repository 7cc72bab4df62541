package io.hubwarden.web.hubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.hubwarden.Unique;
import io.hubwarden.access.AccessRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.MembershipStatus;
import io.hubwarden.access.MembershipView;
import io.hubwarden.access.ProfileConnection;
import io.hubwarden.access.ProfileConnections;
import io.hubwarden.access.ShareRequest;
import io.hubwarden.automation.JobStatus;
import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubAccountView;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.hub.TestMetaSimulator;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.meta.BusinessUser;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A hub's Users table over HTTP through the full stack, with the real Meta simulator behind the hub: the status chips,
 * the filter, the CSV export, the actions on unmatched accounts and resending, and the refusals.
 */
@HubTest
class HubPeopleWebTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccessShares access;

    @Autowired
    ProfileConnections profiles;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    final MetaSimulator meta = TestMetaSimulator.get();

    HubFixtures fixtures;
    SignedInPerson owner;
    HubFixtures.MetaBusiness business;
    String strangerEmail;
    HubView hub;

    @BeforeEach
    void aSyncedHubWithAStrangerInTheBusiness() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        business = fixtures.aMetaBusinessRunBy(owner);
        strangerEmail = Unique.email("stranger");
        meta.seedPerson(strangerEmail, "Sam Stranger", "pw");
        meta.addBusinessUser(business.id(), strangerEmail, "EMPLOYEE");
        hub = fixtures.aSyncedHub(owner, business);
        await().atMost(PATIENCE)
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
    }

    @Test
    void theTableShowsEveryStatusInWords() {
        var expired = colleague("Eve Expired");
        share(expired, AccessRole.COLLABORATOR);
        awaitStatus(expired, MembershipStatus.INVITED);
        meta.advanceClock(Duration.ofDays(31));
        var connected = colleague("Cy Connected");
        meta.addBusinessUser(business.id(), connected.email(), "EMPLOYEE");
        var partner = Unique.email("partner");
        meta.seedPerson(partner, "Pia Partner", "pw");
        meta.addBusinessUser(business.id(), partner, "EMPLOYEE");
        sync();
        awaitStatus(expired, MembershipStatus.INVITE_EXPIRED);
        share(connected, AccessRole.COLLABORATOR);
        var code = meta.authorizationCode(
                connected.email(), TestMetaSimulator.APP_ID, profiles.redirectUri(), Set.of("business_management"));
        assertThat(profiles.connect(connected, hub.id(), code)).isEqualTo(ProfileConnection.CONNECTED);
        hubs.exempt(owner, hub.id(), account(partner).id(), "Agency partner");
        var invited = colleague("Ivy Invited");
        share(invited, AccessRole.COLLABORATOR);
        awaitStatus(invited, MembershipStatus.INVITED);
        var failed = colleague("Fay Failed");
        meta.injectFault("POST", "/*/business_users", Fault.serverError(400, 200), 1);
        share(failed, AccessRole.COLLABORATOR);
        awaitStatus(failed, MembershipStatus.INVITE_FAILED);
        jobs.pause(owner.workspaceId(), hub.id().value(), "holding the next invitation back");
        var inviting = colleague("Ina Inviting");
        share(inviting, AccessRole.COLLABORATOR);

        var page = open(owner, "/hubs/" + hub.id() + "/people");

        assertThat(page).hasStatusOk();
        var html = body(page);
        assertThat(html)
                .contains(chip("Inviting"))
                .contains(chip("Invite sent"))
                .contains(chip("Awaiting connection"))
                .contains(chip("Connected"))
                .contains(chip("Invite failed"))
                .contains(chip("Invite expired"))
                .contains(chip("Unmatched"))
                .contains(chip("Exempted"))
                .contains("Agency partner")
                .contains("Sam Stranger")
                .contains(failed.email());
        assertThat(html.indexOf("Cy Connected"))
                .isLessThan(html.indexOf("Eve Expired"))
                .isLessThan(html.indexOf("Fay Failed"));
        assertThat(html)
                .contains("/people/" + failed.personId() + "/resend")
                .contains("/people/" + expired.personId() + "/resend")
                .doesNotContain("/people/" + invited.personId() + "/resend");
    }

    @Test
    void theFilterKeepsOneStatus() {
        var colleague = colleague("Lu Member");
        meta.addBusinessUser(business.id(), colleague.email(), "EMPLOYEE");
        sync();
        share(colleague, AccessRole.COLLABORATOR);

        var unmatched = body(open(owner, "/hubs/" + hub.id() + "/people?status=UNMATCHED"));
        var members = body(open(owner, "/hubs/" + hub.id() + "/people?status=joined"));

        assertThat(unmatched).contains(cell(strangerEmail)).doesNotContain(cell(colleague.email()));
        assertThat(members).contains(cell(colleague.email())).doesNotContain(cell(strangerEmail));
    }

    @Test
    void aFilterNamingNoStatusIsABadRequest() {
        assertThat(open(owner, "/hubs/" + hub.id() + "/people?status=WHATEVER")).hasStatus(400);
    }

    @Test
    void theExportHasTheSameRowsAsCsvWithFormulasNeutralised() throws Exception {
        var hostile = colleague("=HYPERLINK(\"http://evil.example\",\"click\"),x");
        var accented = colleague("Zoë Ångström");
        share(hostile, AccessRole.COLLABORATOR);
        share(accented, AccessRole.MANAGER);

        var export = mvc.get()
                .uri("/hubs/" + hub.id() + "/people.csv")
                .with(as(owner))
                .exchange();

        assertThat(export).hasStatusOk();
        var response = export.getResponse();
        assertThat(response.getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment")
                .contains("-users.csv");
        var csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        var lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0))
                .isEqualTo("Name,E-mail,Role in Hubwarden,Role in the hub,Status,Assets,Last change,Note");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\"),x\"," + hostile.email()))
                .anySatisfy(line -> assertThat(line).startsWith("Zoë Ångström," + accented.email() + ",Manager,"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("Sam Stranger," + strangerEmail + ",,Partial access,Unmatched,"))
                .anySatisfy(line -> assertThat(line).startsWith("Olivia Owner," + owner.email() + ",Owner,"));
        assertThat(lines).noneMatch(line -> line.startsWith("="));
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void aManagerMatchesAnUnmatchedAccountToAPerson() {
        var colleague = colleague("Sam Colleague");
        var stranger = account(strangerEmail);
        var page = open(owner, "/hubs/" + hub.id() + "/people");
        assertThat(body(page)).contains("/people/accounts/" + stranger.id() + "/match");

        var matched = post(
                owner,
                "/hubs/" + hub.id() + "/people/accounts/" + stranger.id() + "/match",
                "person",
                colleague.email());

        assertThat(matched).hasStatus3xxRedirection();
        assertThat(hubs.unmatched(owner.workspaceId(), hub.id())).isEmpty();
        assertThat(account(strangerEmail).personId()).isEqualTo(colleague.personId());
    }

    @Test
    void matchingToNoOneOfTheWorkspaceIsShownOnThePage() {
        var stranger = account(strangerEmail);

        var refused = post(
                owner,
                "/hubs/" + hub.id() + "/people/accounts/" + stranger.id() + "/match",
                "person",
                "nobody@example.com");

        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains("Pick a person of the workspace by their work e-mail.");
        assertThat(account(strangerEmail).unmatched()).isTrue();
    }

    @Test
    void exemptingNeedsAReasonAndKeepsIt() {
        var stranger = account(strangerEmail);
        var path = "/hubs/" + hub.id() + "/people/accounts/" + stranger.id() + "/exempt";

        var refused = post(owner, path, "reason", "  ");
        var exempted = post(owner, path, "reason", "Agency partner, managed by them");

        assertThat(refused).hasStatus(400);
        assertThat(body(refused)).contains("Give a reason of at most 500 characters.");
        assertThat(exempted).hasStatus3xxRedirection();
        assertThat(account(strangerEmail).exemptReason()).isEqualTo("Agency partner, managed by them");
        assertThat(body(open(owner, "/hubs/" + hub.id() + "/people?status=EXEMPTED")))
                .contains(chip("Exempted"))
                .contains("Agency partner, managed by them");
    }

    @Test
    void removingNeedsConfirmationAndRunsAsAJob() {
        var stranger = account(strangerEmail);
        var path = "/hubs/" + hub.id() + "/people/accounts/" + stranger.id() + "/remove";

        var unconfirmed = post(owner, path, "confirm", "");
        var confirmed = post(owner, path, "confirm", "true");

        assertThat(unconfirmed).hasStatus(400);
        assertThat(body(unconfirmed)).contains("Tick the box to confirm the removal.");
        assertThat(confirmed).hasStatus3xxRedirection();
        var removal = jobs.jobsOf(owner.workspaceId(), hub.id().value(), PageRequest.of(0, 20)).stream()
                .filter(job ->
                        job.subject().filter(stranger.id().toString()::equals).isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(fixtures.awaitJob(owner.workspaceId(), removal.id()).status())
                .isEqualTo(JobStatus.SUCCEEDED);
        assertThat(meta.businessUsers(business.id()))
                .extracting(BusinessUser::email)
                .doesNotContain(strangerEmail);
    }

    @Test
    void aManagerSendsAFailedInvitationAgain() {
        var colleague = colleague("Fay Failed");
        meta.injectFault("POST", "/*/business_users", Fault.serverError(400, 200), 1);
        share(colleague, AccessRole.COLLABORATOR);
        awaitStatus(colleague, MembershipStatus.INVITE_FAILED);

        var resent = post(owner, "/hubs/" + hub.id() + "/people/" + colleague.personId() + "/resend", "status", "");

        assertThat(resent).hasStatus3xxRedirection();
        awaitStatus(colleague, MembershipStatus.INVITED);
    }

    @Test
    void resendingAnInvitationThatHasNotFailedIsShownOnThePage() {
        var colleague = colleague("Ivy Invited");
        share(colleague, AccessRole.COLLABORATOR);
        awaitStatus(colleague, MembershipStatus.INVITED);

        var refused = post(owner, "/hubs/" + hub.id() + "/people/" + colleague.personId() + "/resend", "status", "");

        assertThat(refused).hasStatus(409);
        assertThat(body(refused)).contains("Only a failed or expired invitation can be sent again.");
    }

    @Test
    void aManagerRevokesAPersonsAccessAndTheHubTakesTheInvitationBack() {
        var colleague = colleague("Rita Revoked");
        share(colleague, AccessRole.COLLABORATOR);
        awaitStatus(colleague, MembershipStatus.INVITED);
        var path = "/hubs/" + hub.id() + "/people/" + colleague.personId() + "/revoke";

        var unconfirmed = post(owner, path, "confirm", "");
        var confirmed = post(owner, path, "confirm", "true");

        assertThat(unconfirmed).hasStatus(400);
        assertThat(confirmed).hasStatus3xxRedirection();
        awaitStatus(colleague, MembershipStatus.REMOVED);
        assertThat(meta.pendingRequests(business.id()))
                .noneMatch(request -> request.email().equalsIgnoreCase(colleague.email()));
        assertThat(body(open(owner, "/hubs/" + hub.id() + "/people?status=REMOVED")))
                .contains(cell(colleague.email()));
    }

    @Test
    void theHubsLastOwnerKeepsTheirAccessAndThePageSaysWhy() {
        var refused = post(owner, "/hubs/" + hub.id() + "/people/" + owner.personId() + "/revoke", "confirm", "true");

        assertThat(refused).hasStatus(409);
        assertThat(body(refused)).contains("A hub keeps at least one Owner");
        assertThat(access.roleOn(hub.id(), owner.personId())).isPresent();
    }

    @Test
    void aCollaboratorSeesThePeopleButNoActionsAndCannotPostThem() {
        var collaborator = colleague("Col Laborator");
        share(collaborator, AccessRole.COLLABORATOR);
        var stranger = account(strangerEmail);
        var accountPath = "/hubs/" + hub.id() + "/people/accounts/" + stranger.id();

        var page = open(collaborator, "/hubs/" + hub.id() + "/people");

        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("Sam Stranger").doesNotContain("/match").doesNotContain("/exempt");
        assertThat(post(collaborator, accountPath + "/match", "person", collaborator.email()))
                .hasStatus(403);
        assertThat(post(collaborator, accountPath + "/exempt", "reason", "mine now"))
                .hasStatus(403);
        assertThat(post(collaborator, accountPath + "/remove", "confirm", "true"))
                .hasStatus(403);
        assertThat(post(collaborator, "/hubs/" + hub.id() + "/people/" + owner.personId() + "/resend", "status", ""))
                .hasStatus(403);
        assertThat(post(
                        collaborator,
                        "/hubs/" + hub.id() + "/people/" + owner.personId() + "/revoke",
                        "confirm",
                        "true"))
                .hasStatus(403);
        assertThat(body(page)).doesNotContain("/revoke");
        assertThat(account(strangerEmail).unmatched()).isTrue();
    }

    @Test
    void aGuestSharedAsManagerStillCannotActOnUnmatchedAccounts() {
        var guest = person("Gus Guest", WorkspaceRole.GUEST_USER);
        share(guest, AccessRole.MANAGER);
        var stranger = account(strangerEmail);

        var page = open(guest, "/hubs/" + hub.id() + "/people");
        var exempt = post(guest, "/hubs/" + hub.id() + "/people/accounts/" + stranger.id() + "/exempt", "reason", "x");

        assertThat(page).hasStatusOk();
        assertThat(body(page)).doesNotContain("/exempt");
        assertThat(exempt).hasStatus(403);
        assertThat(account(strangerEmail).unmatched()).isTrue();
    }

    @Test
    void peopleTheHubIsNotSharedWithAreRefused() {
        var colleague = person("Nora Noshare", WorkspaceRole.ADMIN);
        var loginOnly = person("Lo Login", WorkspaceRole.LOGIN_ONLY);
        share(loginOnly, AccessRole.COLLABORATOR);

        assertThat(open(colleague, "/hubs/" + hub.id() + "/people")).hasStatus(403);
        assertThat(open(colleague, "/hubs/" + hub.id() + "/people.csv")).hasStatus(403);
        assertThat(open(loginOnly, "/hubs/" + hub.id() + "/people")).hasStatus(403);
    }

    @Test
    void aHubOfAnotherWorkspaceIsNotFound() {
        var stranger = fixtures.aWorkspaceOwner();
        var account = account(strangerEmail);

        assertThat(open(stranger, "/hubs/" + hub.id() + "/people")).hasStatus(404);
        assertThat(open(stranger, "/hubs/" + hub.id() + "/people.csv")).hasStatus(404);
        assertThat(post(stranger, "/hubs/" + hub.id() + "/people/accounts/" + account.id() + "/exempt", "reason", "x"))
                .hasStatus(404);
        assertThat(open(owner, "/hubs/not-a-hub/people")).hasStatus(404);
        assertThat(account(strangerEmail).unmatched()).isTrue();
    }

    @Test
    void aPostWithoutTheFormsTokenIsRefused() {
        var stranger = account(strangerEmail);

        var forged = mvc.post()
                .uri("/hubs/" + hub.id() + "/people/accounts/" + stranger.id() + "/exempt")
                .param("reason", "forged")
                .accept(MediaType.TEXT_HTML)
                .with(as(owner))
                .exchange();

        assertThat(forged).hasStatus(403);
        assertThat(account(strangerEmail).unmatched()).isTrue();
    }

    private SignedInPerson colleague(String name) {
        var person = person(name, WorkspaceRole.USER);
        meta.seedPerson(person.email(), name, "pw");
        return person;
    }

    /** A person invited to the owner's workspace, named as given (whatever characters the name holds). */
    private SignedInPerson person(String name, WorkspaceRole role) {
        var email = Unique.email("person");
        var invited = workspaces.invite(owner.personId(), email, name, role);
        return new SignedInPerson(invited.personId(), owner.workspaceId(), role, email, name);
    }

    private void share(SignedInPerson person, AccessRole role) {
        access.share(
                owner, hub.id(), new ShareRequest(List.of(person.email()), role, "EMPLOYEE", List.of(), true, false));
    }

    private void sync() {
        hubs.requestSync(owner, hub.id());
        fixtures.awaitSyncs(owner.workspaceId(), hub.id());
    }

    private HubAccountView account(String email) {
        return hubs.account(hub.id(), email).orElseThrow();
    }

    private void awaitStatus(SignedInPerson person, MembershipStatus status) {
        await().atMost(PATIENCE)
                .until(
                        () -> access.membership(person.workspaceId(), hub.id(), person.personId())
                                .map(MembershipView::status)
                                .orElse(null),
                        status::equals);
    }

    private MvcTestResult open(SignedInPerson person, String path) {
        return mvc.get().uri(path).accept(MediaType.TEXT_HTML).with(as(person)).exchange();
    }

    private MvcTestResult post(SignedInPerson person, String path, String field, String value) {
        return mvc.post()
                .uri(path)
                .param(field, value)
                .accept(MediaType.TEXT_HTML)
                .with(as(person))
                .with(csrf())
                .exchange();
    }

    private static String body(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String cell(String text) {
        return "<td>" + text + "</td>";
    }

    private static String chip(String words) {
        return "<span class=\"chip\">" + words + "</span>";
    }

    static RequestPostProcessor as(SignedInPerson person) {
        return authentication(new UsernamePasswordAuthenticationToken(person, null, person.authorities()));
    }
}
