package io.hubwarden.bench;

import io.hubwarden.connector.HubKind;
import io.hubwarden.hub.HubConnection;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.Hubs;
import io.hubwarden.simulator.meta.Business;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The data a scenario starts from. The workspace, its Owner and the hubs come through the server's own APIs, as a
 * person would make them. Large numbers of people are written straight into the {@code person} table in batches
 * instead: through the API each one would cost an Argon2 password hash and an invitation mail, which is not what the
 * scenarios measure. Such people are active, sign in with no password, and have nothing else that the API would
 * give them.
 */
final class Seeds {

    static final String OWNER_PASSWORD = "bench owner password, long enough";
    static final Set<String> SERVICE_SCOPES = Set.of("business_management", "ads_management", "pages_show_list");

    private static final AtomicInteger OWNERS = new AtomicInteger();

    private final Stack stack;

    Seeds(Stack stack) {
        this.stack = stack;
    }

    /**
     * A new workspace and its Owner, who signs in with {@link #OWNER_PASSWORD}. Production has no form that creates a
     * workspace, so for a server in another process both rows are written straight into the database, the password
     * hashed as the server hashes it.
     */
    SignedInPerson owner() {
        int number = OWNERS.incrementAndGet();
        var email = "owner" + number + "@bench.test";
        if (stack.process() != null) {
            var workspace = new WorkspaceId(UUID.randomUUID());
            var person = new PersonId(UUID.randomUUID());
            var now = Timestamp.from(Instant.now());
            var jdbc = stack.jdbc();
            jdbc.update(
                    "insert into workspace (id, name, slug, created_at, version) values (?, ?, ?, ?, 0)",
                    workspace.value(),
                    "Bench " + number,
                    "bench-" + number,
                    now);
            jdbc.update(
                    "insert into person (id, workspace_id, email, name, role, status, source, password_hash,"
                            + " created_at, activated_at, version)"
                            + " values (?, ?, ?, ?, 'OWNER', 'ACTIVE', 'LOCAL', ?, ?, ?, 0)",
                    person.value(),
                    workspace.value(),
                    email,
                    "Olive Owner",
                    "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(OWNER_PASSWORD),
                    now,
                    now);
            return new SignedInPerson(person, workspace, WorkspaceRole.OWNER, email, "Olive Owner");
        }
        var created = stack.bean(Workspaces.class).create("Bench " + number, email, "Olive Owner", OWNER_PASSWORD);
        return new SignedInPerson(created.ownerId(), created.workspaceId(), WorkspaceRole.OWNER, email, "Olive Owner");
    }

    /** A business in the simulator with the Owner as its Full-control person, and their token for Hubwarden's app. */
    MetaBusiness business(SignedInPerson owner, String name) {
        var meta = stack.meta();
        var business = meta.seedBusiness(name);
        if (meta.person(owner.email()).isEmpty()) {
            meta.seedPerson(owner.email(), owner.displayName(), "pw");
        }
        meta.addBusinessUser(business.id(), owner.email(), "ADMIN");
        return new MetaBusiness(business, meta.userToken(owner.email(), Stack.APP_ID, SERVICE_SCOPES));
    }

    /**
     * Connects the business as a hub by token, through the connect wizard for a server in another process; connecting
     * queues its first sync.
     */
    HubId connect(SignedInPerson owner, MetaBusiness business) {
        if (stack.process() != null) {
            try {
                return stack.browser(owner.email())
                        .connectMeta(
                                business.business().name(), business.business().id(), business.token());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
        return stack.bean(Hubs.class)
                .connectWithToken(
                        owner,
                        new HubConnection(
                                HubKind.META_BUSINESS_MANAGER,
                                business.business().name(),
                                Map.of("business_id", business.business().id())),
                        business.token())
                .id();
    }

    /**
     * Writes active people of the workspace straight into the database, 1 000 rows per batch (see the class
     * comment). Addresses must be normalised (lower case).
     */
    void people(WorkspaceId workspace, List<String> emails) {
        var jdbc = stack.jdbc();
        var now = Timestamp.from(Instant.now());
        var rows = new ArrayList<Object[]>(1000);
        for (var email : emails) {
            rows.add(new Object[] {
                UUID.randomUUID(), workspace.value(), email, email.substring(0, email.indexOf('@')), now
            });
            if (rows.size() == 1000) {
                insertPeople(jdbc, rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insertPeople(jdbc, rows);
        }
        if (stack.database().kind().equals("postgres")) {
            // A workspace that grew to this many people over time has had its statistics gathered by autovacuum; one
            // written in a second has not, and PostgreSQL would plan lookups of its people as of a tiny table.
            jdbc.execute("analyze person");
        }
    }

    private static void insertPeople(org.springframework.jdbc.core.JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate(
                "insert into person (id, workspace_id, email, name, role, status, source, created_at, activated_at,"
                        + " version) values (?, ?, ?, ?, 'USER', 'ACTIVE', 'LOCAL', ?, ?, 0)",
                rows.stream()
                        .map(row -> new Object[] {row[0], row[1], row[2], row[3], row[4], row[4]})
                        .toList());
    }

    /** Waits until no job of the type is queued or running for the hub. */
    void awaitJobs(HubId hub, String type, Duration timeout) {
        var jdbc = stack.jdbc();
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Integer open = jdbc.queryForObject(
                    "select count(*) from job where hub_id = ? and type = ? and status in ('QUEUED', 'RUNNING')",
                    Integer.class,
                    hub.value(),
                    type);
            if (open == null || open == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        open + " " + type + " jobs of hub " + hub + " still open after " + timeout);
            }
            pause(Duration.ofMillis(20));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    /** A business of the simulator and its Full-control person's token. */
    record MetaBusiness(Business business, String token) {}
}
