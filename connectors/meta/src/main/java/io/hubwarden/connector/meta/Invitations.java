package io.hubwarden.connector.meta;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.connector.ServiceCredential;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Inviting people into the business, one or many at once. Both look before they send: a pending invitation or a
 * seat for the address answers the call; a lapsed invitation is withdrawn, since Graph has no resend. After sending,
 * they read the invitation back, because Graph does not say whether the id it answers with is the invitation's.
 */
final class Invitations {

    private final BusinessUsers members;
    private final PendingUsers requests;

    Invitations(BusinessUsers members, PendingUsers requests) {
        this.members = members;
        this.requests = requests;
    }

    InvitationReceipt invite(ServiceCredential credential, EmailAddress email, String role) {
        // One read of the address's requests answers both whether one is pending and which ones lapsed.
        List<PendingInvitation> found = requests.forEmail(credential, email);
        Optional<InvitationReceipt> existing = existing(credential, email, found);
        if (existing.isPresent()) {
            return existing.get();
        }
        for (PendingInvitation request : found) {
            if (request.status() != InvitationStatus.PENDING) {
                try {
                    requests.cancel(credential, request.id());
                } catch (HubNotFound alreadyGone) {
                    // Someone withdrew it first: the goal is reached.
                }
            }
        }
        Optional<String> answered;
        try {
            answered = requests.create(credential, email, role);
        } catch (HubRejected refused) {
            // Another caller may have invited the address meanwhile; then that invitation is the answer.
            return existing(credential, email, requests.forEmail(credential, email))
                    .orElseThrow(() -> refused);
        }
        return sent(requests.pendingFor(credential, email), answered);
    }

    /**
     * The same steps for many addresses, each step for all of them in Graph batch requests: a read of each address's
     * requests, one walk of the member list for the addresses with none pending, the withdrawals, the invitations, and
     * a read back of each. An address asked twice is invited once; its second answer is that invitation, as pending.
     */
    List<InvitationResult> inviteAll(ServiceCredential credential, List<InvitationRequest> asked) {
        Map<EmailAddress, String> roles = new LinkedHashMap<>();
        for (InvitationRequest request : asked) {
            roles.putIfAbsent(request.invitee().email(), MetaRoles.code(request.role()));
        }
        List<EmailAddress> emails = new ArrayList<>(roles.keySet());
        Map<EmailAddress, InvitationResult> answers = new HashMap<>();

        List<List<PendingInvitation>> found = emails.isEmpty() ? List.of() : requests.forEmails(credential, emails);
        Map<EmailAddress, List<PendingInvitation>> open = new LinkedHashMap<>();
        for (int i = 0; i < emails.size(); i++) {
            Optional<PendingInvitation> pending = pending(found.get(i));
            if (pending.isPresent()) {
                answers.put(
                        emails.get(i),
                        InvitationResult.of(
                                InvitationReceipt.alreadyPending(pending.get().id())));
            } else {
                open.put(emails.get(i), found.get(i));
            }
        }

        Map<EmailAddress, HubMember> seated =
                open.isEmpty() ? Map.of() : members.withEmails(credential, Set.copyOf(open.keySet()));
        List<Map.Entry<EmailAddress, String>> invitees = new ArrayList<>();
        List<InvitationId> lapsed = new ArrayList<>();
        open.forEach((email, requested) -> {
            HubMember member = seated.get(email);
            if (member != null) {
                answers.put(email, InvitationResult.of(InvitationReceipt.alreadyMember(member.id())));
            } else {
                invitees.add(new AbstractMap.SimpleImmutableEntry<>(email, roles.get(email)));
                requested.forEach(request -> lapsed.add(request.id()));
            }
        });
        if (!lapsed.isEmpty()) {
            for (Supplier<GraphWire.WriteResult> withdrawal : requests.cancelAll(credential, lapsed)) {
                try {
                    var unused = withdrawal.get();
                } catch (HubNotFound alreadyGone) {
                    // Someone withdrew it first: the goal is reached.
                }
            }
        }

        List<Supplier<Optional<String>>> created =
                invitees.isEmpty() ? List.of() : requests.createAll(credential, invitees);
        List<EmailAddress> sent = new ArrayList<>();
        List<Optional<String>> answered = new ArrayList<>();
        for (int i = 0; i < invitees.size(); i++) {
            EmailAddress email = invitees.get(i).getKey();
            try {
                answered.add(created.get(i).get());
                sent.add(email);
            } catch (HubRejected | HubNotFound refused) {
                answers.put(email, afterRefusal(credential, email, refused));
            }
        }
        List<List<PendingInvitation>> readBack = sent.isEmpty() ? List.of() : requests.forEmails(credential, sent);
        for (int i = 0; i < sent.size(); i++) {
            EmailAddress email = sent.get(i);
            answers.put(email, InvitationResult.of(sent(pending(readBack.get(i)), answered.get(i))));
        }
        return inTheOrderAsked(asked, answers);
    }

    /** Another caller may have invited the address meanwhile; then that invitation is the answer. */
    private InvitationResult afterRefusal(ServiceCredential credential, EmailAddress email, HubFailure refused) {
        return existing(credential, email, requests.forEmail(credential, email))
                .map(InvitationResult::of)
                .orElseGet(() -> InvitationResult.refused(refused));
    }

    private static List<InvitationResult> inTheOrderAsked(
            List<InvitationRequest> asked, Map<EmailAddress, InvitationResult> answers) {
        List<InvitationResult> results = new ArrayList<>(asked.size());
        Set<EmailAddress> answeredOnce = new HashSet<>();
        for (InvitationRequest request : asked) {
            EmailAddress email = request.invitee().email();
            InvitationResult answer = answers.get(email);
            if (answer == null) {
                throw new IllegalStateException("no answer for an address asked");
            }
            InvitationReceipt receipt = answer.receipt();
            if (!answeredOnce.add(email) && receipt != null && receipt.outcome() == InvitationOutcome.INVITED) {
                answer = InvitationResult.of(InvitationReceipt.alreadyPending(receipt.invitationId()));
            }
            results.add(answer);
        }
        return results;
    }

    /** A pending invitation among the address's requests, else the member with the address, if any. */
    private Optional<InvitationReceipt> existing(
            ServiceCredential credential, EmailAddress email, List<PendingInvitation> found) {
        Optional<PendingInvitation> pending = pending(found);
        if (pending.isPresent()) {
            return pending.map(invitation -> InvitationReceipt.alreadyPending(invitation.id()));
        }
        return members.withEmail(credential, email).map(member -> InvitationReceipt.alreadyMember(member.id()));
    }

    /** The invitation just sent as Graph lists it, else by the id Graph answered with. */
    private static InvitationReceipt sent(Optional<PendingInvitation> listed, Optional<String> answered) {
        if (listed.isPresent()) {
            return InvitationReceipt.invited(listed.get().id());
        }
        return InvitationReceipt.invited(new InvitationId(answered.orElseThrow(
                () -> new HubUnavailable("Graph accepted the invitation but shows no id for it", null, null))));
    }

    private static Optional<PendingInvitation> pending(List<PendingInvitation> found) {
        return found.stream()
                .filter(invitation -> invitation.status() == InvitationStatus.PENDING)
                .findFirst();
    }
}
