package io.hubwarden.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hubwarden.TestClock;
import io.hubwarden.TestMailbox;
import io.hubwarden.access.AccessRole;
import io.hubwarden.access.AccessShared;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.ShareId;
import io.hubwarden.access.ShareRequest;
import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubFixtures;
import io.hubwarden.hub.HubTest;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "shared with you" mail through the outbox, the application's own sender and the test mailbox, which can defer a
 * recipient as a busy relay does. Other applications of the test run share the database and send from it too, as
 * other nodes would, so these tests look only at what any node's sending leads to.
 */
@HubTest
class SharedWithYouMailTests {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    AccessShares access;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Hubs hubs;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    HubFixtures fixtures;
    SignedInPerson owner;
    HubView hub;

    @BeforeEach
    void aSyncedHub() {
        fixtures = new HubFixtures(workspaces, hubs, jobs);
        owner = fixtures.aWorkspaceOwner();
        hub = fixtures.aSyncedHub(owner, fixtures.aMetaBusinessRunBy(owner));
        await().atMost(PATIENCE)
                .until(() -> access.roleOn(hub.id(), owner.personId()).isPresent());
    }

    @Test
    void aMailTheRelayDefersIsSentOnceItsWaitIsOver() {
        var colleague = fixtures.anInvitedPerson(owner, "di", WorkspaceRole.USER);
        TestMailbox.get().deferRecipient(colleague.email(), 1);

        access.share(owner, hub.id(), shownOnly(colleague));
        await().atMost(PATIENCE).until(() -> TestMailbox.get().deferralsOf(colleague.email()) == 1);
        clock.advance(OutboxSender.FIRST_RETRY.plusSeconds(1));

        await().atMost(PATIENCE).until(() -> sharedMailsTo(colleague) == 1 && waitingFor(colleague) == 0);
        assertThat(sharedMailsTo(colleague)).isEqualTo(1);
        assertThat(TestMailbox.get().deferralsOf(colleague.email())).isEqualTo(1);
    }

    @Test
    void aMailTheRelayKeepsDeferringIsGivenUpOnAfterTheLastAttemptAndKeptWithItsFailure() {
        var colleague = fixtures.anInvitedPerson(owner, "ed", WorkspaceRole.USER);
        TestMailbox.get().deferRecipient(colleague.email(), 1_000);

        access.share(owner, hub.id(), shownOnly(colleague));
        for (int attempt = 1; attempt <= OutboxSender.MAX_ATTEMPTS; attempt++) {
            int made = attempt;
            await().atMost(PATIENCE).until(() -> TestMailbox.get().deferralsOf(colleague.email()) >= made);
            clock.advance(OutboxSender.LONGEST_RETRY.plusSeconds(1));
        }

        await().atMost(PATIENCE).until(() -> givenUpFor(colleague) == 1);
        assertThat(TestMailbox.get().deferralsOf(colleague.email())).isEqualTo(OutboxSender.MAX_ATTEMPTS);
        assertThat(jdbc.sql("select last_error from mail_outbox where person_id = ?")
                        .param(colleague.personId().value())
                        .query(String.class)
                        .single())
                .contains("450");
        assertThat(sharedMailsTo(colleague)).isZero();
    }

    @Test
    void aShareWhoseTransactionRollsBackLeavesNoMail() {
        var colleague = fixtures.anInvitedPerson(owner, "fy", WorkspaceRole.USER);

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.publishEvent(new AccessShared(
                    new ShareId(UUID.randomUUID()),
                    owner.workspaceId(),
                    hub.id(),
                    colleague.personId(),
                    owner.personId(),
                    AccessRole.COLLABORATOR,
                    "EMPLOYEE",
                    false,
                    clock.instant()));
            status.setRollbackOnly();
        });

        assertThat(waitingFor(colleague)).isZero();
    }

    private static ShareRequest shownOnly(SignedInPerson person) {
        return new ShareRequest(List.of(person.email()), AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), false, false);
    }

    /** Besides the mail that a hub was shared, each person got the workspace's invitation. */
    private static long sharedMailsTo(SignedInPerson person) {
        return TestMailbox.get().mailsTo(person.email()).stream()
                .filter(mail -> mail.subject().contains(" shared "))
                .count();
    }

    private long waitingFor(SignedInPerson person) {
        return jdbc.sql("select count(*) from mail_outbox where person_id = ?")
                .param(person.personId().value())
                .query(Long.class)
                .single();
    }

    private long givenUpFor(SignedInPerson person) {
        return jdbc.sql("select count(*) from mail_outbox where person_id = ? and next_attempt_at is null")
                .param(person.personId().value())
                .query(Long.class)
                .single();
    }
}
