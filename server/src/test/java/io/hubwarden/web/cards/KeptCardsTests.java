package io.hubwarden.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeptCardsTests {

    private static final WorkspaceId WORKSPACE = new WorkspaceId(UUID.randomUUID());
    private static final WorkspaceId OTHER_WORKSPACE = new WorkspaceId(UUID.randomUUID());
    private static final PersonId ANA = new PersonId(UUID.randomUUID());
    private static final PersonId LU = new PersonId(UUID.randomUUID());
    private static final PersonId MO = new PersonId(UUID.randomUUID());

    private final KeptCards kept = new KeptCards(800);

    @Test
    void aBodyIsGivenForTheTagItWasMadeUnderOnly() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(10));

        assertThat(kept.json(WORKSPACE, ANA, "W/\"a\"")).hasSize(10);
        assertThat(kept.json(WORKSPACE, ANA, "W/\"b\"")).isNull();
    }

    @Test
    void aBodyIsGivenToItsPersonInItsWorkspaceOnly() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(10));

        assertThat(kept.json(WORKSPACE, LU, "W/\"a\"")).isNull();
        assertThat(kept.json(OTHER_WORKSPACE, ANA, "W/\"a\"")).isNull();
    }

    @Test
    void aNewerBodyReplacesThePersonsOlderOne() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(10));
        kept.keep(WORKSPACE, ANA, "W/\"b\"", json(20));

        assertThat(kept.json(WORKSPACE, ANA, "W/\"a\"")).isNull();
        assertThat(kept.json(WORKSPACE, ANA, "W/\"b\"")).hasSize(20);
        assertThat(kept.kept()).isEqualTo(20);
    }

    @Test
    void theLeastRecentlyUsedBodiesLeaveOnceTheBoundIsReached() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(100));
        kept.keep(WORKSPACE, LU, "W/\"l\"", json(100));
        kept.json(WORKSPACE, ANA, "W/\"a\"");
        for (var i = 0; i < 6; i++) {
            kept.keep(OTHER_WORKSPACE, new PersonId(UUID.randomUUID()), "W/\"o\"", json(100));
        }

        assertThat(kept.kept()).isEqualTo(800);
        kept.keep(WORKSPACE, MO, "W/\"m\"", json(100));

        assertThat(kept.kept()).isEqualTo(800);
        assertThat(kept.json(WORKSPACE, LU, "W/\"l\"")).isNull();
        assertThat(kept.json(WORKSPACE, ANA, "W/\"a\"")).hasSize(100);
        assertThat(kept.json(WORKSPACE, MO, "W/\"m\"")).hasSize(100);
    }

    @Test
    void aBodyLargerThanAnEighthOfTheBoundIsNotKept() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(50));
        kept.keep(WORKSPACE, ANA, "W/\"b\"", json(101));

        assertThat(kept.json(WORKSPACE, ANA, "W/\"a\"")).isNull();
        assertThat(kept.json(WORKSPACE, ANA, "W/\"b\"")).isNull();
        assertThat(kept.kept()).isZero();
    }

    private static byte[] json(int length) {
        return new byte[length];
    }
}
