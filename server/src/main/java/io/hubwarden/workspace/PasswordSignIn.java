package io.hubwarden.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Email and password sign-in. The workspace comes from the form when given; otherwise every person with the email is
 * tried, and the person must choose when the password opens more than one workspace (ADR 0005).
 *
 * <p>Failures are throttled per email and per client address (see {@link SignInThrottle}). A wrong password and an
 * unknown email fail the same way and take the same time.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private final People people;
    private final WorkspaceRepository workspaces;
    private final Passwords passwords;
    private final SignInThrottle throttle;

    PasswordSignIn(People people, WorkspaceRepository workspaces, Passwords passwords, SignInThrottle throttle) {
        this.people = people;
        this.workspaces = workspaces;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        var email = request.getName().trim().toLowerCase(Locale.ROOT);
        var password = request.getCredentials() instanceof String text ? text : "";
        var details = request.getDetails() instanceof SignInDetails given ? given : new SignInDetails("unknown", null);

        var blocked = throttle.blockedFor(email, details.clientAddress());
        if (blocked.isPresent()) {
            throw new SignInThrottled(blocked.get());
        }

        var matching = new ArrayList<Person>();
        var checked = false;
        for (var candidate : candidates(email, details.workspace())) {
            var hash = candidate.passwordHash();
            if (hash != null) {
                checked = true;
                if (passwords.matches(password, hash)) {
                    matching.add(candidate);
                }
            }
        }
        if (!checked) {
            passwords.checkNothing(password);
        }
        if (matching.isEmpty()) {
            throttle.failed(email, details.clientAddress());
            throw new BadCredentialsException("Wrong email or password");
        }

        var active = matching.stream().filter(Person::isActive).toList();
        if (active.isEmpty()) {
            throw new DisabledException(
                    "This person cannot sign in: " + matching.get(0).view().status());
        }
        if (active.size() > 1) {
            throw new SignInNeedsWorkspace(choices(active));
        }
        throttle.succeeded(email);
        var person = active.get(0).signedIn();
        return UsernamePasswordAuthenticationToken.authenticated(person, null, person.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private List<Person> candidates(String email, @Nullable String workspace) {
        if (workspace == null || workspace.isBlank()) {
            return people.findByEmail(email);
        }
        return workspaces
                .findBySlug(workspace.trim().toLowerCase(Locale.ROOT))
                .flatMap(found -> people.findByWorkspaceIdAndEmail(found.id(), email))
                .map(List::of)
                .orElse(List.of());
    }

    private List<SignInNeedsWorkspace.WorkspaceChoice> choices(List<Person> people) {
        return people.stream()
                .map(person -> workspaces.findById(person.workspaceId()).orElseThrow())
                .map(workspace -> new SignInNeedsWorkspace.WorkspaceChoice(workspace.slug(), workspace.name()))
                .sorted(Comparator.comparing(SignInNeedsWorkspace.WorkspaceChoice::name))
                .toList();
    }
}
