package io.hubwarden.platform;

/**
 * One missing or invalid setting found at start.
 *
 * @param variable the environment variable that fixes it
 * @param property the equivalent Spring property
 * @param problem what is wrong, never quoting a secret
 */
record ConfigurationProblem(String variable, String property, String problem) {}
