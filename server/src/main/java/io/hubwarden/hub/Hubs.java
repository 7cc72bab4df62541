package io.hubwarden.hub;

import io.hubwarden.automation.Job;
import io.hubwarden.automation.JobRequest;
import io.hubwarden.automation.JobStatus;
import io.hubwarden.automation.Jobs;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubKind;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import io.hubwarden.platform.Ids;
import io.hubwarden.platform.PlatformSettings;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.Workspaces;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub module's entry point: connecting hubs, reading what their last sync saw, calling a hub through its
 * connector, and the actions people take on a hub's accounts and syncs.
 *
 * <p>Reads and actions taking a {@link WorkspaceId} or a {@link SignedInPerson} only see that workspace's hubs: a hub
 * of another workspace is {@link HubUnknown}, as if it did not exist. Methods taking only a {@link HubId} are for
 * other modules' jobs and listeners, which got the id from this module. Whether a person may manage a given hub
 * (beyond the workspace permission to connect hubs) is the caller's decision.
 */
@Service
public class Hubs {

    /** Where the hub sends a browser back after the service connection's sign-in. */
    public static final String OAUTH_CALLBACK_PATH = "/hubs/oauth/callback";

    /** The type of the jobs that sync a hub, as {@link io.hubwarden.automation.Jobs} lists them. */
    public static final String SYNC = SyncJob.TYPE;

