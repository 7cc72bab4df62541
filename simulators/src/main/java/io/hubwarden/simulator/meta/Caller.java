package io.hubwarden.simulator.meta;

import org.jspecify.annotations.Nullable;

/**
 * Who a Graph request acts for: the token, its app, and the person or system user behind it (neither for an app
 * token).
 */
record Caller(
        AccessToken token,
        MetaApp app,
        @Nullable FacebookPerson person,
        @Nullable SystemUser systemUser) {

    boolean hasScope(String scope) {
        return token.scopes().contains(scope);
    }
}
