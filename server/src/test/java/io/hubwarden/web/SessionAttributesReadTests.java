package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.SignInDetails;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.WorkspaceRole;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

class SessionAttributesReadTests {

    private final SessionAttributesRead read =
            new SessionAttributesRead(getClass().getClassLoader(), 2);
    private final SerializingConverter stored = new SerializingConverter();

    @Test
    void aSignedInContextReadAgainIsEqualToTheStoredOneButNeverTheSameObject() {
        var context = signedIn("ana@example.com");
        var bytes = stored.convert(context);

        var first = (SecurityContext) read.convert(bytes);
        var again = (SecurityContext) read.convert(bytes);

        assertThat(first).isEqualTo(context);
        assertThat(again).isEqualTo(context).isNotSameAs(first);
        assertThat(again.getAuthentication()).isNotSameAs(first.getAuthentication());
        assertThat(authentication(again).getDetails())
                .isEqualTo(authentication(context).getDetails());
        assertThat(read.kept()).isEqualTo(1);
    }

    @Test
    void aContextClearedInPlaceLeavesTheNextReadSignedIn() {
        var bytes = stored.convert(signedIn("ana@example.com"));
        var signingOut = (SecurityContext) read.convert(bytes);
        var meanwhile = (SecurityContext) read.convert(bytes);

        signingOut.setAuthentication(null);
        authentication(meanwhile).setAuthenticated(false);

        var next = (SecurityContext) read.convert(bytes);
        assertThat(authentication(next).isAuthenticated()).isTrue();
        assertThat(authentication(next).getPrincipal()).isInstanceOf(SignedInPerson.class);
    }

    @Test
    void otherAttributesAndOtherContextsAreDeserializedOnEveryRead() {
        var other = new SecurityContextImpl(new TestingAuthenticationToken("lu", "pw", "ROLE_USER"));
        var otherBytes = stored.convert(other);
        var listBytes = stored.convert(List.of("a", "b"));

        assertThat(read.convert(otherBytes)).isEqualTo(other).isNotSameAs(read.convert(otherBytes));
        assertThat(read.convert(listBytes)).isEqualTo(List.of("a", "b"));
        assertThat(read.kept()).isZero();
    }

    @Test
    void noMoreContextsAreKeptThanTheBound() {
        var ana = stored.convert(signedIn("ana@example.com"));
        var lu = stored.convert(signedIn("lu@example.com"));
        var mo = stored.convert(signedIn("mo@example.com"));

        read.convert(ana);
        read.convert(lu);
        read.convert(mo);

        assertThat(read.kept()).isEqualTo(2);
        assertThat(read.convert(ana)).isEqualTo(read.convert(ana));
        assertThat(read.kept()).isEqualTo(2);
    }

    private static Authentication authentication(SecurityContext context) {
        return Objects.requireNonNull(context.getAuthentication());
    }

    static SecurityContextImpl signedIn(String email) {
        var person = new SignedInPerson(
                new PersonId(UUID.randomUUID()),
                new WorkspaceId(UUID.randomUUID()),
                WorkspaceRole.USER,
                email,
                "Someone");
        var token = UsernamePasswordAuthenticationToken.authenticated(person, null, person.authorities());
        token.setDetails(new SignInDetails("127.0.0.1", null));
        return new SecurityContextImpl(token);
    }
}
