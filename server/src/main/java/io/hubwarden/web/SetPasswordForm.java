package io.hubwarden.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The set-password form of an invitation; the workspace module applies the password rules. */
record SetPasswordForm(
        @NotBlank @Nullable String password,
        @NotBlank @Nullable String confirmation) {

    static SetPasswordForm empty() {
        return new SetPasswordForm("", "");
    }

    boolean confirmed() {
        return password != null && password.equals(confirmation);
    }

    /** Never renders the password back. */
    @Override
    public String toString() {
        return "SetPasswordForm[***]";
    }
}
