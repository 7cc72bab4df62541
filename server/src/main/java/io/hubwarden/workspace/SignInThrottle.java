package io.hubwarden.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per email and per client address in a sliding window, in the database so that all nodes
 * share the counts. Attempts refused by the throttle are not counted, so a lock ends one window after the last real
 * failure.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkspaceSettings.SignIn settings;

    SignInThrottle(JdbcClient jdbc, Clock clock, WorkspaceSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings.signIn();
    }

    /** How long sign-ins for this email or from this client stay refused; empty when they are allowed. */
    Optional<Duration> blockedFor(String email, String client) {
        var now = clock.instant();
        var byEmail = waitFor("email", email, settings.failuresPerEmail(), now);
        var byClient = waitFor("client_address", client, settings.failuresPerClient(), now);
        return byEmail.compareTo(byClient) >= 0 ? positive(byEmail) : positive(byClient);
    }

    void failed(String email, String client) {
        var now = clock.instant();
        jdbc.sql("delete from sign_in_failure where failed_at <= :cutoff")
                .param("cutoff", utc(now.minus(settings.window())))
                .update();
        jdbc.sql("insert into sign_in_failure (email, client_address, failed_at) values (:email, :client, :now)")
                .param("email", email)
                .param("client", client)
                .param("now", utc(now))
                .update();
    }

    /** A successful sign-in forgives the email's earlier failures (not the client's). */
    void succeeded(String email) {
        jdbc.sql("delete from sign_in_failure where email = :email")
                .param("email", email)
                .update();
    }

    /**
     * With {@code limit} or more failures in the window, sign-in opens again when the limit-th most recent of them
     * leaves the window.
     */
    private Duration waitFor(String column, String value, int limit, Instant now) {
        List<OffsetDateTime> recent = jdbc.sql("select failed_at from sign_in_failure where " + column
                        + " = :value and failed_at > :since order by failed_at desc limit :limit")
                .param("value", value)
                .param("since", utc(now.minus(settings.window())))
                .param("limit", limit)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                .list();
        if (recent.size() < limit) {
            return Duration.ZERO;
        }
        var reopensAt = recent.get(limit - 1).toInstant().plus(settings.window());
        return Duration.between(now, reopensAt);
    }

    private static Optional<Duration> positive(Duration duration) {
        return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
