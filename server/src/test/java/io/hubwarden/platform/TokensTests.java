package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokensTests {

    private final Tokens tokens = new Tokens(new SecureRandom());

    @Test
    void issuedTokenIsStoredAsTheHashOfItsValue() {
        var token = tokens.issue();

        assertThat(token.hash()).isEqualTo(tokens.hashOf(token.value())).matches("[0-9a-f]{64}");
        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void everyTokenIsDifferent() {
        assertThat(tokens.issue().value()).isNotEqualTo(tokens.issue().value());
    }

    @Test
    void tokenValueStaysOutOfItsTextForm() {
        var token = tokens.issue();

        assertThat(token.toString()).doesNotContain(token.value()).contains(token.hash());
    }
}
