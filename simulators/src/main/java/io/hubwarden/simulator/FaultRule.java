package io.hubwarden.simulator;

/**
 * A fault waiting for matching requests.
 *
 * @param method the HTTP method it applies to, or {@code *} for any
 * @param pathPattern the path it applies to: {@code *} stands for one path segment, {@code **} for any number; the
 *     hub's version prefix and a trailing slash are ignored (e.g. {@code /*}{@code /business_users})
 * @param fault what happens to a matching request
 * @param remaining how many more matching requests it will hit
 */
public record FaultRule(String method, String pathPattern, Fault fault, int remaining) {}
