package io.hubwarden.connector.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Graph's times, read field by field, come out as the pattern formatter reads them. */
class GraphTimesTests {

    private static final DateTimeFormatter GRAPH_STYLE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-01T10:00:00+0000",
                "2026-02-28T23:59:59+0000",
                "2024-02-29T00:00:00+0000",
                "1999-12-31T23:59:59+0530",
                "2030-06-15T01:02:03-0800",
                "2026-01-01T00:00:00-0000"
            })
    void aGraphStyleTimeReadsAsTheFormatterReadsIt(String written) {
        assertThat(PendingUsers.graphTime(written))
                .isEqualTo(OffsetDateTime.parse(written, GRAPH_STYLE).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2026-12-01T10:00:00Z",
                "2026-12-01T10:00:00+00:00",
                "2026-12-01 10:00:00+0000",
                "2026-12-01T10:00:00.000+0000",
                "2026-13-01T10:00:00+0000",
                "2026-02-30T10:00:00+0000",
                "2026-12-01T24:00:00+0000",
                "2026-12-0xT10:00:00+0000",
                "2026-12-01T10:00:00+1900",
                "1764583200"
            })
    void anythingElseIsLeftToTheFormatters(String written) {
        assertThat(PendingUsers.graphTime(written)).isNull();
    }
}
