package io.hubwarden.connector;

/**
 * The business (Meta business portfolio, TikTok Business Center) that a connector manages.
 *
 * @param id the hub's id of the business
 * @param name its name as the hub shows it
 */
public record BusinessInfo(String id, String name) {

    /**
     * @throws IllegalArgumentException if the id is blank
     */
    public BusinessInfo {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a business needs an id");
        }
    }
}
