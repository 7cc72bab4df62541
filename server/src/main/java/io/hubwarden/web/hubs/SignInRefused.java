package io.hubwarden.web.hubs;

/** The hub's sign-in came back with a {@code state} this session did not start, used already, or too late. */
final class SignInRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SignInRefused() {
        super("The sign-in is unknown, used or expired");
    }
}
