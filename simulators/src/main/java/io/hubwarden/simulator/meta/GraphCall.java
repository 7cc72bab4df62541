package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.IncomingRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One authenticated Graph request on its way through the routes.
 *
 * @param request the request
 * @param caller who it acts for
 * @param selection the parsed {@code fields}, or null for default fields
 * @param letters invitation mail to send once the request's changes are made
 * @param token the access token as sent, repeated in paging links
 */
record GraphCall(
        IncomingRequest request,
        Caller caller,
        @Nullable List<Selection> selection,
        List<InvitationMail.Letter> letters,
        String token) {

    String method() {
        return request.method();
    }

    @Nullable
    String param(String name) {
        return request.param(name);
    }

    String required(String name) {
        String value = request.param(name);
        if (value == null || value.isBlank()) {
            throw GraphFailure.missingParameter(name);
        }
        return value.strip();
    }

    /**
     * A list parameter: a JSON array ({@code ["A","B"]}, as the official SDKs send lists), a comma list, or the
     * parameter repeated; null when absent.
     */
    @Nullable
    List<String> list(String name) {
        List<String> values = request.params().get(name);
        if (values == null || values.isEmpty()) {
            values = request.params().get(name + "[]");
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (String value : values) {
            String trimmed = value.strip();
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            for (String piece : trimmed.split(",")) {
                String item = piece.strip();
                if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
                    item = item.substring(1, item.length() - 1);
                }
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        return List.copyOf(items);
    }
}
