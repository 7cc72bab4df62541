package io.hubwarden.connector.meta;

import io.hubwarden.connector.EmailAddress;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API's JSON shapes, as far as the connector reads them. Field names follow Graph's snake case through the
 * mapper's naming strategy; fields the connector does not read are ignored, so additions on Meta's side do not
 * break it. Required fields are checked in the constructors, which turns a malformed answer into a parse failure.
 */
final class GraphWire {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private GraphWire() {}

    /** The address, or {@code null} when Graph hides it or shows something that is not an address. */
    static @Nullable EmailAddress email(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EmailAddress.of(value);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** One page of an edge: {@code {"data":[…],"paging":{"cursors":{…},"next":"…"}}}. */
    record Listing<T>(@Nullable List<T> data, @Nullable Paging paging) {

        List<T> items() {
            return data == null ? List.of() : data;
        }

        /**
         * The cursor of the following page. Graph ends a list by leaving out {@code next}; a page may be short or
         * empty and still have one.
         */
        @Nullable
        String after() {
            if (paging == null || paging.next() == null) {
                return null;
            }
            Cursors cursors = paging.cursors();
            return cursors == null ? null : cursors.after();
        }
    }

    /** A page as its answer's text holds it, or Graph's error in its place. */
    record PageAnswer<T>(
            @Nullable GraphError error,
            @Nullable List<T> data,
            @Nullable Paging paging) {}

    record Paging(@Nullable Cursors cursors, @Nullable String next) {}

    record Cursors(@Nullable String before, @Nullable String after) {}

    record Business(String id, @Nullable String name) {
        Business {
            Objects.requireNonNull(id, "id");
        }
    }

    record BusinessUser(
            String id,
            @Nullable String name,
            @Nullable String email,
            @Nullable String role,
            @Nullable List<String> tasks,
            @Nullable Business business) {
        BusinessUser {
            Objects.requireNonNull(id, "id");
        }
    }

    record RoleRequest(
            String id,
            @Nullable String email,
            @Nullable String role,
            @Nullable String status,
            @Nullable String expirationTime) {
        RoleRequest {
            Objects.requireNonNull(id, "id");
        }
    }

    record Asset(String id, @Nullable String name, @Nullable String username) {
        Asset {
            Objects.requireNonNull(id, "id");
        }
    }

    record AssignedUser(
            String id, @Nullable String name, @Nullable List<String> tasks) {
        AssignedUser {
            Objects.requireNonNull(id, "id");
        }
    }

    record Profile(
            String id, @Nullable String name, @Nullable String email) {
        Profile {
            Objects.requireNonNull(id, "id");
        }
    }

    record Token(String accessToken, @Nullable Long expiresIn) {
        Token {
            Objects.requireNonNull(accessToken, "access_token");
        }
    }

    /** What a POST or DELETE answers: {@code {"id":"…"}} for a creation, {@code {"success":true}} otherwise. */
    record WriteResult(@Nullable String id, @Nullable Boolean success) {}

    /** The body of Graph's error envelope {@code {"error":{…}}}. */
    record GraphError(
            @Nullable String message,
            @Nullable String type,
            @Nullable Integer code,
            @Nullable Integer errorSubcode,
            @Nullable String fbtraceId,
            @Nullable Boolean isTransient) {}

    /** One entry of the {@code X-Business-Use-Case-Usage} header. */
    record BusinessUseCase(@Nullable String type, @Nullable Long estimatedTimeToRegainAccess) {}
}
