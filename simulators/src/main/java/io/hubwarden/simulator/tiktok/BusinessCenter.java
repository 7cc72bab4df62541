package io.hubwarden.simulator.tiktok;

/**
 * A Business Center, as {@code bc/get} describes it in {@code bc_info}.
 *
 * @param bcId its id
 * @param name its name
 * @param company the company it belongs to
 * @param currency its billing currency
 * @param registeredArea the country it is registered in
 * @param timezone its time zone
 */
public record BusinessCenter(
        String bcId, String name, String company, String currency, String registeredArea, String timezone) {}
