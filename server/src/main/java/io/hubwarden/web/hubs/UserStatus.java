package io.hubwarden.web.hubs;

import io.hubwarden.access.MembershipStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The status chip of a row of the Users table: a membership's status, or one of the two states of a hub account that
 * no workspace person holds. Its words are the messages {@code hubs.people.status.<constant>}.
 */
enum UserStatus {
    INVITING,
    INVITED,
    JOINED,
    CONNECTED,
    INVITE_FAILED,
    INVITE_EXPIRED,
    /** A hub account no workspace person holds, waiting for someone to match, exempt or remove it. */
    UNMATCHED,
    /** A hub account no workspace person holds, left alone on purpose. */
    EXEMPTED,
    NO_SEAT,
    UPDATING,
    UPDATE_FAILED,
    REMOVING,
    REMOVED,
    REMOVAL_FAILED;

    static UserStatus of(MembershipStatus status) {
        return valueOf(status.name());
    }

    /** The status a filter names, in any case; empty for text that names none. */
    static Optional<UserStatus> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the row is shown without a filter: people who left the hub are shown only when asked for. */
    boolean shownByDefault() {
        return this != REMOVED;
    }

    /** Whether the hub's managers may send the invitation again. */
    public boolean resendable() {
        return this == INVITE_FAILED || this == INVITE_EXPIRED;
    }

    /** Whether a membership in this status still grants access that can be revoked. */
    public boolean revocable() {
        return this != UNMATCHED && this != EXEMPTED && this != REMOVING && this != REMOVED;
    }

    /** The message key of its words. */
    public String key() {
        return "hubs.people.status." + name();
    }
}
