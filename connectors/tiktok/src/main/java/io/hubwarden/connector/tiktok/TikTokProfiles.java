package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.ProfileIdentity;
import io.hubwarden.connector.ProfileLinking;
import io.hubwarden.connector.ProfileMembership;
import io.hubwarden.connector.Secret;
import io.hubwarden.connector.ServiceCredential;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Linking a person's TikTok for Business account. The seat check reads {@code bc/get} with the person's own token:
 * TikTok lists there the Business Centers the account belongs to, so membership follows from the account, not from
 * an address typed anywhere. The member's id is the account's {@code core_user_id}, which TikTok uses as the
 * member's {@code user_id}.
 */
final class TikTokProfiles implements ProfileLinking {

    private final TikTokSettings settings;
    private final BusinessApi api;
    private final TikTokAuthorization authorization;
    private final MemberRows rows;

    TikTokProfiles(TikTokSettings settings, BusinessApi api, TikTokAuthorization authorization, MemberRows rows) {
        this.settings = settings;
        this.api = api;
        this.authorization = authorization;
        this.rows = rows;
    }

    @Override
    public List<String> scopes() {
        return authorization.scopes();
    }

    @Override
    public URI authorizeUrl(String state, URI redirectUri) {
        return authorization.authorizeUrl(state, redirectUri);
    }

    @Override
    public IssuedToken exchange(String code, URI redirectUri) {
        return authorization.exchange(code, redirectUri);
    }

    @Override
    public ProfileIdentity identify(Secret profileToken) {
        ApiWire.UserInfo me = api.get("user/info", Map.of(), profileToken, ApiWire.UserInfo.class);
        return new ProfileIdentity(
                me.coreUserId(), me.displayName() == null ? "" : me.displayName(), ApiWire.email(me.email()));
    }

    @Override
    public ProfileMembership membership(
            ServiceCredential service, Secret profileToken, @Nullable EmailAddress invitedEmail) {
        Optional<ApiWire.CenterEntry> seat = TikTokConnector.center(api, settings.bcId(), profileToken);
        if (seat.isPresent()) {
            String userId = identify(profileToken).userId();
            return new ProfileMembership.Active(
                    new HubUserId(userId), TikTokRoles.of(seat.get().userRole()));
        }
        if (invitedEmail != null) {
            boolean pending = rows.withEmail(service, invitedEmail).stream()
                    .anyMatch(row ->
                            !MemberRows.bound(row) && MemberRows.invitationStatus(row) == InvitationStatus.PENDING);
            if (pending) {
                return new ProfileMembership.Pending(MemberRows.invitationId(invitedEmail));
            }
        }
        return new ProfileMembership.Absent();
    }
}
