package io.hubwarden.access;

import io.hubwarden.hub.HubId;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.NullMarked;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The membership state machine: a membership's whole happy path on the aggregate (shared with a seat, invitation
 * sent, hub shows the member, profile verified), and one look-up of the table for every status and event. It sits
 * in the {@code access} package because the transitions are package-private there.
 */
@NullMarked
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MembershipTransitionsBenchmark {

    private final WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
    private final HubId hub = new HubId(UUID.randomUUID());
    private final PersonId person = new PersonId(UUID.randomUUID());
    private final EffectiveGrant grant = new EffectiveGrant(AccessRole.COLLABORATOR, "EMPLOYEE", true, List.of());
    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private MembershipId id = new MembershipId(UUID.randomUUID());

    @Setup
    public void prepare() {
        id = new MembershipId(UUID.randomUUID());
    }

    /** Share, invite, join, connect: four transitions and the events they register. */
    @Benchmark
    public MembershipStatus invitedJoinedAndConnected() {
        var membership = Membership.create(id, workspace, hub, person, "ana@acme.test", grant, now);
        membership.inviteSent("rr-1", now);
        membership.hubShowsMember("bu-1", now);
        membership.profileVerified("bu-1", now);
        return membership.status();
    }

    /** Whether each of the twelve statuses permits each event: the table a card and a job ask before moving. */
    @Benchmark
    public int permitsOverTheWholeTable() {
        int permitted = 0;
        for (var status : MembershipStatus.values()) {
            for (var event : MembershipEvent.values()) {
                if (status.permits(event)) {
                    permitted++;
                }
            }
        }
        return permitted;
    }
}
