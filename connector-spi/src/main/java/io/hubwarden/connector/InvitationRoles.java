package io.hubwarden.connector;

/** The capability to change the role of an invitation that is still pending, without sending it again. */
public interface InvitationRoles {

    /**
     * Sets the role the invited person will hold on acceptance. Idempotent.
     *
     * @throws HubNotFound if the invitation is no longer pending
     */
    void changeRole(ServiceCredential credential, InvitationId invitation, HubRole role);
}
