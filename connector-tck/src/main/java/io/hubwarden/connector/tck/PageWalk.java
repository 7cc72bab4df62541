package io.hubwarden.connector.tck;

import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every item of a hub list, read page by page as a sync job would, with what the pages looked like. */
record PageWalk<T>(List<T> items, int pages, int largestPage) {

    /** Far beyond any list a test builds; stops a connector that never ends a list. */
    private static final int MAX_PAGES = 10_000;

    static <T> PageWalk<T> of(Function<PageRequest, Page<T>> source, int size) {
        List<T> items = new ArrayList<>();
        int pages = 0;
        int largest = 0;
        PageRequest request = PageRequest.first(size);
        while (true) {
            Page<T> page = source.apply(request);
            pages++;
            largest = Math.max(largest, page.items().size());
            items.addAll(page.items());
            String next = page.next();
            if (next == null) {
                return new PageWalk<>(items, pages, largest);
            }
            if (pages >= MAX_PAGES) {
                throw new AssertionError("the list did not end after " + MAX_PAGES + " pages");
            }
            request = request.next(next);
        }
    }
}
