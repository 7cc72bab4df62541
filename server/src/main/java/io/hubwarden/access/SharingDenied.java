package io.hubwarden.access;

/** The person may not share this hub: only its Owners and Managers may. */
public final class SharingDenied extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SharingDenied(String message) {
        super(message);
    }
}
