package io.hubwarden.hub;

import java.util.List;

/**
 * A workspace's hubs as tenant cards show them, by label, with the version of the workspace's hub views ({@link
 * Hubs#viewsVersion}) as the same statement read them: the version is exactly that of these summaries.
 */
public record HubSummaries(String version, List<HubSummary> hubs) {

    public HubSummaries {
        hubs = List.copyOf(hubs);
    }
}
