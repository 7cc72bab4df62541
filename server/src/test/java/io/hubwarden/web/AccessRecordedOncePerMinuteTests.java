package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

class AccessRecordedOncePerMinuteTests {

    private static final Instant STORED = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void anAccessWithinAMinuteLeavesTheStoredSessionUntouched() {
        var stored = aSessionAccessedAt(STORED);
        var session = new AccessRecordedOncePerMinute.Accessed(stored);

        session.setLastAccessedTime(STORED.plusSeconds(59));

        assertThat(stored.getLastAccessedTime()).isEqualTo(STORED);
        assertThat(session.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(59));
    }

    @Test
    void anAccessAMinuteLaterIsHandedToTheStoredSession() {
        var stored = aSessionAccessedAt(STORED);
        var session = new AccessRecordedOncePerMinute.Accessed(stored);

        session.setLastAccessedTime(STORED.plusSeconds(30));
        session.setLastAccessedTime(STORED.plus(Duration.ofMinutes(1)));

        assertThat(stored.getLastAccessedTime()).isEqualTo(STORED.plus(Duration.ofMinutes(1)));
        assertThat(session.getLastAccessedTime()).isEqualTo(STORED.plus(Duration.ofMinutes(1)));
    }

    private static MapSession aSessionAccessedAt(Instant time) {
        var session = new MapSession();
        session.setLastAccessedTime(time);
        return session;
    }
}