    private final HubStore hubs;
    private final HubViews views;
    private final HubAccounts accounts;
    private final Connectors connectors;
    private final HubCredentials credentials;
    private final HubCalls calls;
    private final SyncLedger ledger;
    private final Jobs jobs;
    private final Workspaces workspaces;
    private final HubsSettings settings;
    private final PlatformSettings platform;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    @SuppressWarnings("TooManyParameters") // the facade over the module
    Hubs(
            HubStore hubs,
            HubViews views,
            HubAccounts accounts,
            Connectors connectors,
            HubCredentials credentials,
            HubCalls calls,
            SyncLedger ledger,
            Jobs jobs,
            Workspaces workspaces,
            HubsSettings settings,
            PlatformSettings platform,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.hubs = hubs;
        this.views = views;
        this.accounts = accounts;
        this.connectors = connectors;
        this.credentials = credentials;
        this.calls = calls;
        this.ledger = ledger;
        this.jobs = jobs;
        this.workspaces = workspaces;
        this.settings = settings;
        this.platform = platform;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------- reading

    /** The workspace's hub, if it has one with this id. */
    public Optional<HubView> hub(WorkspaceId workspace, HubId id) {
        return views.one(workspace, id);
    }

    /** The workspace's hubs, by label. */
    public List<HubView> hubsOf(WorkspaceId workspace) {
        return views.of(workspace);
    }

    /**
     * What tenant cards show of the workspace's hubs, by label, with the {@link #viewsVersion} read in the same
     * statement: one query for both, and cheaper than {@link #hubsOf}.
     */
    public HubSummaries summariesOf(WorkspaceId workspace) {
        return views.summariesOf(workspace);
    }

    /**
     * A version of the workspace's hub views, for conditional requests: it changes whenever one of {@link #hubsOf}'s
     * views would read differently (a hub connected, or anything of a hub changed, its business name included), and
     * when this installation's console addresses change. Opaque text, comparable only with another of the same
     * workspace; one small query, far cheaper than the views.
     */
    public String viewsVersion(WorkspaceId workspace) {
        return views.versionOf(workspace);
    }

    /** The hub's account for a normalised e-mail address: the member if there is one, else an invitation. */
    public Optional<HubAccountView> account(HubId hub, String normalisedEmail) {
        return accounts.byEmail(hub, normalisedEmail.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The hub's members among the normalised addresses, as the last sync saw them, by address: what {@link #account}
     * reads for each address that has a member, in one query for up to a thousand addresses.
     */
    public Map<String, HubAccountView> members(HubId hub, Collection<String> normalisedEmails) {
        var emails = normalisedEmails.stream()
                .map(email -> email.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        return accounts.membersByEmail(hub, emails);
    }

    /** Every account of the hub as the last sync saw it, by name. */
    public List<HubAccountView> accounts(HubId hub) {
        return accounts.of(hub);
    }

    /** The hub's accounts that match no workspace person: unmatched ones first, then exempted ones. */
    public List<HubAccountView> unmatched(WorkspaceId workspace, HubId hub) {
        requireHub(workspace, hub);
        return accounts.unmatched(hub);
    }

    /** The assets a member of the hub holds, with their tasks on each. */
    public List<AssetView> assetsOf(HubId hub, HubUserId user) {
        return accounts.assetsOf(hub, user.value());
    }

    /**
     * How many of the hub's assets each member holds, by the member's hub user id, in one query; members without
     * assets are left out.
     *
     * @throws HubUnknown when the workspace has no such hub
     */
    public Map<String, Integer> assetCounts(WorkspaceId workspace, HubId hub) {
        requireHub(workspace, hub);
        return accounts.assetCounts(hub);
    }

    /** Every asset of the hub, without tasks. */
    public List<AssetView> assets(HubId hub) {
        return accounts.assets(hub);
    }

    /** The sync that waits for review, if the safeguard halted one. */
    public Optional<SyncReview> haltedSync(WorkspaceId workspace, HubId hub) {
        requireHub(workspace, hub);
        return ledger.halted(hub).map(sync -> review(hub, sync, true));
    }

    /** The hub's latest syncs, newest first, with what each changed (counts only). */
    public List<SyncReview> syncs(WorkspaceId workspace, HubId hub, int limit) {
        requireHub(workspace, hub);
        return ledger.latest(hub, limit).stream()
                .map(sync -> new SyncReview(
                        sync.id(),
                        hub,
                        sync.status() == SyncStatus.HALTED,
                        sync.startedAt(),
                        sync.finishedAt(),
                        sync.accounts(),
                        sync.assets(),
                        sync.assignments(),
                        List.of()))
                .toList();
    }

    // ---------------------------------------------------------------- calling a hub

    /**
     * Runs {@code call} with the hub's connector (the installation's app settings and the hub's business) and its
     * unsealed service credential. Runs outside any transaction of its own and keeps nothing.
     *
     * <p>When the hub answers {@link io.hubwarden.connector.HubAuthExpired}, the hub is marked REVIEW_CREDENTIALS
     * (publishing {@link HubCredentialsExpired} once) before the failure is rethrown; a hub already marked so fails
     * the same way without calling the hub.
     *
     * @throws HubUnknown when there is no such hub
     * @throws HubFailure whatever the hub answered
     */
    public <T> T call(HubId hub, HubCall<T> call) {
        return calls.call(hub, call);
    }

    // ---------------------------------------------------------------- connecting

    /** The hub kinds a connector is installed for. */
    public List<HubKind> connectableKinds() {
        return connectors.kinds();
    }

    /** The settings the connect form asks for a hub of this kind (the installation decides the others). */
    public List<SettingSpec> settingsOf(HubKind kind) {
        return connectors.perHubSettings(kind);
    }

    /**
     * Checks a connection's settings and label offline; never calls the hub. Label problems are named {@code label};
     * problems with the installation's own settings are named {@code installation}.
     */
    public List<SettingProblem> validate(HubConnection connection) {
        var problems = new ArrayList<SettingProblem>();
        if (connection.label().isBlank() || connection.label().strip().length() > Hub.MAX_LABEL_LENGTH) {
            problems.add(new SettingProblem("label", "A label is 1 to " + Hub.MAX_LABEL_LENGTH + " characters."));
        }
        problems.addAll(connectors.validate(connection.kind(), HubSettings.of(connection.settings())));
        return List.copyOf(problems);
    }

    /**
     * The live connection check: asks the hub for the business with the token. Validates offline first.
     *
     * @throws SettingsRejected when the settings have problems (the hub is not called)
     */
    public ConnectionCheck check(HubConnection connection, String token) {
        return check(connector(connection), ServiceCredential.of(token));
    }

    /**
     * Connects a hub with a pasted token: validates offline, checks the connection live, then stores the hub with
     * the token sealed, makes {@code person} its owner ({@link HubConnected}) and enqueues its first sync.
     *
     * @throws HubAccessDenied when the person may not connect hubs
     * @throws SettingsRejected when the settings have problems (the hub is not called)
     * @throws ConnectionFailed when the hub refused; nothing is stored
     * @throws BusinessAlreadyConnected when the workspace has a hub for the business
     */
    public HubView connectWithToken(SignedInPerson person, HubConnection connection, String token) {
        requireConnect(person);
        var connector = connector(connection);
        var credential = ServiceCredential.of(token);
        return connected(person, connection, connector, credential, CredentialMethod.TOKEN, null);
    }

    /** The redirect URI of the service connection's sign-in, registered with each hub's app. */
    public URI serviceRedirectUri() {
        return URI.create(platform.baseUrl() + OAUTH_CALLBACK_PATH);
    }

    /**
     * The origins of the hubs' sign-in pages (Facebook Login, TikTok's authorization page): the dashboard's forms send
     * browsers there, so its content security policy lets forms go there.
     */
    public List<URI> signInOrigins() {
        return Stream.of(settings.meta().dialogUrl(), settings.tiktok().authUrl())
                .map(page -> URI.create(page.getScheme() + "://" + page.getRawAuthority()))
                .distinct()
                .toList();
    }

    /**
     * Where to send the person's browser to sign in with the hub as a Full-control person of the business. The
     * caller binds {@code state} to the session and checks it on return.
     *
     * @throws HubAccessDenied when the person may not connect hubs
     * @throws SettingsRejected when the settings have problems
     */
    public URI authorizeUrl(SignedInPerson person, HubConnection connection, String state) {
        requireConnect(person);
        return connector(connection).serviceConnection().authorizeUrl(state, serviceRedirectUri());
    }

    /**
     * Connects a hub with the code the hub's sign-in sent back: exchanges it, then proceeds as
     * {@link #connectWithToken}.
     *
     * @throws ConnectionFailed when the exchange or the check failed; nothing is stored
     */
    public HubView connectWithCode(SignedInPerson person, HubConnection connection, String code) {
        requireConnect(person);
        var connector = connector(connection);
        var issued = exchange(connector, code);
        return connected(
                person,
                connection,
                connector,
                new ServiceCredential(issued.accessToken()),
                CredentialMethod.OAUTH,
                issued.expiresAt());
    }

    /** Where to send the browser to sign in again for an existing hub; see {@link #authorizeUrl}. */
    public URI reauthorizeUrl(SignedInPerson person, HubId id, String state) {
        requireConnect(person);
        var hub = requireHub(person.workspaceId(), id);
        return connectors
                .open(hub.kind(), PerHubSettings.decode(hub.settings()))
                .serviceConnection()
                .authorizeUrl(state, serviceRedirectUri());
    }

    /**
     * Gives a hub a new pasted token after checking it live: the hub turns HEALTHY, its paused jobs resume and a
     * sync is enqueued.
     *
     * @throws ConnectionFailed when the hub refused the token; the hub keeps its old credential
     */
    public HubView reconnectWithToken(SignedInPerson person, HubId id, String token) {
        requireConnect(person);
        var hub = requireHub(person.workspaceId(), id);
        var connector = connectors.open(hub.kind(), PerHubSettings.decode(hub.settings()));
        return reconnected(person, hub, connector, ServiceCredential.of(token), CredentialMethod.TOKEN, null);
    }

    /** As {@link #reconnectWithToken}, with the code of the hub's sign-in. */
    public HubView reconnectWithCode(SignedInPerson person, HubId id, String code) {
        requireConnect(person);
        var hub = requireHub(person.workspaceId(), id);
        var connector = connectors.open(hub.kind(), PerHubSettings.decode(hub.settings()));
        var issued = exchange(connector, code);
        return reconnected(
                person,
                hub,
                connector,
                new ServiceCredential(issued.accessToken()),
                CredentialMethod.OAUTH,
                issued.expiresAt());
    }

    // ---------------------------------------------------------------- syncing

    /**
     * Asks for a sync now ("Check for updates"). When one is already queued or running, that one is returned.
     *
     * @throws HubUnknown when the workspace has no such hub
     */
    public Job requestSync(SignedInPerson person, HubId id) {
        var hub = requireHub(person.workspaceId(), id);
        var waiting = jobs.jobsOf(hub.workspaceId(), id.value(), PageRequest.of(0, 20)).stream()
                .filter(job -> job.type().equals(SyncJob.TYPE))
                .filter(job -> job.status() == JobStatus.QUEUED || job.status() == JobStatus.RUNNING)
                .findFirst();
        return waiting.orElseGet(() -> jobs.enqueue(
                JobRequest.of(hub.workspaceId(), SyncJob.TYPE, person.personId().toString())
                        .withHub(id.value())
                        .withTrigger("check for updates")));
    }

    /**
     * Applies the sync the safeguard halted, as reviewed: the hub turns HEALTHY and {@link HubSynced} is published.
     *
     * @throws SyncNotHalted when no sync waits for review
     */
    public SyncReview applyHaltedSync(SignedInPerson person, HubId id) {
        return transaction.execute(status -> {
            var hub = requireHub(person.workspaceId(), id);
            var sync = ledger.halted(id).orElseThrow(() -> new SyncNotHalted(id));
            var now = clock.instant();
            ledger.apply(sync, id, now);
            hub.synced(hub.businessName(), now);
            hubs.save(hub);
            return review(id, sync, false);
        });
    }

    /**
     * Throws away the sync the safeguard halted: the hub keeps what it knew and turns HEALTHY.
     *
     * @throws SyncNotHalted when no sync waits for review
     */
    public void discardHaltedSync(SignedInPerson person, HubId id) {
        transaction.executeWithoutResult(status -> {
            var hub = requireHub(person.workspaceId(), id);
            var sync = ledger.halted(id).orElseThrow(() -> new SyncNotHalted(id));
            ledger.discard(sync, clock.instant());
            hub.haltedSyncDiscarded();
            hubs.save(hub);
        });
    }

    // ---------------------------------------------------------------- unmatched accounts

    /**
     * Matches an account to a workspace person by hand; later syncs keep the match. Publishes
     * {@link HubAccountMatched}.
     *
     * @throws HubAccountUnknown when the hub has no such account
     * @throws io.hubwarden.workspace.PersonNotFound when the workspace has no such person
     */
    public HubAccountView match(SignedInPerson actor, HubId hub, HubAccountId account, PersonId person) {
        return transaction.execute(status -> {
            requireHub(actor.workspaceId(), hub);
            var target =
                    workspaces.person(actor.workspaceId(), person).orElseThrow(() -> new HubAccountUnknown(account));
            var found = accounts.find(hub, account).orElseThrow(() -> new HubAccountUnknown(account));
            accounts.match(hub, account, target.id(), clock.instant());
            events.publishEvent(new HubAccountMatched(actor.workspaceId(), hub, found.externalId(), target.id()));
            return accounts.find(hub, account).orElseThrow(() -> new HubAccountUnknown(account));
        });
    }

    /**
     * Leaves an unmatched account alone on purpose, with the reason shown in the Users table.
     *
     * @throws HubAccountUnknown when the hub has no such unmatched account
     * @throws IllegalArgumentException when the reason is blank or longer than 500 characters
     */
    public HubAccountView exempt(SignedInPerson actor, HubId hub, HubAccountId account, String reason) {
        var trimmed = reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > 500) {
            throw new IllegalArgumentException("an exemption needs a reason of at most 500 characters");
        }
        return transaction.execute(status -> {
            requireHub(actor.workspaceId(), hub);
            if (!accounts.exempt(hub, account, trimmed, clock.instant())) {
                throw new HubAccountUnknown(account);
            }
            return accounts.find(hub, account).orElseThrow(() -> new HubAccountUnknown(account));
        });
    }

    /**
     * Enqueues the removal of an unmatched account from the hub (a member leaves the business; an invitation is
     * withdrawn). Idempotent per account.
     *
     * @throws HubAccountUnknown when the hub has no such unmatched account
     */
    public Job remove(SignedInPerson actor, HubId hub, HubAccountId account) {
        return transaction.execute(status -> {
            var found = requireHub(actor.workspaceId(), hub);
            var target = accounts.find(hub, account)
                    .filter(HubAccountView::unmatched)
                    .orElseThrow(() -> new HubAccountUnknown(account));
            return jobs.enqueue(JobRequest.of(
                            found.workspaceId(),
                            RemovalJob.TYPE,
                            actor.personId().toString())
                    .withHub(hub.value())
                    .withSubject(target.id().toString())
                    .withTrigger("unmatched account removed")
                    .withIdempotencyKey("remove-hub-account:" + target.id()));
        });
    }

    // ---------------------------------------------------------------- inside

    private HubView connected(
            SignedInPerson person,
            HubConnection connection,
            HubConnector connector,
            ServiceCredential credential,
            CredentialMethod method,
            @Nullable Instant expires) {
        var check = check(connector, credential);
        if (!check.reached()) {
            throw new ConnectionFailed(check);
        }
        var business = Objects.requireNonNull(check.business());
        var perHub = HubSettings.of(connection.settings());
        return transaction.execute(status -> {
            var existing = hubs.findByWorkspaceIdOrderByLabelAsc(person.workspaceId()).stream()
                    .filter(hub ->
                            hub.kind() == connection.kind() && hub.businessId().equals(business.id()))
                    .findFirst();
            if (existing.isPresent()) {
                throw new BusinessAlreadyConnected(existing.get().id());
            }
            var id = new HubId(ids.next());
            var hub = Hub.connected(
                    id,
                    person.workspaceId(),
                    connection.kind(),
                    connection.label(),
                    business.id(),
                    business.name(),
                    PerHubSettings.encode(perHub),
                    person.personId(),
                    credentials.seal(id, credential, method, expires),
                    settings.sync().safeguardPercent(),
                    clock.instant());
            hubs.save(hub);
            enqueueSync(hub, person.personId().toString(), "hub connected", "sync:connected:" + id);
            return view(hub);
        });
    }

    private HubView reconnected(
            SignedInPerson person,
            Hub stale,
            HubConnector connector,
            ServiceCredential credential,
            CredentialMethod method,
            @Nullable Instant expires) {
        var check = check(connector, credential);
        if (!check.reached()) {
            throw new ConnectionFailed(check);
        }
        var business = Objects.requireNonNull(check.business());
        return transaction.execute(status -> {
            var hub = requireHub(person.workspaceId(), stale.id());
            hub.reconnected(credentials.seal(hub.id(), credential, method, expires), business.name());
            hubs.save(hub);
            jobs.resume(hub.workspaceId(), hub.id().value());
            enqueueSync(hub, person.personId().toString(), "hub reconnected", null);
            return view(hub);
        });
    }

    private void enqueueSync(Hub hub, String causedBy, String trigger, @Nullable String key) {
        var request = JobRequest.of(hub.workspaceId(), SyncJob.TYPE, causedBy)
                .withHub(hub.id().value())
                .withTrigger(trigger);
        jobs.enqueue(key == null ? request : request.withIdempotencyKey(key));
    }

    private static ConnectionCheck check(HubConnector connector, ServiceCredential credential) {
        try {
            return ConnectionCheck.reached(connector.business(credential));
        } catch (HubFailure failure) {
            return ConnectionCheck.failed(failure);
        }
    }

    private IssuedToken exchange(HubConnector connector, String code) {
        try {
            return connector.serviceConnection().exchange(code, serviceRedirectUri());
        } catch (HubFailure failure) {
            throw new ConnectionFailed(ConnectionCheck.signInRefused(failure));
        }
    }

    private HubConnector connector(HubConnection connection) {
        var problems = validate(connection);
        if (!problems.isEmpty()) {
            throw new SettingsRejected(problems);
        }
        return connectors.open(connection.kind(), HubSettings.of(connection.settings()));
    }

    private Hub requireHub(WorkspaceId workspace, HubId id) {
        return hubs.findByIdAndWorkspaceId(id, workspace).orElseThrow(() -> new HubUnknown(id));
    }

    private static void requireConnect(SignedInPerson person) {
        if (!person.can(Permission.CONNECT_HUB)) {
            throw new HubAccessDenied("Connecting a hub needs the permission " + Permission.CONNECT_HUB);
        }
    }

    private SyncReview review(HubId hub, UUID sync, boolean halted) {
        var recorded = ledger.recorded(sync).orElseThrow(() -> new SyncNotHalted(hub));
        var removed = halted ? accounts.byIds(hub, ledger.removedAccountIds(sync, hub)) : List.<HubAccountView>of();
        return new SyncReview(
                sync,
                hub,
                halted,
                recorded.startedAt(),
                recorded.finishedAt(),
                recorded.accounts(),
                recorded.assets(),
                recorded.assignments(),
                removed);
    }

    private HubView view(Hub hub) {
        return hub.view(connectors
                .console(hub.kind())
                .map(template -> URI.create(template.replace("{business}", hub.businessId())))
                .orElse(null));
    }
}
