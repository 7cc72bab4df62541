package io.hubwarden.connector.meta;

import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.InvitationRoles;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.OAuthClient;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.connector.ProfileLinking;
import io.hubwarden.connector.ServiceCredential;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Meta business portfolio through the Graph API. Stateless; safe to share between threads. */
final class MetaConnector implements HubConnector {

    private final MetaSettings settings;
    private final Graph graph;
    private final BusinessUsers members;
    private final PendingUsers invitations;
    private final MetaAssets assets;
    private final Invitations inviting;
    private final FacebookLogin login;

    MetaConnector(MetaSettings settings, Graph graph, FacebookLogin login) {
        this.settings = settings;
        this.graph = graph;
        this.members = new BusinessUsers(graph, settings.businessId());
        this.invitations = new PendingUsers(graph, settings.businessId());
        this.assets = new MetaAssets(graph, settings.businessId());
        this.inviting = new Invitations(members, invitations);
        this.login = login;
    }

    @Override
    public HubKind kind() {
        return HubKind.META_BUSINESS_MANAGER;
    }

    @Override
    public List<HubRole> roles() {
        return MetaRoles.ALL;
    }

    @Override
    public BusinessInfo business(ServiceCredential credential) {
        GraphWire.Business business = graph.get(
                settings.businessId(), Map.of("fields", "id,name"), credential.token(), GraphWire.Business.class);
        return new BusinessInfo(business.id(), business.name() == null ? "" : business.name());
    }

    @Override
    public Page<HubMember> members(ServiceCredential credential, PageRequest page) {
        return members.page(credential, page);
    }

    @Override
    public Page<PendingInvitation> invitations(ServiceCredential credential, PageRequest page) {
        return invitations.page(credential, page);
    }

    /** See {@link Invitations}. */
    @Override
    public InvitationReceipt invite(ServiceCredential credential, Invitee invitee, HubRole role) {
        return inviting.invite(credential, invitee.email(), MetaRoles.code(role));
    }

    /** See {@link Invitations#inviteAll}: a handful of Graph batch requests for up to fifty people. */
    @Override
    public List<InvitationResult> inviteAll(ServiceCredential credential, List<InvitationRequest> requests) {
        return inviting.inviteAll(credential, requests);
    }

    @Override
    public void changeRole(ServiceCredential credential, HubUserId user, HubRole role) {
        members.changeRole(credential, user, MetaRoles.code(role));
    }

    @Override
    public void remove(ServiceCredential credential, HubUserId user) {
        members.remove(credential, user);
    }

    @Override
    public void cancelInvitation(ServiceCredential credential, InvitationId invitation) {
        invitations.cancel(credential, invitation);
    }

    @Override
    public OAuthClient serviceConnection() {
        return new MetaServiceConnection(login);
    }

    @Override
    public ProfileLinking profiles() {
        return new MetaProfiles(settings, graph, login, invitations);
    }

    @Override
    public Optional<InvitationRoles> invitationRoles() {
        return Optional.of(
                (credential, invitation, role) -> invitations.changeRole(credential, invitation, MetaRoles.code(role)));
    }

    @Override
    public Optional<AssetAccess> assets() {
        return Optional.of(assets);
    }
}
