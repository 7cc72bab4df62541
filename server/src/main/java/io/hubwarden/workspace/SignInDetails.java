package io.hubwarden.workspace;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * What the sign-in form carries besides email and password; the web layer attaches it to the authentication
 * request.
 *
 * @param clientAddress the address failed sign-ins are counted against
 * @param workspace the workspace slug typed or chosen on the form; null or blank means "any workspace of this email"
 */
public record SignInDetails(String clientAddress, @Nullable String workspace) implements Serializable {

    private static final long serialVersionUID = 1L;
}
