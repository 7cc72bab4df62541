package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.hub.SyncCursor.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncCheckpointTests {

    @Test
    void aCheckpointReadsBackAsTheSameCursorOfEachLane() {
        var checkpoint = new SyncCheckpoint(
                new SyncCursor(Phase.MEMBERS, null, null, "QVFI;a|b"),
                new SyncCursor(Phase.GRANTS, AssetKind.AD_ACCOUNT, "act_12", "MTAx"));

        assertThat(SyncCheckpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    }

    /** A checkpoint saved when a sync read its phases one after the other: one cursor, no lanes. */
    @ParameterizedTest
    @CsvSource({
        // saved cursor,  people lane,     assets lane
        "MEMBERS|||QVFI,  MEMBERS|||QVFI,  ASSETS|||",
        "INVITATIONS|||,  INVITATIONS|||,  ASSETS|||",
        "ASSETS|PAGE||MjA, APPLY|||,       ASSETS|PAGE||MjA",
        "GRANTS|PAGE|7|,  APPLY|||,        GRANTS|PAGE|7|",
        "APPLY|||,        APPLY|||,        APPLY|||"
    })
    void aCheckpointOfOneCursorResumesTheLaneItWasInAfterTheLanesBeforeIt(String saved, String people, String assets) {
        var checkpoint = SyncCheckpoint.parse(saved);

        assertThat(checkpoint.people().text()).isEqualTo(people);
        assertThat(checkpoint.assets().text()).isEqualTo(assets);
    }

    @Test
    void theProgressCountsThePhasesDoneInBothLanes() {
        assertThat(SyncCheckpoint.START.phasesDone()).isZero();
        assertThat(new SyncCheckpoint(SyncCursor.at(Phase.INVITATIONS), SyncCursor.at(Phase.GRANTS)).phasesDone())
                .isEqualTo(2);
        assertThat(new SyncCheckpoint(SyncCursor.at(Phase.APPLY), SyncCursor.at(Phase.APPLY)).phasesDone())
                .isEqualTo(4);
    }
}
