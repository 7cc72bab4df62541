package io.hubwarden.connector;

import org.jspecify.annotations.Nullable;

/**
 * The hub refused the request as made: a missing permission, an invalid parameter, a task set the asset does not
 * allow, a bad app configuration. Retrying the same request will not help.
 */
public final class HubRejected extends HubFailure {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String hubMessage;

    /**
     * @param code the hub's error code, with its sub-code when there is one (Meta {@code 100/1752129})
     * @param hubMessage what the hub said, without secrets
     * @param traceId the hub's request id, or {@code null}
     */
    public HubRejected(String code, String hubMessage, @Nullable String traceId) {
        super("hub rejected the request [" + code + "]: " + hubMessage, traceId, null);
        this.code = code;
        this.hubMessage = hubMessage;
    }

    /** The hub's error code, with its sub-code when there is one. */
    public String code() {
        return code;
    }

    /** What the hub said. */
    public String hubMessage() {
        return hubMessage;
    }
}
