package io.hubwarden.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection to one business on one hub, opened by {@link HubConnectorProvider#open}. It translates calls into the
 * hub's wire format and the hub's answers and errors into these records and {@link HubFailure}s, and does nothing
 * more: it never sleeps, never retries, never logs or keeps a token. The credential travels with every call.
 *
 * <p>Implementations are thread-safe and hold no mutable state. Every call may fail with any {@link HubFailure}; the
 * ones named on a method are the failures that method has a particular reason to throw. Null is never accepted or
 * returned unless a parameter says so.
 */
public interface HubConnector {

    /** The hub kind this connector speaks to. */
    HubKind kind();

    /** The roles a person can hold in the business, with the hub's names, from the most to the least powerful. */
    List<HubRole> roles();

    /**
     * The business the credential reaches. Doubles as the live connection check: it succeeds only if the hub is
     * reachable, the credential is valid and it may read the configured business.
     */
    BusinessInfo business(ServiceCredential credential);

    /** One page of the business's members, in the hub's order. */
    Page<HubMember> members(ServiceCredential credential, PageRequest page);

    /** One page of the business's invitations that have not become seats, expired and declined ones included. */
    Page<PendingInvitation> invitations(ServiceCredential credential, PageRequest page);

    /**
     * Invites a person into the business with a role; the hub e-mails them. Idempotent per address: when the address
     * already has a pending invitation or belongs to a member, nothing is sent and the receipt says so; an expired or
     * declined invitation for the address is replaced by a new one.
     */
    InvitationReceipt invite(ServiceCredential credential, Invitee invitee, HubRole role);

    /**
     * Invites several people, each as {@link #invite} does, in as few calls as the hub allows: a hub that takes many
     * requests in one (Graph batch requests, a list of addresses) is asked once for many. The default asks {@link
     * #invite} for each in turn.
     *
     * <p>Answers one result per request, in the order asked. A refusal that concerns one invitation alone ({@link
     * HubRejected}, {@link HubNotFound}) is that invitation's result; any other failure (the hub throttled the calls,
     * the credential expired, the hub is unavailable) is thrown for all of them. Some of them may have been sent by
     * then: since inviting is idempotent per address, asking again for all of them sends none twice.
     */
    default List<InvitationResult> inviteAll(ServiceCredential credential, List<InvitationRequest> requests) {
        List<InvitationResult> results = new ArrayList<>(requests.size());
        for (InvitationRequest request : requests) {
            try {
                results.add(InvitationResult.of(invite(credential, request.invitee(), request.role())));
            } catch (HubRejected | HubNotFound refused) {
                results.add(InvitationResult.refused(refused));
            }
        }
        return results;
    }

    /**
     * Sets a member's role. Idempotent.
     *
     * @throws HubNotFound if the person is not a member of the business
     */
    void changeRole(ServiceCredential credential, HubUserId user, HubRole role);

    /**
     * Takes a member out of the business, with their asset tasks.
     *
     * @throws HubNotFound if the person is not (or no longer) a member
     */
    void remove(ServiceCredential credential, HubUserId user);

    /**
     * Withdraws a pending invitation.
     *
     * @throws HubNotFound if the invitation is not (or no longer) pending
     */
    void cancelInvitation(ServiceCredential credential, InvitationId invitation);

    /**
     * The OAuth flow through which a Full-control person of the business connects it; the token it yields is a
     * {@link ServiceCredential}. An operator may paste a system-user token instead.
     */
    OAuthClient serviceConnection();

    /** Linking people's own profiles and checking their seat. */
    ProfileLinking profiles();

    /** Changing the role of a pending invitation, if the hub allows it. */
    default Optional<InvitationRoles> invitationRoles() {
        return Optional.empty();
    }

    /** Listing and sharing assets, if the hub allows it. */
    default Optional<AssetAccess> assets() {
        return Optional.empty();
    }
}
