package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * One page to read from a hub list. Paging is explicit so that a job can store the cursor and yield between pages.
 * A cursor is opaque, holds no secret, and is only good for the connector and list that produced it; hubs may
 * invalidate it when the list changes.
 *
 * @param cursor where to continue, as returned in {@link Page#next()}, or {@code null} for the first page
 * @param size how many items at most; a hub may return fewer (even none) and still have a next page
 */
public record PageRequest(@Nullable String cursor, int size) {

    /** The most items any page may ask for; connectors cap it further at the hub's own limit. */
    public static final int MAX_SIZE = 1000;

    /**
     * @throws IllegalArgumentException if the size is not between 1 and {@link #MAX_SIZE}, or the cursor is blank
     */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a page size must be between 1 and " + MAX_SIZE);
        }
        if (cursor != null && cursor.isBlank()) {
            throw new IllegalArgumentException("a cursor must not be blank; use null for the first page");
        }
    }

    /** The first page of the given size. */
    public static PageRequest first(int size) {
        return new PageRequest(null, size);
    }

    /** The page after the given one, with the same size. */
    public PageRequest next(String nextCursor) {
        return new PageRequest(nextCursor, size);
    }
}
