package io.hubwarden.workspace;

import static io.hubwarden.workspace.WorkspacesTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubwarden.TestClock;
import io.hubwarden.Unique;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

@WorkspaceModuleTest
class PasswordSignInTests {

    @Autowired
    AuthenticationProvider signIn;

    @Autowired
    Workspaces workspaces;

    @Autowired
    TestClock clock;

    String client = "";

    /** Each test signs in from its own address, so that failures of one do not throttle another. */
    @BeforeEach
    void newClientAddress() {
        client = Unique.clientAddress();
    }

    @Test
    void rightPasswordSignsInWithPersonWorkspaceRoleAndPermissions() {
        var email = Unique.email("Owner");
        var created = workspaces.create(Unique.name("Acme"), email, "Olivia", PASSWORD);

        var result = signIn(email.toUpperCase(Locale.ROOT), PASSWORD, null);

        assertThat(result.getPrincipal()).isInstanceOfSatisfying(SignedInPerson.class, person -> {
            assertThat(person.personId()).isEqualTo(created.ownerId());
            assertThat(person.workspaceId()).isEqualTo(created.workspaceId());
            assertThat(person.role()).isEqualTo(WorkspaceRole.OWNER);
            assertThat(person.getName()).isEqualTo(created.ownerId().toString());
        });
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_OWNER", "MANAGE_PEOPLE", "MANAGE_WORKSPACE");
    }

    @Test
    void wrongPasswordAndUnknownEmailFailAlike() {
        var email = Unique.email("Owner");
        workspaces.create(Unique.name("Acme"), email, "Olivia", PASSWORD);

        assertThatThrownBy(() -> signIn(email, "wrong password!", null))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong email or password");
        assertThatThrownBy(() -> signIn(Unique.email("nobody"), PASSWORD, null))
                .isExactlyInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong email or password");
    }

    @Test
    void invitedPersonWithoutPasswordCannotSignIn() {
        var created = workspaces.create(Unique.name("Acme"), Unique.email("Owner"), "Olivia", PASSWORD);
        var email = Unique.email("Invited");
        workspaces.invite(created.ownerId(), email, "Ivy", WorkspaceRole.USER);

        assertThatThrownBy(() -> signIn(email, "", null)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void fifthFailureThrottlesTheEmailEvenForTheRightPasswordUntilTheWindowPasses() {
        var email = Unique.email("Owner");
        workspaces.create(Unique.name("Acme"), email, "Olivia", PASSWORD);
        for (var attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> signIn(email, "wrong password!", null))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn(email, PASSWORD, null))
                .isInstanceOfSatisfying(
                        SignInThrottled.class,
                        throttled -> assertThat(throttled.retryAfterMinutes()).isEqualTo(15));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(signIn(email, PASSWORD, null).isAuthenticated()).isTrue();
    }

    @Test
    void throttledMinutesCountDownAsTimePasses() {
        var email = Unique.email("Owner");
        workspaces.create(Unique.name("Acme"), email, "Olivia", PASSWORD);
        for (var attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> signIn(email, "wrong password!", null))
                    .isInstanceOf(BadCredentialsException.class);
        }

        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> signIn(email, PASSWORD, null))
                .isInstanceOfSatisfying(
                        SignInThrottled.class,
                        throttled -> assertThat(throttled.retryAfterMinutes()).isEqualTo(4));
    }

    @Test
    void twentiethFailureFromOneClientThrottlesEveryEmailFromIt() {
        var email = Unique.email("Owner");
        workspaces.create(Unique.name("Acme"), email, "Olivia", PASSWORD);
        for (var attempt = 0; attempt < 20; attempt++) {
            var guess = Unique.email("guess");
            assertThatThrownBy(() -> signIn(guess, "wrong password!", null))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn(email, PASSWORD, null)).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void successForgivesEarlierFailuresOfTheEmail() {
        var email = Unique.email("Owner");
        workspaces.create(Unique.name("Acme"), email, "Olivia", PASSWORD);
        for (var attempt = 0; attempt < 4; attempt++) {
            assertThatThrownBy(() -> signIn(email, "wrong password!", null))
                    .isInstanceOf(BadCredentialsException.class);
        }
        signIn(email, PASSWORD, null);

        assertThatThrownBy(() -> signIn(email, "wrong password!", null)).isInstanceOf(BadCredentialsException.class);
        assertThat(signIn(email, PASSWORD, null).isAuthenticated()).isTrue();
    }

    @Test
    void emailWithTheSamePasswordInTwoWorkspacesMustChooseOne() {
        var email = Unique.email("Consultant");
        var first = workspaces.create(Unique.name("Alpha"), email, "Casey", PASSWORD);
        var second = workspaces.create(Unique.name("Beta"), email, "Casey", PASSWORD);

        assertThatThrownBy(() -> signIn(email, PASSWORD, null))
                .isInstanceOfSatisfying(
                        SignInNeedsWorkspace.class,
                        ambiguous -> assertThat(ambiguous.choices())
                                .extracting(SignInNeedsWorkspace.WorkspaceChoice::slug)
                                .containsExactlyInAnyOrder(first.slug(), second.slug()));
        assertThat(signIn(email, PASSWORD, second.slug()).getPrincipal())
                .isInstanceOfSatisfying(
                        SignedInPerson.class,
                        person -> assertThat(person.workspaceId()).isEqualTo(second.workspaceId()));
    }

    @Test
    void emailInTwoWorkspacesWithDifferentPasswordsSignsIntoTheOneThePasswordOpens() {
        var email = Unique.email("Consultant");
        workspaces.create(Unique.name("Alpha"), email, "Casey", PASSWORD);
        var second = workspaces.create(Unique.name("Beta"), email, "Casey", "another long password");

        var result = signIn(email, "another long password", null);

        assertThat(result.getPrincipal())
                .isInstanceOfSatisfying(
                        SignedInPerson.class,
                        person -> assertThat(person.workspaceId()).isEqualTo(second.workspaceId()));
    }

    private Authentication signIn(String email, String password, @Nullable String workspace) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        request.setDetails(new SignInDetails(client, workspace));
        return Objects.requireNonNull(signIn.authenticate(request));
    }
}
