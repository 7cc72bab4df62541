package io.hubwarden.connector.meta;

import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRoles;
import io.hubwarden.connector.InvitationStatus;
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
    private final FacebookLogin login;

    MetaConnector(MetaSettings settings, Graph graph, FacebookLogin login) {
        this.settings = settings;
        this.graph = graph;
        this.members = new BusinessUsers(graph, settings.businessId());
        this.invitations = new PendingUsers(graph, settings.businessId());
        this.assets = new MetaAssets(graph, settings.businessId());
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

    /**
     * Looks before it sends: a pending invitation or a seat for the address answers the call; a lapsed invitation
     * is withdrawn, since Graph has no resend. After sending, reads the invitation back, because Graph does not
     * say whether the id it answers with is the invitation's.
     */
    @Override
    public InvitationReceipt invite(ServiceCredential credential, Invitee invitee, HubRole role) {
        String code = MetaRoles.code(role);
        EmailAddress email = invitee.email();
        // One read of the address's requests answers both whether one is pending and which ones lapsed.
        List<PendingInvitation> requests = invitations.forEmail(credential, email);
        Optional<InvitationReceipt> existing = existing(credential, email, requests);
        if (existing.isPresent()) {
            return existing.get();
        }
        for (PendingInvitation request : requests) {
            if (request.status() != InvitationStatus.PENDING) {
                withdraw(credential, request.id());
            }
        }
        Optional<String> answered;
        try {
            answered = invitations.create(credential, email, code);
        } catch (HubRejected refused) {
            // Another caller may have invited the address meanwhile; then that invitation is the answer.
            return existing(credential, email).orElseThrow(() -> refused);
        }
        Optional<PendingInvitation> sent = invitations.pendingFor(credential, email);
        if (sent.isPresent()) {
            return InvitationReceipt.invited(sent.get().id());
        }
        return InvitationReceipt.invited(new InvitationId(answered.orElseThrow(
                () -> new HubUnavailable("Graph accepted the invitation but shows no id for it", null, null))));
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

    private Optional<InvitationReceipt> existing(ServiceCredential credential, EmailAddress email) {
        return existing(credential, email, invitations.forEmail(credential, email));
    }

    /** A pending invitation among the address's requests, else the member with the address, if any. */
    private Optional<InvitationReceipt> existing(
            ServiceCredential credential, EmailAddress email, List<PendingInvitation> requests) {
        Optional<PendingInvitation> pending = requests.stream()
                .filter(invitation -> invitation.status() == InvitationStatus.PENDING)
                .findFirst();
        if (pending.isPresent()) {
            return pending.map(invitation -> InvitationReceipt.alreadyPending(invitation.id()));
        }
        return members.withEmail(credential, email).map(member -> InvitationReceipt.alreadyMember(member.id()));
    }

    private void withdraw(ServiceCredential credential, InvitationId lapsed) {
        try {
            invitations.cancel(credential, lapsed);
        } catch (HubNotFound alreadyGone) {
            // Someone withdrew it first: the goal is reached.
        }
    }
}
