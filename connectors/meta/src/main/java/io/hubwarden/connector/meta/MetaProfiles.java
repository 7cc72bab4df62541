package io.hubwarden.connector.meta;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.PageRequest;
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
 * Linking a person's Facebook profile. The seat check reads {@code /me/business_users} with the person's own token:
 * Graph lists there one business-scoped identity per business the person belongs to, so membership follows from the
 * person's login, not from an address they typed.
 */
final class MetaProfiles implements ProfileLinking {

    /** {@code business_management} lets the profile token read its own business identities. */
    private static final List<String> SCOPES = List.of("business_management", "email");

    /** A person belongs to a handful of businesses; this only stops a list that never ends. */
    private static final int MAX_PAGES = 20;

    private final MetaSettings settings;
    private final Graph graph;
    private final FacebookLogin login;
    private final PendingUsers invitations;

    MetaProfiles(MetaSettings settings, Graph graph, FacebookLogin login, PendingUsers invitations) {
        this.settings = settings;
        this.graph = graph;
        this.login = login;
        this.invitations = invitations;
    }

    @Override
    public List<String> scopes() {
        return login.scopes(SCOPES);
    }

    @Override
    public URI authorizeUrl(String state, URI redirectUri) {
        return login.authorizeUrl(state, redirectUri, SCOPES);
    }

    @Override
    public IssuedToken exchange(String code, URI redirectUri) {
        return login.exchange(code, redirectUri);
    }

    @Override
    public ProfileIdentity identify(Secret profileToken) {
        GraphWire.Profile me =
                graph.get("me", Map.of("fields", "id,name,email"), profileToken, GraphWire.Profile.class);
        return new ProfileIdentity(me.id(), me.name() == null ? "" : me.name(), GraphWire.email(me.email()));
    }

    @Override
    public ProfileMembership membership(
            ServiceCredential service, Secret profileToken, @Nullable EmailAddress invitedEmail) {
        Optional<GraphWire.BusinessUser> seat = seat(profileToken);
        if (seat.isPresent()) {
            GraphWire.BusinessUser user = seat.get();
            String role = user.role() == null ? roleOf(service, user.id()) : user.role();
            return new ProfileMembership.Active(new HubUserId(user.id()), MetaRoles.of(role));
        }
        if (invitedEmail != null) {
            return invitations
                    .pendingFor(service, invitedEmail)
                    .<ProfileMembership>map(invitation -> new ProfileMembership.Pending(invitation.id()))
                    .orElseGet(ProfileMembership.Absent::new);
        }
        return new ProfileMembership.Absent();
    }

    private Optional<GraphWire.BusinessUser> seat(Secret profileToken) {
        PageRequest request = PageRequest.first(Graph.MAX_LIMIT);
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            GraphWire.Listing<GraphWire.BusinessUser> listing = graph.list(
                    "me/business_users",
                    Map.of("fields", "id,role,business{id,name}"),
                    profileToken,
                    GraphWire.BusinessUser.class,
                    request);
            for (GraphWire.BusinessUser user : listing.items()) {
                GraphWire.Business business = user.business();
                if (business != null && settings.businessId().equals(business.id())) {
                    return Optional.of(user);
                }
            }
            String after = listing.after();
            if (after == null) {
                break;
            }
            request = request.next(after);
        }
        return Optional.empty();
    }

    /** Graph may leave the role out of the person's own view; the business's view of the seat has it. */
    private @Nullable String roleOf(ServiceCredential service, String businessUserId) {
        return graph.get(
                        Graph.node(businessUserId),
                        Map.of("fields", "id,role"),
                        service.token(),
                        GraphWire.BusinessUser.class)
                .role();
    }
}
