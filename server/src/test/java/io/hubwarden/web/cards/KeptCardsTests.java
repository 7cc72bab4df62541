package io.hubwarden.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class KeptCardsTests {

    private static final WorkspaceId WORKSPACE = new WorkspaceId(UUID.randomUUID());
    private static final WorkspaceId OTHER_WORKSPACE = new WorkspaceId(UUID.randomUUID());
    private static final PersonId ANA = new PersonId(UUID.randomUUID());
    private static final PersonId LU = new PersonId(UUID.randomUUID());
    private static final PersonId MO = new PersonId(UUID.randomUUID());

    /** What a body of 100 bytes of JSON takes, with its compressed form. */
    private static final long HUNDRED = sizeOf(json(100));

    private final KeptCards kept = new KeptCards(8 * HUNDRED);

    @Test
    void aBodyIsGivenForTheTagItWasMadeUnderOnly() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(10));

        assertThat(body(WORKSPACE, ANA, "W/\"a\"").json()).hasSize(10);
        assertThat(kept.body(WORKSPACE, ANA, "W/\"b\"")).isNull();
    }

    @Test
    void aBodyIsGivenToItsPersonInItsWorkspaceOnly() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(10));

        assertThat(kept.body(WORKSPACE, LU, "W/\"a\"")).isNull();
        assertThat(kept.body(OTHER_WORKSPACE, ANA, "W/\"a\"")).isNull();
    }

    @Test
    void aKeptBodyHoldsItsJsonCompressedToo() throws IOException {
        var json = "[{\"hub\":\"one\"},{\"hub\":\"one\"},{\"hub\":\"one\"}]".getBytes(StandardCharsets.UTF_8);

        var body = Objects.requireNonNull(kept.keep(WORKSPACE, ANA, "W/\"a\"", json));

        try (var in = new GZIPInputStream(new ByteArrayInputStream(body.gzip()))) {
            assertThat(in.readAllBytes()).isEqualTo(json);
        }
        assertThat(kept.kept()).isEqualTo(json.length + body.gzip().length);
    }

    @Test
    void aNewerBodyReplacesThePersonsOlderOne() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(10));
        kept.keep(WORKSPACE, ANA, "W/\"b\"", json(20));

        assertThat(kept.body(WORKSPACE, ANA, "W/\"a\"")).isNull();
        assertThat(body(WORKSPACE, ANA, "W/\"b\"").json()).hasSize(20);
        assertThat(kept.kept()).isEqualTo(sizeOf(json(20)));
    }

    @Test
    void theLeastRecentlyUsedBodiesLeaveOnceTheBoundIsReached() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(100));
        kept.keep(WORKSPACE, LU, "W/\"l\"", json(100));
        kept.body(WORKSPACE, ANA, "W/\"a\"");
        for (var i = 0; i < 6; i++) {
            kept.keep(OTHER_WORKSPACE, new PersonId(UUID.randomUUID()), "W/\"o\"", json(100));
        }

        assertThat(kept.kept()).isEqualTo(8 * HUNDRED);
        kept.keep(WORKSPACE, MO, "W/\"m\"", json(100));

        assertThat(kept.kept()).isEqualTo(8 * HUNDRED);
        assertThat(kept.body(WORKSPACE, LU, "W/\"l\"")).isNull();
        assertThat(body(WORKSPACE, ANA, "W/\"a\"").json()).hasSize(100);
        assertThat(body(WORKSPACE, MO, "W/\"m\"").json()).hasSize(100);
    }

    @Test
    void aBodyLargerThanAnEighthOfTheBoundIsNotKept() {
        kept.keep(WORKSPACE, ANA, "W/\"a\"", json(50));

        var large = kept.keep(WORKSPACE, ANA, "W/\"b\"", json(101));

        assertThat(large).isNull();
        assertThat(kept.body(WORKSPACE, ANA, "W/\"a\"")).isNull();
        assertThat(kept.body(WORKSPACE, ANA, "W/\"b\"")).isNull();
        assertThat(kept.kept()).isZero();
    }

    private KeptCards.Body body(WorkspaceId workspace, PersonId person, String tag) {
        return Objects.requireNonNull(kept.body(workspace, person, tag));
    }

    private static long sizeOf(byte[] json) {
        var alone = new KeptCards(Long.MAX_VALUE);
        alone.keep(WORKSPACE, ANA, "W/\"x\"", json);
        return alone.kept();
    }

    private static byte[] json(int length) {
        return new byte[length];
    }
}
