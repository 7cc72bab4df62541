package io.hubwarden.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.platform.DatabaseChanges;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What a node keeps of the cards' versions, and when it forgets them. */
class CardsVersionsTests {

    final CardsVersions versions = new CardsVersions(new DatabaseChanges(null));
    final WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
    final WorkspaceId otherWorkspace = new WorkspaceId(UUID.randomUUID());
    final PersonId person = new PersonId(UUID.randomUUID());
    final PersonId colleague = new PersonId(UUID.randomUUID());
    final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void noTransactionLeftBehind() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void whileNothingListensEveryVersionIsRead() {
        versions.of(workspace, person, read("1"));
        var again = versions.of(workspace, person, read("2"));

        assertThat(again).isEqualTo("2");
        assertThat(reads).hasValue(2);
        assertThat(versions.kept()).isZero();
    }

    @Test
    void onceListeningAVersionIsReadOnce() {
        versions.listening();

        versions.of(workspace, person, read("1"));
        var again = versions.of(workspace, person, read("2"));

        assertThat(again).isEqualTo("1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aChangeForgetsTheVersionsOfItsWorkspaceOnly() {
        versions.listening();
        versions.of(workspace, person, read("1"));
        versions.of(workspace, colleague, read("1"));
        versions.of(otherWorkspace, person, read("1"));

        versions.changed(workspace.value().toString());

        assertThat(versions.of(workspace, person, read("2"))).isEqualTo("2");
        assertThat(versions.of(workspace, colleague, read("2"))).isEqualTo("2");
        assertThat(versions.of(otherWorkspace, person, read("2"))).isEqualTo("1");
        assertThat(versions.kept()).isEqualTo(3);
    }

    @Test
    void aVersionReadWhileAChangeIsToldIsGivenButNotKept() {
        versions.listening();

        var read = versions.of(workspace, person, () -> {
            versions.changed(workspace.value().toString());
            return "read before the change";
        });
        var next = versions.of(workspace, person, read("after"));

        assertThat(read).isEqualTo("read before the change");
        assertThat(next).isEqualTo("after");
        assertThat(versions.of(workspace, person, read("later"))).isEqualTo("after");
    }

    @Test
    void aChangeToldOfSomethingElseForgetsEverything() {
        versions.listening();
        versions.of(workspace, person, read("1"));
        versions.of(otherWorkspace, person, read("1"));

        versions.changed("not a workspace");

        assertThat(versions.kept()).isZero();
        assertThat(versions.of(otherWorkspace, person, read("2"))).isEqualTo("2");
    }

    @Test
    void losingTheListeningForgetsEverythingAndKeepsNothingUntilItIsBack() {
        versions.listening();
        versions.of(workspace, person, read("1"));

        versions.deaf();
        var whileDeaf = versions.of(workspace, person, read("2"));
        var stillDeaf = versions.of(workspace, person, read("3"));
        versions.listening();
        var back = versions.of(workspace, person, read("4"));

        assertThat(List.of(whileDeaf, stillDeaf, back)).containsExactly("2", "3", "4");
        assertThat(versions.of(workspace, person, read("5"))).isEqualTo("4");
    }

    @Test
    void aChangeOfThisNodeIsForgottenOnceItsTransactionCommits() {
        versions.listening();
        versions.of(workspace, person, read("1"));
        TransactionSynchronizationManager.initSynchronization();

        versions.changedOnCommit(workspace);
        var beforeTheCommit = versions.of(workspace, person, read("2"));
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(beforeTheCommit).isEqualTo("1");
        assertThat(versions.of(workspace, person, read("3"))).isEqualTo("3");
    }

    @Test
    void aSlowReadHoldsBackNoOtherReadWhileNothingListens() throws Exception {
        aSlowReadHoldsBackNoOtherRead();
    }

    @Test
    void aSlowReadHoldsBackNoOtherReadWhileListening() throws Exception {
        versions.listening();

        aSlowReadHoldsBackNoOtherRead();
    }

    private void aSlowReadHoldsBackNoOtherRead() throws Exception {
        var reading = new CountDownLatch(1);
        var released = new CountDownLatch(1);
        var slow = CompletableFuture.supplyAsync(() -> versions.of(workspace, person, () -> {
            reading.countDown();
            try {
                released.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "slow";
        }));
        try {
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

            var other = CompletableFuture.supplyAsync(() -> versions.of(otherWorkspace, colleague, read("quick")));

            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("quick");
        } finally {
            released.countDown();
        }
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
    }

    private Supplier<String> read(String version) {
        return () -> {
            reads.incrementAndGet();
            return version;
        };
    }
}
