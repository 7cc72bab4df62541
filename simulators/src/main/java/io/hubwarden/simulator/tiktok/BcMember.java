package io.hubwarden.simulator.tiktok;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of a Business Center's member list: a person who joined ({@code BOUND}) or an invitation ({@code PENDING},
 * {@code REJECTED}, or {@code UNBOUND} once it lapsed). Invitations have no user id yet (TikTok shows {@code 0}).
 *
 * @param bcId the Business Center
 * @param userId the member's id, their account's core user id; {@code "0"} for an invitation
 * @param userName the member's name; empty for an invitation
 * @param email the address the member signed in with, or the invited address
 * @param userRole {@code ADMIN} or {@code STANDARD}
 * @param financeRole {@code MANAGER}, {@code ANALYST} or null
 * @param relationStatus the row's status as of now
 * @param expiresAt when an invitation lapses; null for members
 * @param assetType the kind of asset the invitation pre-assigns, or null
 * @param assetIds the assets the invitation pre-assigns on acceptance
 * @param assetRole the role on those assets
 */
public record BcMember(
        String bcId,
        String userId,
        String userName,
        String email,
        String userRole,
        @Nullable String financeRole,
        RelationStatus relationStatus,
        @Nullable Instant expiresAt,
        @Nullable AssetType assetType,
        List<String> assetIds,
        @Nullable String assetRole) {

    /** Copies the asset ids. */
    public BcMember {
        assetIds = List.copyOf(assetIds);
    }

    /** TikTok's {@code relation_status}. */
    public enum RelationStatus {
        /** A member. */
        BOUND,
        /** An invitation that lapsed before it was accepted. */
        UNBOUND,
        /** An invitation waiting to be accepted. */
        PENDING,
        /** An invitation the person declined. */
        REJECTED
    }

    /** Whether the row is a member rather than an invitation. */
    public boolean bound() {
        return relationStatus == RelationStatus.BOUND;
    }

    BcMember with(String role, @Nullable String finance) {
        return new BcMember(
                bcId,
                userId,
                userName,
                email,
                role,
                finance,
                relationStatus,
                expiresAt,
                assetType,
                assetIds,
                assetRole);
    }

    BcMember withStatus(RelationStatus status) {
        return new BcMember(
                bcId,
                userId,
                userName,
                email,
                userRole,
                financeRole,
                status,
                expiresAt,
                assetType,
                assetIds,
                assetRole);
    }
}
