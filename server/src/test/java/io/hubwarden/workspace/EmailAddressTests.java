package io.hubwarden.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ada@example.com              | ada@example.com",
                "'  Ada.Lovelace@Example.COM '| ada.lovelace@example.com",
                "ops+meta@ads.example.co.uk   | ops+meta@ads.example.co.uk",
                "x@a-b.io                     | x@a-b.io"
            })
    void normalisesWhatPeopleType(String typed, String normalised) {
        assertThat(EmailAddress.parse(typed).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ada",
                "ada@",
                "@example.com",
                "ada@example",
                "ada@@example.com",
                "ada lovelace@example.com",
                "ada@-example.com",
                "ada@example..com"
            })
    void refusesWhatIsNotAnEmailAddress(String typed) {
        assertThatThrownBy(() -> EmailAddress.parse(typed)).isInstanceOf(EmailAddressMalformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada@example.com", " ada@example.com"})
    void onlyNormalisedValuesAreAddresses(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOf(EmailAddressMalformed.class);
    }
}
