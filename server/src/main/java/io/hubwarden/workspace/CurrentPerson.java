package io.hubwarden.workspace;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in on the current request. Controllers may also take {@code @AuthenticationPrincipal SignedInPerson};
 * services of other modules use this bean.
 */
@Component
public class CurrentPerson {

    /** The signed-in person, or empty for anonymous requests and requests outside a web request. */
    public Optional<SignedInPerson> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            return Optional.of(person);
        }
        return Optional.empty();
    }

    /**
     * The signed-in person.
     *
     * @throws AuthenticationCredentialsNotFoundException when no one is signed in
     */
    public SignedInPerson get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No one is signed in"));
    }
}
