package io.hubwarden.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedClockTests {

    @Test
    void aFixedClockMovesOnlyWhenAdvanced() {
        SimulatedClock clock = SimulatedClock.fixedAt(Instant.parse("2026-11-02T09:00:00Z"));

        clock.advance(Duration.ofDays(30));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aSystemClockRunsAheadOfRealTimeByItsOffset() {
        SimulatedClock clock = SimulatedClock.system();

        clock.advance(Duration.ofDays(1));

        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void timeNeverRunsBackwards() {
        SimulatedClock clock = SimulatedClock.system();

        assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(-1)));
    }
}
