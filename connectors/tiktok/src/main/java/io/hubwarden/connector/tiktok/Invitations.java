package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.ServiceCredential;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Inviting people into the Business Center with {@code bc/member/invite}, which answers nothing about the addresses it
 * was given and ignores one it invited before, whatever became of that invitation. So each address is looked up
 * first: a member or a pending invitation is the answer, and a declined or lapsed row is deleted before the address
 * is invited again, since TikTok has no resend. Invitations pre-assign no assets.
 */
final class Invitations {

    /** {@code bc/member/invite} takes 1 to 50 addresses. */
    static final int MAX_EMAILS = 50;

    private final BusinessApi api;
    private final MemberRows rows;
    private final String bcId;

    Invitations(BusinessApi api, MemberRows rows, String bcId) {
        this.api = api;
        this.rows = rows;
        this.bcId = bcId;
    }

    /** Invites one person, as {@link io.hubwarden.connector.HubConnector#invite} promises. */
    InvitationReceipt invite(ServiceCredential credential, Invitee invitee, HubRole role) {
        String code = TikTokRoles.code(role);
        EmailAddress email = invitee.email();
        Optional<InvitationReceipt> existing = existing(credential, email);
        if (existing.isPresent()) {
            return existing.get();
        }
        return sendAlone(credential, email, code);
    }

    /**
     * Invites several people, as {@link io.hubwarden.connector.HubConnector#inviteAll} promises: the addresses are
     * looked up together where reading the whole member list is the cheaper ({@link MemberRows#withEmails}), else each
     * as for one invitation; then the ones to invite are sent together, up to {@link #MAX_EMAILS} of one role a call.
     * TikTok refuses such a call as a whole, even when one address alone spoils it (a member who joined meanwhile, a
     * limit the call would pass), so a refused call's addresses are then sent one by one: only the offending ones are
     * refused.
     *
     * @throws IllegalArgumentException if a role is not one of {@link TikTokRoles#ALL}, before anything is sent
     */
    List<InvitationResult> inviteAll(ServiceCredential credential, List<InvitationRequest> requests) {
        // The first request for an address gives its role, as when invited in turn; a later one finds it invited.
        Map<EmailAddress, String> codes = new LinkedHashMap<>();
        for (InvitationRequest request : requests) {
            codes.putIfAbsent(request.invitee().email(), TikTokRoles.code(request.role()));
        }
        Optional<Map<EmailAddress, List<ApiWire.MemberRow>>> listed;
        try {
            listed = rows.withEmails(credential, codes.keySet());
        } catch (HubRejected | HubNotFound refused) {
            // Then each address's own search meets that refusal, or not, as when it is invited alone.
            listed = Optional.empty();
        }
        Map<EmailAddress, InvitationResult> results = new HashMap<>();
        Map<String, List<EmailAddress>> toSend = new LinkedHashMap<>();
        for (Map.Entry<EmailAddress, String> entry : codes.entrySet()) {
            EmailAddress email = entry.getKey();
            try {
                List<ApiWire.MemberRow> found = listed.isPresent()
                        ? listed.get().getOrDefault(email, List.of())
                        : rows.withEmail(credential, email);
                Optional<InvitationReceipt> existing = settle(credential, email, found);
                if (existing.isPresent()) {
                    results.put(email, InvitationResult.of(existing.get()));
                } else {
                    toSend.computeIfAbsent(entry.getValue(), any -> new ArrayList<>())
                            .add(email);
                }
            } catch (HubRejected | HubNotFound refused) {
                results.put(email, InvitationResult.refused(refused));
            }
        }
        toSend.forEach((code, emails) -> {
            for (int from = 0; from < emails.size(); from += MAX_EMAILS) {
                results.putAll(
                        send(credential, emails.subList(from, Math.min(from + MAX_EMAILS, emails.size())), code));
            }
        });
        return inOrder(credential, requests, results);
    }

    /**
     * Deletes the address's row, which withdraws an invitation (and would remove a member just as well); done already
     * when the row is gone.
     */
    void withdraw(ServiceCredential credential, EmailAddress email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bc_id", bcId);
        body.put("user_email", email.value());
        try {
            api.post("bc/member/delete", body, credential.token());
        } catch (HubNotFound alreadyGone) {
            // Someone withdrew it first: the goal is reached.
        }
    }

