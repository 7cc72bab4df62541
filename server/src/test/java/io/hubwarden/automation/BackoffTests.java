package io.hubwarden.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTests {

    static AutomationSettings.Retry retry(double jitter) {
        return new AutomationSettings.Retry(5, Duration.ofSeconds(10), Duration.ofMinutes(15), jitter, 20);
    }

    @Test
    void doublesWithEveryRetry() {
        var backoff = new Backoff(retry(0), new Random(1));

        var waits = IntStream.rangeClosed(1, 5).mapToObj(backoff::before).toList();

        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(80),
                        Duration.ofSeconds(160));
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        var backoff = new Backoff(retry(0), new Random(1));

        assertThat(backoff.before(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.before(100)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.before(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterShortensTheWaitByAtMostItsShare() {
        var backoff = new Backoff(retry(0.5), new Random(42));

        var waits = IntStream.range(0, 1_000).mapToObj(i -> backoff.before(3)).toList();

        assertThat(waits)
                .allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40)));
        assertThat(waits.stream().distinct().count()).isGreaterThan(100);
    }

    @Test
    void jitterStillRespectsTheCap() {
        var backoff = new Backoff(retry(0.5), new Random(7));

        var waits = IntStream.range(0, 1_000).mapToObj(i -> backoff.before(30)).toList();

        assertThat(waits)
                .allSatisfy(wait ->
                        assertThat(wait).isBetween(Duration.ofMinutes(7).plusSeconds(30), Duration.ofMinutes(15)));
    }

    @Test
    void theSameSeedGivesTheSameWaits() {
        var first = new Backoff(retry(0.5), new Random(2024));
        var second = new Backoff(retry(0.5), new Random(2024));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(first::before).toList())
                .isEqualTo(IntStream.rangeClosed(1, 5).mapToObj(second::before).toList());
    }

    @Test
    void retriesAreCountedFromOne() {
        var backoff = new Backoff(retry(0), new Random(1));

        assertThatThrownBy(() -> backoff.before(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
