package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.ServiceCredential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inviting people into the Business Center with {@code bc/member/invite}, which answers nothing about the addresses it
 * was given and ignores one it invited before, whatever became of that invitation. So each address is looked up
 * first: a member or a pending invitation is the answer, and a declined or lapsed row is deleted before the address
 * is invited again, since TikTok has no resend. Invitations pre-assign no assets.
 */
final class Invitations {

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

    /** Sends one address an invitation after its row was looked at. */
    private InvitationReceipt sendAlone(ServiceCredential credential, EmailAddress email, String code) {
        try {
            send(credential, List.of(email), code);
        } catch (HubRejected refused) {
            // Another caller may have invited the address meanwhile, or it joined; then that row is the answer.
            return existing(credential, email).orElseThrow(() -> refused);
        }
        return InvitationReceipt.invited(MemberRows.invitationId(email));
    }

    private void send(ServiceCredential credential, List<EmailAddress> emails, String code) {
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
