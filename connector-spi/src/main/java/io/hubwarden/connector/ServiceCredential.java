package io.hubwarden.connector;

/**
 * The token a connector acts with on the business: a Full-control person's token obtained with {@link
 * HubConnector#serviceConnection()}, or a system-user token an operator pasted. The host stores it; connectors
 * receive it with each call and keep nothing.
 *
 * @param token the access token
 */
public record ServiceCredential(Secret token) {

    /** A credential from a pasted or stored token. */
    public static ServiceCredential of(String token) {
        return new ServiceCredential(Secret.of(token));
    }
}
