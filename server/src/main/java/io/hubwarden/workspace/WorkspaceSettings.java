package io.hubwarden.workspace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the workspace module under {@code hubwarden.workspace.*}; every one has a sensible default.
 *
 * @param invitationValidity how long an invitation link works
 * @param minimumPasswordLength the shortest password accepted (the longest is 128 characters)
 * @param signIn the throttling of failed sign-ins
 */
@ConfigurationProperties("hubwarden.workspace")
record WorkspaceSettings(
        @DefaultValue("7d") Duration invitationValidity,
        @DefaultValue("12") int minimumPasswordLength,
        @DefaultValue SignIn signIn) {

    static final int MAXIMUM_PASSWORD_LENGTH = 128;

    WorkspaceSettings {
        if (invitationValidity.isNegative() || invitationValidity.isZero()) {
            throw new IllegalArgumentException("hubwarden.workspace.invitation-validity must be positive");
        }
        if (minimumPasswordLength < 8 || minimumPasswordLength > MAXIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("hubwarden.workspace.minimum-password-length must be 8 to 128");
        }
    }

    /**
     * Failed sign-ins allowed within {@code window} before further attempts are refused, counted per email and per
     * client address; the counts live in the database so that every node sees them.
     */
    record SignIn(
            @DefaultValue("5") int failuresPerEmail,
            @DefaultValue("20") int failuresPerClient,
            @DefaultValue("15m") Duration window) {

        SignIn {
            if (failuresPerEmail < 1 || failuresPerClient < 1) {
                throw new IllegalArgumentException("hubwarden.workspace.sign-in failure limits must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("hubwarden.workspace.sign-in.window must be positive");
            }
        }
    }
}
