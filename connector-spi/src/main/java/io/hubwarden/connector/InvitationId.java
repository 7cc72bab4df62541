package io.hubwarden.connector;

/**
 * A pending invitation's id as the hub knows it. Opaque. Meta: the business role request id; TikTok, which has no invitation id, uses the invited e-mail address.
 *
 * @param value the hub's id, never blank
 */
public record InvitationId(String value) {

    /**
     * @throws IllegalArgumentException if the value is blank
     */
    public InvitationId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("an id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