    /** Sends addresses whose rows were looked at their invitations in one call, or one by one if it is refused. */
    private Map<EmailAddress, InvitationResult> send(
            ServiceCredential credential, List<EmailAddress> emails, String code) {
        Map<EmailAddress, InvitationResult> results = new HashMap<>();
        if (emails.size() > 1) {
            try {
                post(credential, emails, code);
                emails.forEach(email -> results.put(
                        email, InvitationResult.of(InvitationReceipt.invited(MemberRows.invitationId(email)))));
                return results;
            } catch (HubRejected | HubNotFound refused) {
                // Which address spoilt the call TikTok does not say: ask for each alone.
            }
        }
        for (EmailAddress email : emails) {
            try {
                results.put(email, InvitationResult.of(sendAlone(credential, email, code)));
            } catch (HubRejected | HubNotFound refused) {
                results.put(email, InvitationResult.refused(refused));
            }
        }
        return results;
    }

    /**
     * One result per request, in order. An address asked for again is answered as inviting it in turn would answer:
     * pending or a member after the first request's receipt, and asked for anew after its refusal.
     */
    private List<InvitationResult> inOrder(
            ServiceCredential credential, List<InvitationRequest> requests, Map<EmailAddress, InvitationResult> first) {
        List<InvitationResult> results = new ArrayList<>(requests.size());
        Map<EmailAddress, InvitationResult> latest = new HashMap<>();
        for (InvitationRequest request : requests) {
            EmailAddress email = request.invitee().email();
            InvitationResult before = latest.get(email);
            InvitationReceipt received = before == null ? null : before.receipt();
            InvitationResult result;
            if (before == null) {
                result = Objects.requireNonNull(first.get(email), "each address has a result");
            } else if (received != null) {
                result = InvitationResult.of(again(received));
            } else {
                result = attempt(() -> invite(credential, request.invitee(), request.role()));
            }
            latest.put(email, result);
            results.add(result);
        }
        return results;
    }

    /** What inviting an address again answers after this receipt. */
    private static InvitationReceipt again(InvitationReceipt receipt) {
        return receipt.outcome() == InvitationOutcome.ALREADY_MEMBER
                ? receipt
                : InvitationReceipt.alreadyPending(receipt.invitationId());
    }

    private static InvitationResult attempt(Supplier<InvitationReceipt> invitation) {
        try {
            return InvitationResult.of(invitation.get());
        } catch (HubRejected | HubNotFound refused) {
            return InvitationResult.refused(refused);
        }
    }

    /** Sends one address an invitation after its row was looked at. */
    private InvitationReceipt sendAlone(ServiceCredential credential, EmailAddress email, String code) {
        try {
            post(credential, List.of(email), code);
        } catch (HubRejected refused) {
            // Another caller may have invited the address meanwhile, or it joined; then that row is the answer.
            return existing(credential, email).orElseThrow(() -> refused);
        }
        return InvitationReceipt.invited(MemberRows.invitationId(email));
    }

    private void post(ServiceCredential credential, List<EmailAddress> emails, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bc_id", bcId);
        body.put("emails", emails.stream().map(EmailAddress::value).toList());
        body.put("user_role", code);
        body.put("asset_type", "ADVERTISER");
        body.put("asset_ids", List.of());
        api.post("bc/member/invite", body, credential.token());
    }

    private Optional<InvitationReceipt> existing(ServiceCredential credential, EmailAddress email) {
        return settle(credential, email, rows.withEmail(credential, email));
    }

    /**
     * What the address's rows answer: its seat or its pending invitation; a declined or lapsed row is deleted, so that
     * the address can be invited again.
     */
    private Optional<InvitationReceipt> settle(
            ServiceCredential credential, EmailAddress email, List<ApiWire.MemberRow> found) {
        for (ApiWire.MemberRow row : found) {
            if (MemberRows.bound(row) && row.userId() != null) {
                return Optional.of(InvitationReceipt.alreadyMember(new HubUserId(row.userId())));
            }
        }
        for (ApiWire.MemberRow row : found) {
            if (MemberRows.invitationStatus(row) == InvitationStatus.PENDING) {
                return Optional.of(InvitationReceipt.alreadyPending(MemberRows.invitationId(email)));
            }
        }
        if (!found.isEmpty()) {
            withdraw(credential, email);
        }
        return Optional.empty();
    }
}
