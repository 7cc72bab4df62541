package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.OAuthClient;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.connector.ProfileLinking;
import io.hubwarden.connector.Secret;
import io.hubwarden.connector.ServiceCredential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A TikTok Business Center through the Business API v1.3. Stateless; safe to share between threads. TikTok gives an
 * invitation no id: it is a row of the member list keyed by its address, withdrawn by deleting that address.
 */
final class TikTokConnector implements HubConnector {

    /** {@code bc/get}'s largest page. */
    static final int MAX_CENTERS_PAGE = 50;

    private final TikTokSettings settings;
    private final BusinessApi api;
    private final MemberRows rows;
    private final TikTokAssets assets;
    private final Invitations invitations;
    private final TikTokAuthorization authorization;

    TikTokConnector(TikTokSettings settings, BusinessApi api, TikTokAuthorization authorization) {
        this.settings = settings;
        this.api = api;
        this.rows = new MemberRows(api, settings.bcId());
        this.assets = new TikTokAssets(api, settings.bcId());
        this.invitations = new Invitations(api, rows, settings.bcId());
        this.authorization = authorization;
    }

    @Override
    public HubKind kind() {
        return HubKind.TIKTOK_BUSINESS_CENTER;
    }

    @Override
    public List<HubRole> roles() {
        return TikTokRoles.ALL;
    }

    /**
     * {@code bc/get} lists the Business Centers the token's account belongs to; the configured one must be among
     * them.
     *
     * @throws HubRejected if the token's account has no seat in the Business Center
     */
    @Override
    public BusinessInfo business(ServiceCredential credential) {
        return center(api, settings.bcId(), credential.token())
                .map(entry -> {
                    ApiWire.CenterInfo info = entry.bcInfo();
                    String name = info == null || info.name() == null ? "" : info.name();
                    return new BusinessInfo(settings.bcId(), name);
                })
                .orElseThrow(() -> new HubRejected(
                        "40001", "the token's account has no seat in Business Center " + settings.bcId(), null));
    }

    /** The token's entry for the Business Center in {@code bc/get}, if its account is a member there. */
    static Optional<ApiWire.CenterEntry> center(BusinessApi api, String bcId, Secret token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("bc_id", bcId);
        query.put("page", "1");
        query.put("page_size", Integer.toString(MAX_CENTERS_PAGE));
        ApiWire.Listing<ApiWire.CenterEntry> listing = api.list("bc/get", query, token, ApiWire.CenterEntry.class);
        return listing.items().stream()
                .filter(entry ->
                        entry.bcInfo() != null && bcId.equals(entry.bcInfo().bcId()))
                .findFirst();
    }

    @Override
    public Page<HubMember> members(ServiceCredential credential, PageRequest page) {
        ApiWire.Listing<ApiWire.MemberRow> listing = rows.page(credential, page, Map.of("relation_status", "BOUND"));
        List<HubMember> members = new ArrayList<>();
        for (ApiWire.MemberRow row : listing.items()) {
            if (MemberRows.bound(row) && row.userId() != null && !row.userId().isBlank()) {
                members.add(new HubMember(
                        new HubUserId(row.userId()),
                        row.userName() == null ? "" : row.userName(),
                        ApiWire.email(row.userEmail()),
                        TikTokRoles.of(row.userRole()),
                        Set.of()));
            }
        }
        return new Page<>(members, MemberRows.next(listing, page));
    }

    /** The member list without its members: a page may hold fewer invitations than asked for, even none. */
    @Override
    public Page<PendingInvitation> invitations(ServiceCredential credential, PageRequest page) {
        ApiWire.Listing<ApiWire.MemberRow> listing = rows.page(credential, page, Map.of());
        List<PendingInvitation> invitations = new ArrayList<>();
        for (ApiWire.MemberRow row : listing.items()) {
            EmailAddress email = ApiWire.email(row.userEmail());
            if (!MemberRows.bound(row) && email != null) {
                invitations.add(new PendingInvitation(
                        MemberRows.invitationId(email),
                        email,
                        TikTokRoles.of(row.userRole()),
                        MemberRows.invitationStatus(row),
                        null));
            }
        }
        return new Page<>(invitations, MemberRows.next(listing, page));
    }

    /**
     * Looks before it sends: a member or a pending invitation for the address answers the call; a declined or lapsed
     * row is deleted first, since TikTok has no resend. The invitation pre-assigns no assets.
     */
    @Override
    public InvitationReceipt invite(ServiceCredential credential, Invitee invitee, HubRole role) {
        return invitations.invite(credential, invitee, role);
    }

    /** Asks TikTok once for up to 50 addresses of one role, after looking up every address; see {@link Invitations}. */
    @Override
    public List<InvitationResult> inviteAll(ServiceCredential credential, List<InvitationRequest> requests) {
        return invitations.inviteAll(credential, requests);
    }

    @Override
    public void changeRole(ServiceCredential credential, HubUserId user, HubRole role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bc_id", settings.bcId());
        body.put("user_id", user.value());
        body.put("user_role", TikTokRoles.code(role));
        api.post("bc/member/update", body, credential.token());
    }

    @Override
    public void remove(ServiceCredential credential, HubUserId user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bc_id", settings.bcId());
        body.put("user_id", user.value());
        api.post("bc/member/delete", body, credential.token());
    }

    /**
     * Deletes the invitation's address from the member list, after checking that the address is invited and not a
     * member: deleting by address would remove a member just as well.
     */
    @Override
    public void cancelInvitation(ServiceCredential credential, InvitationId invitation) {
        EmailAddress email = ApiWire.email(invitation.value());
        if (email == null) {
            throw new HubNotFound("no TikTok invitation has this id; invitations are keyed by address", null);
        }
        List<ApiWire.MemberRow> found = rows.withEmail(credential, email);
        if (found.isEmpty() || found.stream().anyMatch(MemberRows::bound)) {
            throw new HubNotFound("no invitation is pending for this address", null);
        }
        invitations.withdraw(credential, email);
    }

    @Override
    public OAuthClient serviceConnection() {
        return authorization;
    }

    @Override
    public ProfileLinking profiles() {
        return new TikTokProfiles(settings, api, authorization, rows);
    }

    @Override
    public Optional<AssetAccess> assets() {
        return Optional.of(assets);
    }
}
