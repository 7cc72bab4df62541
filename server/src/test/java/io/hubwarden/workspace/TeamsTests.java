package io.hubwarden.workspace;

import static io.hubwarden.workspace.WorkspacesTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.Unique;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WorkspaceModuleTest
class TeamsTests {

    @Autowired
    Teams teams;

    @Autowired
    Workspaces workspaces;

    @Test
    void teamIsStoredWithItsMembers() {
        var created = workspaces.create(Unique.name("Acme"), Unique.email("owner"), "Olivia", PASSWORD);
        var owner = workspaces.person(created.ownerId()).orElseThrow();
        var team = Team.local(new TeamId(UUID.randomUUID()), created.workspaceId(), " Paid social ", Instant.now());
        team.add(owner);
        team.add(owner);

        teams.save(team);

        assertThat(teams.findByWorkspaceIdOrderByNameAsc(created.workspaceId()))
                .singleElement()
                .satisfies(found -> {
                    assertThat(found.name()).isEqualTo("Paid social");
                    assertThat(found.source()).isEqualTo(PersonSource.LOCAL);
                    assertThat(found.memberIds()).containsExactly(created.ownerId());
                });
    }

    @Test
    void teamHoldsOnlyPeopleOfItsWorkspace() {
        var mine = workspaces.create(Unique.name("Acme"), Unique.email("owner"), "Olivia", PASSWORD);
        var theirs = workspaces.create(Unique.name("Other"), Unique.email("owner"), "Oscar", PASSWORD);
        var team = Team.local(new TeamId(UUID.randomUUID()), mine.workspaceId(), "Paid social", Instant.now());

        assertThatThrownBy(() -> team.add(workspaces.person(theirs.ownerId()).orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
