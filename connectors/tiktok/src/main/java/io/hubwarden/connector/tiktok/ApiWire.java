package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.EmailAddress;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Business API's JSON shapes, as far as the connector reads them: the {@code data} of each endpoint. Field names
 * follow TikTok's snake case through the mapper's naming strategy; unknown fields are ignored.
 */
final class ApiWire {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ApiWire() {}

    /**
     * The address, or {@code null} when TikTok hides it (masked as {@code a***@acme.test}) or shows something that is
     * not an address.
     */
    static @Nullable EmailAddress email(@Nullable String value) {
        if (value == null || value.isBlank() || value.contains("*")) {
            return null;
        }
        try {
            return EmailAddress.of(value);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** One page of a list: {@code {"list":[…],"page_info":{…}}}. */
    record Listing<T>(@Nullable List<T> list, @Nullable PageInfo pageInfo) {

        List<T> items() {
            return list == null ? List.of() : list;
        }

        /** Whether a page follows this one: TikTok ends a list at {@code total_page}. */
        boolean hasNext(int page) {
            return pageInfo != null && pageInfo.totalPage() != null && page < pageInfo.totalPage();
        }
    }

    record PageInfo(
            @Nullable Integer page,
            @Nullable Integer pageSize,
            @Nullable Integer totalNumber,
            @Nullable Integer totalPage) {}

    /** A row of {@code bc/member/get}: a member ({@code BOUND}) or an invitation. */
    record MemberRow(
            @Nullable String userId,
            @Nullable String userName,
            @Nullable String userEmail,
            @Nullable String userRole,
            @Nullable String relationStatus) {}

    /** An entry of {@code bc/get}: a Business Center the token's account belongs to, and its role there. */
    record CenterEntry(
            @Nullable CenterInfo bcInfo, @Nullable String userRole) {}

    record CenterInfo(String bcId, @Nullable String name) {}

    /** An asset of {@code bc/asset/admin/get}. */
    record AssetRow(String assetId, @Nullable String assetName) {}

    /** A person of {@code bc/asset/member/get}, with their role on the asset. */
    record AssetMember(
            String userId,
            @Nullable String advertiserRole,
            @Nullable String catalogRole) {}

    /** {@code user/info}. */
    record UserInfo(
            String coreUserId,
            @Nullable String displayName,
            @Nullable String email) {}

    /** {@code oauth2/access_token}. */
    record Token(String accessToken, @Nullable Long accessTokenExpireIn) {}
}
