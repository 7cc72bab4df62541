package io.hubwarden.simulator.meta;

import static io.hubwarden.simulator.meta.GraphClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Many clients at once leave the simulated business consistent. */
class ConcurrencyTests {

    private static final int CLIENTS = 16;

    private AcmeAds acme;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        acme = AcmeAds.start();
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        acme.close();
    }

    @Test
    void parallelInvitesOfOneAddressLeaveOneInvitationAndOneMail() throws Exception {
        List<String> ids = all(CLIENTS, i -> invite("same@acme.test"));

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(acme.meta.pendingRequests(acme.business.id())).hasSize(1);
        assertThat(acme.mailbox.awaitMailTo("same@acme.test", Duration.ofSeconds(5)))
                .isPresent();
        assertThat(acme.mailbox.mailsTo("same@acme.test")).hasSize(1);
    }

    @Test
    void parallelInvitesOfManyAddressesAreAllKeptWithDistinctIds() throws Exception {
        List<String> ids = all(CLIENTS * 4, i -> invite("person" + i + "@acme.test"));

        assertThat(ids).doesNotHaveDuplicates().hasSize(CLIENTS * 4);
        JsonNode pending = acme.graph
                .get(acme.withToken("/v25.0/" + acme.business.id() + "/pending_users?limit=100&summary=total_count"))
                .json();
        assertThat(pending.path("summary").path("total_count").asInt()).isEqualTo(CLIENTS * 4);
        assertThat(pending.path("data").findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void everyReadDuringAcceptancesIsAConsistentSnapshot() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            acme.meta.seedPerson("p" + i + "@acme.test", "Person " + i, "pw");
            ids.add(acme.meta
                    .createInvitation(acme.business.id(), "p" + i + "@acme.test", "EMPLOYEE", List.of())
                    .id());
        }

        List<JsonNode> reads = all(40, i -> {
            if (i % 2 == 0) {
                acme.meta.acceptInvitation(ids.get(i / 2), "p" + (i / 2) + "@acme.test");
                return null;
            }
            return acme.graph
                    .get(acme.withToken("/v25.0/" + acme.business.id()
                            + "/business_users?limit=100&summary=total_count&fields=id,email"))
                    .json();
        });

        assertThat(reads.stream().filter(read -> read != null)).allSatisfy(read -> {
            assertThat(read.path("data").size())
                    .isEqualTo(read.path("summary").path("total_count").asInt());
            assertThat(read.path("data").findValuesAsString("email")).doesNotHaveDuplicates();
        });
        assertThat(acme.meta.businessUsers(acme.business.id())).hasSize(21);
        assertThat(acme.meta.pendingRequests(acme.business.id())).isEmpty();
    }

    @Test
    void parallelTokenHoldersEachReadTheirOwnIdentity() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            acme.meta.seedPerson("t" + i + "@acme.test", "Token " + i, "pw");
            tokens.add(acme.meta.userToken("t" + i + "@acme.test", AcmeAds.APP_ID, Set.of("email")));
        }

        List<String> emails = all(
                CLIENTS,
                i -> acme.graph
                        .get("/v25.0/me?fields=email&access_token=" + tokens.get(i))
                        .json()
                        .path("email")
                        .asString());

        for (int i = 0; i < CLIENTS; i++) {
            assertThat(emails.get(i)).isEqualTo("t" + i + "@acme.test");
        }
    }

    private String invite(String email) {
        return acme.graph
                .post(
                        "/v25.0/" + acme.business.id() + "/business_users",
                        form("email", email, "role", "EMPLOYEE", "access_token", acme.token))
                .json()
                .path("id")
                .asString();
    }

    /** Runs {@code count} tasks at once (released together) and returns their results in task order. */
    private <T> List<@Nullable T> all(int count, Task<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<@Nullable T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Callable<@Nullable T> call = () -> {
                start.await();
                return task.run(index);
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<@Nullable T> results = new ArrayList<>();
        for (Future<@Nullable T> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    @FunctionalInterface
    private interface Task<T> {
        @Nullable
        T run(int index) throws Exception;
    }
}
