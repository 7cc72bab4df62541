package io.hubwarden.workspace;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this email or from this client; refused even with the right password. */
public final class SignInThrottled extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    SignInThrottled(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, rounded up, at least 1. */
    public long retryAfterMinutes() {
        var minutes = retryAfter.toMinutes();
        return Math.max(1, retryAfter.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1);
    }
}
