package io.hubwarden.hub;

import io.hubwarden.Unique;
import io.hubwarden.automation.Job;
import io.hubwarden.automation.JobId;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.HubKind;
import io.hubwarden.simulator.meta.Business;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.simulator.tiktok.BusinessCenter;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;

/** Domain situations for hub tests, built through the public APIs of the workspace and hub modules and the simulator. */
public final class HubFixtures {

    public static final String PASSWORD = "correct horse battery staple";
    public static final Set<String> SERVICE_SCOPES = Set.of("business_management", "ads_management", "pages_show_list");

    private final Workspaces workspaces;
    private final Hubs hubs;
    private final Jobs jobs;
    private final MetaSimulator meta = TestMetaSimulator.get();

    public HubFixtures(Workspaces workspaces, Hubs hubs, Jobs jobs) {
        this.workspaces = workspaces;
        this.hubs = hubs;
        this.jobs = jobs;
    }

    /** A new workspace; its Owner signs in with {@link #PASSWORD}. */
    public SignedInPerson aWorkspaceOwner() {
        var email = Unique.email("owner");
        var created = workspaces.create(Unique.name("Acme"), email, "Olivia Owner", PASSWORD);
        return new SignedInPerson(created.ownerId(), created.workspaceId(), WorkspaceRole.OWNER, email, "Olivia Owner");
    }

    /** A person invited to the owner's workspace with the role (not yet signed in). */
    public SignedInPerson anInvitedPerson(SignedInPerson owner, String who, WorkspaceRole role) {
        var email = Unique.email(who);
        var invited = workspaces.invite(owner.personId(), email, who, role);
        return new SignedInPerson(invited.personId(), owner.workspaceId(), role, email, who);
    }

    /**
     * A Meta business whose Full-control person is the Facebook login of {@code admin}'s e-mail address, and that
     * person's service token for Hubwarden's app.
     */
    public MetaBusiness aMetaBusinessRunBy(SignedInPerson admin) {
        var business = meta.seedBusiness(Unique.name("Acme Ads"));
        meta.seedPerson(admin.email(), admin.displayName(), "pw");
        meta.addBusinessUser(business.id(), admin.email(), "ADMIN");
        var token = meta.userToken(admin.email(), TestMetaSimulator.APP_ID, SERVICE_SCOPES);
        return new MetaBusiness(business, token);
    }

    /** The connection a person would type in the wizard for the business. */
    public static HubConnection connectionTo(MetaBusiness business) {
        return new HubConnection(
                HubKind.META_BUSINESS_MANAGER,
                "Meta " + business.business().name(),
                Map.of("business_id", business.business().id()));
    }

    /**
     * A TikTok Business Center whose Admin is the TikTok for Business account of {@code admin}'s e-mail address, and
     * that account's access token for Hubwarden's app.
     */
    public TikTokCenter aTikTokBusinessCenterRunBy(SignedInPerson admin) {
        var tiktok = TestTikTokSimulator.get();
        var center = tiktok.seedBusinessCenter(Unique.name("Acme Ads"));
        tiktok.seedAccount(admin.email(), admin.displayName(), "pw");
        tiktok.addMember(center.bcId(), admin.email(), "ADMIN");
        return new TikTokCenter(center, tiktok.accessToken(admin.email(), TestTikTokSimulator.APP_ID));
    }

    /** The connection a person would type in the wizard for the Business Center. */
    public static HubConnection connectionTo(TikTokCenter center) {
        return new HubConnection(
                HubKind.TIKTOK_BUSINESS_CENTER, "TikTok " + center.center().name(), Map.of("bc_id", center.id()));
    }

    /** A hub connected by token, with its first sync applied. */
    public HubView aSyncedHub(SignedInPerson owner, MetaBusiness business) {
        var hub = hubs.connectWithToken(owner, connectionTo(business), business.token());
        awaitSyncs(owner.workspaceId(), hub.id());
        return hubs.hub(owner.workspaceId(), hub.id()).orElseThrow();
    }

    /** Waits until no SYNC job of the hub is queued or running, and returns the latest one. */
    public Job awaitSyncs(WorkspaceId workspace, HubId hub) {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var page = jobs.jobsOf(workspace, hub.value(), PageRequest.of(0, 20));
            var syncs = page.stream().filter(job -> job.type().equals("SYNC")).toList();
            if (!syncs.isEmpty() && syncs.stream().allMatch(job -> job.status().finished())) {
                return syncs.get(0);
            }
            pause();
        }
        throw new AssertionError("the hub's syncs did not finish within 60 s");
    }

    /** Waits until the job has finished, and returns it. */
    public Job awaitJob(WorkspaceId workspace, JobId id) {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var job = jobs.job(workspace, id).orElseThrow();
            if (job.status().finished()) {
                return job;
            }
            pause();
        }
        throw new AssertionError("job " + id + " did not finish within 60 s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /** A Meta business and its Full-control person's service token. */
    public record MetaBusiness(Business business, String token) {

        public String id() {
            return business.id();
        }
    }

    /** A TikTok Business Center and its Admin's access token. */
    public record TikTokCenter(BusinessCenter center, String token) {

        public String id() {
            return center.bcId();
        }
    }
}
