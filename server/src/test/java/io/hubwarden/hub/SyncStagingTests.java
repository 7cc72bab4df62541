package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncStagingTests {

    /** Tasks are stored as text that equal sets share, whatever order a set gives them in. */
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                // tasks,                       stored
                "'';                            ''",
                "ANALYZE;                       ANALYZE",
                "MANAGE,ADVERTISE;              ADVERTISE,MANAGE",
                "DRAFT,ANALYZE,MANAGE,ADVERTISE; ADVERTISE,ANALYZE,DRAFT,MANAGE"
            })
    void tasksAreStoredSortedAndCommaSeparated(String tasks, String stored) {
        var set = tasks.isEmpty() ? Set.<String>of() : Set.of(tasks.split(","));

        assertThat(SyncStaging.joined(set)).isEqualTo(stored);
    }
}
