package io.hubwarden.simulator.meta;

import java.time.Instant;

/**
 * A business portfolio (Business Manager).
 *
 * @param id its Graph id
 * @param name its name
 * @param createdTime when it was created
 */
public record Business(String id, String name, Instant createdTime) {}
