package io.hubwarden.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadAheadTests {

    @Test
    void everyPageIsStagedInTheOrderItWasRead() {
        var staged = new ArrayList<Integer>();

        ReadAhead.<Integer>run(
                "test-reading",
                reading -> {
                    for (int page = 1; page <= 20; page++) {
                        reading.read(page);
                    }
                },
                staged::addAll);

        assertThat(staged).containsExactlyElementsOf(rangeClosed(1, 20));
    }

    @Test
    void thePagesThatWaitWhileAPageIsStagedAreStagedTogether() {
        var stagingStarted = new CountDownLatch(1);
        var moreHandedOn = new CountDownLatch(1);
        var stagings = new ArrayList<List<Integer>>();

        ReadAhead.<Integer>run(
                "test-reading",
                reading -> {
                    reading.read(1);
                    await(stagingStarted);
                    reading.read(2);
                    reading.read(3);
                    reading.read(4);
                    moreHandedOn.countDown();
                },
                pages -> {
                    stagingStarted.countDown();
                    await(moreHandedOn);
                    stagings.add(pages);
                });

        assertThat(stagings).containsExactly(List.of(1), List.of(2, 3, 4));
    }

    @Test
    void aFailedReadingIsThrownOnceThePagesReadBeforeItAreStaged() {
        var staged = new ArrayList<Integer>();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "test-reading",
                        reading -> {
                            reading.read(1);
                            reading.read(2);
                            throw new IllegalStateException("the hub went away");
                        },
                        staged::addAll))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the hub went away");
        assertThat(staged).containsExactly(1, 2);
    }

    @Test
    void aReadThatDependsOnWhatWasStagedSeesEveryPageHandedOnBeforeIt() {
        var staged = new CopyOnWriteArrayList<Integer>();
        var seen = new ArrayList<List<Integer>>();

        ReadAhead.<Integer>run(
                "test-reading",
                reading -> {
                    reading.read(1);
                    reading.read(2);
                    reading.read(3);
                    reading.awaitStaged();
                    seen.add(List.copyOf(staged));
                    reading.read(4);
                },
                staged::addAll);

        assertThat(seen).containsExactly(List.of(1, 2, 3));
        assertThat(staged).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aFailedStagingStopsTheReading() throws InterruptedException {
        var readingEnded = new CountDownLatch(1);
        var handedOn = new CopyOnWriteArrayList<Integer>();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "test-reading",
                        reading -> {
                            try {
                                for (int page = 1; page <= 1_000; page++) {
                                    reading.read(page);
                                    handedOn.add(page);
                                }
                            } finally {
                                readingEnded.countDown();
                            }
                        },
                        pages -> {
                            throw new IllegalStateException("the database went away");
                        }))
                .hasMessage("the database went away");

        assertThat(readingEnded.await(10, TimeUnit.SECONDS))
                .as("the reading ended")
                .isTrue();
        assertThat(handedOn).hasSizeLessThanOrEqualTo(ReadAhead.AHEAD + 1);
    }

    @Test
    void eachLanesPagesAreStagedInTheOrderThatLaneReadThem() {
        var staged = new ArrayList<Integer>();

        ReadAhead.<Integer>run(
                "test-reading",
                List.of(
                        reading -> {
                            for (int page = 1; page <= 20; page++) {
                                reading.read(page);
                            }
                        },
                        reading -> {
                            for (int page = 101; page <= 120; page++) {
                                reading.read(page);
                            }
                        }),
                staged::addAll);

        assertThat(staged).filteredOn(page -> page <= 100).containsExactlyElementsOf(rangeClosed(1, 20));
        assertThat(staged).filteredOn(page -> page > 100).containsExactlyElementsOf(rangeClosed(101, 120));
    }

    @Test
    void aFailedLaneIsThrownOnceThePagesItReadBeforeAreStagedAndStopsTheOtherLanes() throws InterruptedException {
        var staged = new CopyOnWriteArrayList<Integer>();
        var otherLaneEnded = new CountDownLatch(1);

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        "test-reading",
                        List.of(
                                reading -> {
                                    reading.read(1);
                                    reading.read(2);
                                    throw new IllegalStateException("the hub went away");
                                },
                                reading -> {
                                    try {
                                        for (int page = 101; ; page++) {
                                            reading.read(page);
                                        }
                                    } finally {
                                        otherLaneEnded.countDown();
                                    }
                                }),
                        staged::addAll))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the hub went away");

        assertThat(staged).filteredOn(page -> page <= 100).containsExactly(1, 2);
        assertThat(otherLaneEnded.await(10, TimeUnit.SECONDS))
                .as("the other lane's reading ended")
                .isTrue();
    }

    @Test
    void aReadThatDependsOnWhatWasStagedSeesEveryPageItsLaneHandedOnBeforeIt() {
        var staged = new CopyOnWriteArrayList<Integer>();
        var seen = new ArrayList<List<Integer>>();

        ReadAhead.<Integer>run(
                "test-reading",
                List.of(
                        reading -> {
                            for (int page = 101; page <= 110; page++) {
                                reading.read(page);
                            }
                        },
                        reading -> {
                            reading.read(1);
                            reading.read(2);
                            reading.awaitStaged();
                            seen.add(List.copyOf(staged));
                            reading.read(3);
                        }),
                staged::addAll);

        assertThat(seen)
                .singleElement()
                .satisfies(before ->
                        assertThat(before).filteredOn(page -> page <= 100).containsExactly(1, 2));
        assertThat(staged).filteredOn(page -> page <= 100).containsExactly(1, 2, 3);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static List<Integer> rangeClosed(int from, int to) {
        var numbers = new ArrayList<Integer>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
