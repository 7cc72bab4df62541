package io.hubwarden.connector;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a hub list.
 *
 * @param items the items of this page, possibly none even when more pages follow
 * @param next the cursor of the following page, or {@code null} when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String next) {

    public Page {
        items = List.copyOf(items);
        if (next != null && next.isBlank()) {
            throw new IllegalArgumentException("a next cursor must not be blank; use null on the last page");
        }
    }

    /** The last page of a list. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return next != null;
    }

    /** The request for the following page with the same size, if there is one. */
    public Optional<PageRequest> nextRequest(PageRequest current) {
        return next == null ? Optional.empty() : Optional.of(current.next(next));
    }
}
