package io.hubwarden.connector;

/**
 * A person's id as the hub knows them inside one business (Meta: business-scoped user id; TikTok: BC user id). Opaque; compare only for equality.
 *
 * @param value the hub's id, never blank
 */
public record HubUserId(String value) {

    /**
     * @throws IllegalArgumentException if the value is blank
     */
    public HubUserId {
        if (value.isBlank()) {
            throw new IllegalArgumentException("an id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
