package io.hubwarden.platform;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The source of new identifiers. Domain code asks this bean instead of calling {@link UUID#randomUUID()}, so that a
 * test can make ids predictable.
 */
public final class Ids {

    private final Supplier<UUID> source;

    /** Random (version 4) UUIDs: the production source. */
    public Ids() {
        this(UUID::randomUUID);
    }

    /** Ids from the given source, for tests that need stable ids. */
    public Ids(Supplier<UUID> source) {
        this.source = source;
    }

    /** A new identifier, never null and, for the random source, unique in practice. */
    public UUID next() {
        return source.get();
    }
}
