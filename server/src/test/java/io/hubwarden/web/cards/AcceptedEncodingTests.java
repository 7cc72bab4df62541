package io.hubwarden.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptedEncodingTests {

    @ParameterizedTest
    @ValueSource(
            strings = {"gzip", "gzip, deflate, br, zstd", "br;q=1.0, GZIP;q=0.5", "deflate , gzip ; q=0.001", "gzip;q=1"
            })
    void gzipNamedWithAWeightAboveZeroIsAccepted(String acceptEncoding) {
        assertThat(CardsController.acceptsGzip(acceptEncoding)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"identity", "deflate, br", "gzip;q=0", "gzip; q=0.000, br", "x-gzip", "*", "gzipped"})
    void gzipAbsentOrRefusedIsNotAccepted(String acceptEncoding) {
        assertThat(CardsController.acceptsGzip(acceptEncoding)).isFalse();
    }
}
