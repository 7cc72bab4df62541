package io.hubwarden.bench;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.PersonSource;
import io.hubwarden.workspace.PersonStatus;
import io.hubwarden.workspace.PersonView;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.WorkspaceRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matching 100 000 hub accounts to 100 000 people by e-mail in memory, as a sync does before it stages a page: the
 * workspace's people indexed by normalised address (deactivated people left out), then each member's address, parsed
 * and normalised as the connector hands it over, looked up. Addresses differ in case on the hub's side so that
 * normalisation is part of the work; one member in ten has no person. The database side of matching is measured by
 * the {@code sync} scenario.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchingBenchmark {

    static final int SIZE = 100_000;

    private List<PersonView> people = List.of();
    private List<String> hubAddresses = List.of();

    @Setup
    public void seed() {
        var workspace = new WorkspaceId(UUID.randomUUID());
        var now = Instant.now();
        var seeded = new ArrayList<PersonView>(SIZE);
        var addresses = new ArrayList<String>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            var email = String.format(Locale.ROOT, "person%06d@acme.test", i);
            seeded.add(new PersonView(
                    new PersonId(UUID.randomUUID()),
                    workspace,
                    email,
                    "Person " + i,
                    WorkspaceRole.USER,
                    i % 97 == 0 ? PersonStatus.DEACTIVATED : PersonStatus.ACTIVE,
                    PersonSource.LOCAL,
                    null,
                    now,
                    now));
            var hubSide = i % 10 == 0 ? "someone" + i + "@elsewhere.test" : email;
            addresses.add(i % 2 == 0 ? hubSide.toUpperCase(Locale.ROOT) : hubSide);
        }
        people = seeded;
        hubAddresses = addresses;
    }

    /** Returns how many accounts matched, so that the JIT cannot drop the work. */
    @Benchmark
    public int match100kAccountsTo100kPeople() {
        Map<String, PersonId> byEmail = new HashMap<>(people.size() * 2);
        for (var person : people) {
            if (person.status() != PersonStatus.DEACTIVATED) {
                byEmail.put(person.email(), person.id());
            }
        }
        var role = new HubRole("EMPLOYEE", "Partial access");
        int matched = 0;
        for (int i = 0; i < hubAddresses.size(); i++) {
            var member = new HubMember(
                    new HubUserId(String.valueOf(i)), "Member", EmailAddress.of(hubAddresses.get(i)), role, Set.of());
            var email = member.email();
            if (email != null && byEmail.get(email.value()) != null) {
                matched++;
            }
        }
        return matched;
    }
}
