package io.hubwarden.hub;

import io.hubwarden.automation.JobAborted;
import io.hubwarden.automation.JobContext;
import io.hubwarden.automation.JobHandler;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationId;
import org.springframework.stereotype.Component;

/**
 * The REMOVE_HUB_ACCOUNT job: takes an unmatched member out of the business, or withdraws an unmatched invitation,
 * then forgets the account. Safe to repeat: a member or invitation already gone counts as removed.
 */
@Component
class RemovalJob implements JobHandler {

    static final String TYPE = "REMOVE_HUB_ACCOUNT";

    private final HubAccounts accounts;
    private final HubCalls calls;

    RemovalJob(HubAccounts accounts, HubCalls calls) {
        this.accounts = accounts;
        this.calls = calls;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) {
        var hub =
                job.hubId().map(HubId::new).orElseThrow(() -> new JobAborted("HUB_MISSING", "A removal needs a hub."));
        var id = job.subject()
                .map(HubAccountId::parse)
                .orElseThrow(() -> new JobAborted("ACCOUNT_MISSING", "A removal needs an account."));
        var found = accounts.find(hub, id);
        if (found.isEmpty()) {
            return;
        }
        var account = found.get();
        try {
            calls.call(hub, (connector, credential) -> {
                if (account.member()) {
                    connector.remove(credential, new HubUserId(account.externalId()));
                } else {
                    connector.cancelInvitation(credential, new InvitationId(account.externalId()));
                }
                return Boolean.TRUE;
            });
        } catch (HubNotFound alreadyGone) {
            // Removed or withdrawn on the hub already: the goal is reached.
        }
        accounts.forget(hub, account);
    }
}
