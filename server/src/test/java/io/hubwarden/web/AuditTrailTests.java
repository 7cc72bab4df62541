package io.hubwarden.web;

import static io.hubwarden.web.Fixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hubwarden.Unique;
import io.hubwarden.audit.AuditEntry;
import io.hubwarden.audit.AuditTrail;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit trail records the workspace's changes in order, chains them so that tampering shows, and is read and
 * exported only by those who may, each in their own workspace.
 */
@DashboardTest
class AuditTrailTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Workspaces workspaces;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changesAreRecordedInOrderAndChained() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        var email = Unique.email("ivy");
        workspaces.invite(owner.created().ownerId(), email, "Ivy", WorkspaceRole.USER);

        var browser = signedIn(owner.email());
        assertThat(browser.open("/").body()).contains("href=\"/audit\"");
        var page = browser.open("/audit");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Workspace created")
                .contains("Person invited")
                .contains(email + " invited to the workspace as USER")
                .contains("The chain of 2 records is intact");
        assertThat(records(owner))
                .extracting(AuditEntry::seq, AuditEntry::action)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "PERSON_INVITED"),
                        org.assertj.core.groups.Tuple.tuple(1L, "WORKSPACE_CREATED"));
    }

    @Test
    void recordsAreChainedWithoutAnyoneReadingTheTrail() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> trail.check(owner.created().workspaceId()).records() == 1);
        assertThat(trail.check(owner.created().workspaceId()).intact()).isTrue();
    }

    @Test
    void aChangedRecordBreaksTheChainWhereItWas() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        workspaces.invite(owner.created().ownerId(), Unique.email("jo"), "Jo", WorkspaceRole.USER);
        workspaces.invite(owner.created().ownerId(), Unique.email("kim"), "Kim", WorkspaceRole.USER);
        trail.chain(owner.created().workspaceId());

        jdbc.sql("update audit_event set detail = 'nothing happened' where workspace_id = ? and seq = 2")
                .param(owner.created().workspaceId().value())
                .update();

        assertThat(trail.check(owner.created().workspaceId()).brokenAt()).isEqualTo(2L);
        assertThat(signedIn(owner.email()).open("/audit").body()).contains("The chain is broken at record 2");
    }

    @Test
    void aRemovedRecordBreaksTheChain() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        workspaces.invite(owner.created().ownerId(), Unique.email("lu"), "Lu", WorkspaceRole.USER);
        workspaces.invite(owner.created().ownerId(), Unique.email("mo"), "Mo", WorkspaceRole.USER);
        trail.chain(owner.created().workspaceId());

        jdbc.sql("delete from audit_event where workspace_id = ? and seq = 2")
                .param(owner.created().workspaceId().value())
                .update();

        var check = trail.check(owner.created().workspaceId());
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(3L);
    }

    @Test
    void theExportHoldsEveryRecordAndDefusesFormulas() {
        var owner = new Fixtures(workspaces).aWorkspaceWithOwner();
        var email = Unique.email("eve");
        workspaces.invite(
                owner.created().ownerId(), email, "=HYPERLINK(\"http://evil.test\",\"x\")", WorkspaceRole.USER);

        var export = signedIn(owner.email()).open("/audit.csv");

        assertThat(export.status()).isEqualTo(200);
        var lines = export.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,occurred_at,actor_id,actor,action,hub_id,hub,person_id,person,detail");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("1,").contains("WORKSPACE_CREATED");
        assertThat(lines[2])
                .startsWith("2,")
                .contains("PERSON_INVITED")
                .contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\") <" + email + ">\"");
    }

    @Test
    void peopleWithoutTheAuditPermissionAreRefused() {
        var fixtures = new Fixtures(workspaces);
        var owner = fixtures.aWorkspaceWithOwner();
        var user = signedIn(fixtures.anActivePerson(owner, WorkspaceRole.USER));

        assertThat(user.open("/").body()).doesNotContain("href=\"/audit\"");
        assertThat(user.open("/audit").status()).isEqualTo(403);
        assertThat(user.open("/audit.csv").status()).isEqualTo(403);
    }

    @Test
    void anotherWorkspacesRecordsAreNotShown() {
        var fixtures = new Fixtures(workspaces);
        var mine = fixtures.aWorkspaceWithOwner();
        var theirs = fixtures.aWorkspaceWithOwner();
        var theirPerson = Unique.email("theirs");
        workspaces.invite(theirs.created().ownerId(), theirPerson, "Theirs", WorkspaceRole.USER);

        var browser = signedIn(mine.email());

        assertThat(browser.open("/audit").body()).doesNotContain(theirPerson);
        assertThat(browser.open("/audit.csv").body()).doesNotContain(theirPerson);
    }

    private List<AuditEntry> records(Fixtures.Owner owner) {
        return trail.recent(owner.created().workspaceId(), 10);
    }

    private Browser signedIn(String email) {
        var browser = new Browser(mvc);
        assertThat(browser.signIn(email, PASSWORD).redirect()).isEqualTo("/");
        return browser;
    }
}
