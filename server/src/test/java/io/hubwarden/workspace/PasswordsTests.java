package io.hubwarden.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class PasswordsTests {

    private final Passwords passwords = new Passwords(defaultSettings());

    @Test
    void hashIsArgon2idWithTheParametersOfTheDecisionRecord() {
        var hash = passwords.hash("correct horse battery staple");

        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery stapler", hash)).isFalse();
    }

    @Test
    void sameParametersHashTheStandInForUnknownEmails() {
        var prefix = passwords
                .hash("correct horse battery staple")
                .substring(0, "{argon2}$argon2id$v=19$m=19456,t=2,p=1$".length());

        assertThat(Passwords.UNUSED_HASH).startsWith(prefix);
    }

    @Test
    void passwordOutsideTheLengthRulesIsRefused() {
        assertThatThrownBy(() -> passwords.hash("eleven char")).isInstanceOf(PasswordTooWeak.class);
        assertThatThrownBy(() -> passwords.hash("x".repeat(129))).isInstanceOf(PasswordTooWeak.class);
        assertThat(passwords.hash("twelve chars")).isNotBlank();
    }

    @Test
    void overlongGuessNeverMatches() {
        var hash = passwords.hash("correct horse battery staple");

        assertThat(passwords.matches("x".repeat(10_000), hash)).isFalse();
    }

    private static WorkspaceSettings defaultSettings() {
        return Binder.get(new MockEnvironment()).bindOrCreate("hubwarden.workspace", WorkspaceSettings.class);
    }
}
