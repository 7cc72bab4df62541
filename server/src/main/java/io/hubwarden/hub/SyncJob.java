package io.hubwarden.hub;

import io.hubwarden.automation.JobAborted;
import io.hubwarden.automation.JobContext;
import io.hubwarden.automation.JobHandler;
import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.AssetTasks;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.hub.SyncCursor.Phase;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.Workspaces;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SYNC job: reads the hub's members, pending invitations, assets and who holds which asset, page by page into
 * the staging tables (saving the cursor after each page, so a later attempt resumes there), matches people by
 * e-mail, then applies the sync, or halts it when it would remove more than the hub's safeguard allows.
 *
 * <p>The job's id is the sync's id: running the job again after the sync was applied, halted or discarded does
 * nothing.
 */
@Component
class SyncJob implements JobHandler {

    static final String TYPE = "SYNC";
    private static final int STEPS = Phase.values().length;
    /** How many assets' grants a step reads: Graph's limit of requests in one batch. */
    static final int GRANTS_PER_STEP = 50;

    private static final Logger LOG = LoggerFactory.getLogger(SyncJob.class);

    private final HubStore hubs;
    private final Connectors connectors;
    private final HubCredentials credentials;
    private final SyncStaging staging;
    private final SyncLedger ledger;
    private final HubHealthUpdates health;
    private final Workspaces workspaces;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final int pageSize;

    @SuppressWarnings("TooManyParameters") // the collaborators of a sync
    SyncJob(
            HubStore hubs,
            Connectors connectors,
            HubCredentials credentials,
            SyncStaging staging,
            SyncLedger ledger,
            HubHealthUpdates health,
            Workspaces workspaces,
            HubsSettings settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.hubs = hubs;
        this.connectors = connectors;
        this.credentials = credentials;
        this.staging = staging;
        this.ledger = ledger;
        this.health = health;
        this.workspaces = workspaces;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.pageSize = settings.sync().pageSize();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobContext job) {
        var hubId =
                job.hubId().map(HubId::new).orElseThrow(() -> new JobAborted("HUB_MISSING", "A sync job needs a hub."));
        var sync = job.id().value();
        var hub = hubs.findById(hubId).orElseThrow(() -> new JobAborted("HUB_GONE", "The hub is no longer connected."));
        if (hub.health() == HubHealth.DISCONNECTED) {
            throw new JobAborted("HUB_DISCONNECTED", "The hub was disconnected.");
        }
        var status = ledger.status(sync);
        if (status.isPresent() && status.get() != SyncStatus.STAGING) {
            return;
        }
        if (status.isEmpty()) {
            transaction.executeWithoutResult(tx -> ledger.start(sync, hubId, clock.instant()));
        }
        var started = System.nanoTime();
        var connector = connectors.open(hub.kind(), PerHubSettings.decode(hub.settings()));
        var credential = credentials.open(hub);
        try {
            var business = business(hubId, connector, credential);
            var run = new Run(job, sync, connector, credential, () -> workspaces.matchableByEmail(hub.workspaceId()));
            run.stage(job.checkpoint().map(SyncCheckpoint::parse).orElse(SyncCheckpoint.START));
            job.progress(STEPS - 1, STEPS, "Comparing with what Hubwarden knows");
            decide(hubId, sync, business);
            LOG.info(
                    "Sync {} of hub {} read and decided in {} ms",
                    sync,
                    hubId,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (HubAuthExpired expired) {
            health.credentialsExpired(hubId, String.valueOf(expired.getMessage()));
            throw expired;
        }
    }

    private BusinessInfo business(HubId hubId, HubConnector connector, ServiceCredential credential) {
        try {
            return connector.business(credential);
        } catch (HubRejected | HubNotFound refused) {
            health.configurationRefused(hubId, String.valueOf(refused.getMessage()));
            throw refused;
        }
    }

    private void decide(HubId hubId, UUID sync, BusinessInfo business) {
        // Statistics first: PostgreSQL plans even the first statement over the staged rows by them.
        ledger.refreshStatistics();
        transaction.executeWithoutResult(tx -> ledger.forgetRereadings(sync));
        transaction.executeWithoutResult(tx -> {
            var hub = hubs.findById(hubId).orElseThrow(() -> new JobAborted("HUB_GONE", "The hub is gone."));
            var now = clock.instant();
            var accounts = ledger.accountRemovals(sync, hubId);
            var assets = ledger.assetRemovals(sync, hubId);
            var percent = hub.safeguardPercent();
            if (accounts.exceed(percent) || assets.exceed(percent)) {
                ledger.halt(
                        sync,
                        ledger.accountCounts(sync, hubId),
                        ledger.assetCounts(sync, hubId),
                        ledger.assignmentCounts(sync, hubId),
                        now);
                hub.syncHalted("The sync would remove " + accounts.removed() + " of " + accounts.before()
                        + " people and " + assets.removed() + " of " + assets.before() + " assets.");
            } else {
                ledger.apply(sync, hubId, accounts.before(), assets.before(), now);
                hub.synced(business.name(), now);
            }
            hubs.save(hub);
        });
    }

    /**
     * One attempt's reading of the hub, in two lanes at once, each phase after phase from its saved cursor: the
     * people (members, then pending invitations) and the assets (assets, then who holds them). Each page is read
     * outside any transaction, then staged together with the pages that waited beside it, in one transaction with the
     * job's progress and the checkpoint after them, so that a later attempt resumes each lane exactly after its last
     * page staged. Each lane is read on a thread of its own a few pages ahead of staging ({@link ReadAhead}), one call
     * at a time; the job's thread stages the pages of both.
     */
    private final class Run {

        private static final int PEOPLE = 0;
        private static final int ASSETS = 1;

        private final JobContext job;
        private final UUID sync;
        private final HubConnector connector;
        private final ServiceCredential credential;
        private final Supplier<Map<String, PersonId>> matchable;
        /**
         * The workspace's people by address, read on the job's thread once the lanes have started reading, so that
         * reading a large workspace's people and the hub's first pages overlap.
         */
        private @Nullable Map<String, PersonId> people;
        /** Where both lanes stand after the pages staged so far; the job's thread alone reads and writes it. */
        private SyncCheckpoint staged = SyncCheckpoint.START;
        // The assets lane's own, read on its thread alone.
        private @Nullable List<AssetRef> grantable;
        private Map<AssetRef, Integer> positions = Map.of();

        Run(
                JobContext job,
                UUID sync,
                HubConnector connector,
                ServiceCredential credential,
                Supplier<Map<String, PersonId>> matchable) {
            this.job = job;
            this.sync = sync;
            this.connector = connector;
            this.credential = credential;
            this.matchable = matchable;
        }

        void stage(SyncCheckpoint from) {
            staged = from;
            ReadAhead.<Read>run(
                    "hubwarden-sync-" + sync,
                    List.of(
                            pagesRead -> new PeopleLane(pagesRead).readFrom(from.people()),
                            pagesRead -> new AssetsLane(pagesRead).readFrom(from.assets())),
                    this::commit);
        }

        /** The people that staging matches by address; on the job's thread alone. */
        private Map<String, PersonId> people() {
            var known = people;
            if (known == null) {
                known = matchable.get();
                people = known;
            }
            return known;
        }

        /**
         * Stages pages read, each lane's in the order it read them, with the job's progress and the checkpoint of what
         * follows the last of them, in one transaction.
         */
        private void commit(List<Read> reads) {
            if (reads.stream().anyMatch(read -> read.lane() == PEOPLE)) {
                // Read before the transaction, which should hold no more than the writes.
                people();
            }
            var after = staged;
            for (var read : reads) {
                after = read.lane() == PEOPLE ? after.withPeople(read.next()) : after.withAssets(read.next());
            }
            var checkpoint = after;
            var label = reads.get(reads.size() - 1).label();
            transaction.executeWithoutResult(tx -> {
                var rows = staging.rows(sync);
                reads.forEach(read -> read.stage().accept(rows));
                rows.write();
                job.progress(checkpoint.phasesDone(), STEPS, label, checkpoint.text());
            });
            staged = after;
        }

        /** Reads the members, then the pending invitations. */
        private final class PeopleLane {

            private final ReadAhead.Reading<Read> reading;
            private int pages;

            PeopleLane(ReadAhead.Reading<Read> reading) {
                this.reading = reading;
            }

            void readFrom(SyncCursor from) {
                var at = from;
                while (at.phase() != Phase.APPLY) {
                    at = step(at);
                }
            }

            private SyncCursor step(SyncCursor at) {
                pages++;
                var request = new PageRequest(at.cursor(), pageSize);
                if (at.phase() == Phase.MEMBERS) {
                    var page = connector.members(credential, request);
                    var next = page.hasNext() ? at.next(page.next()) : SyncCursor.at(Phase.INVITATIONS);
                    return staged(next, "Reading members, page " + pages, rows -> rows.members(page.items(), people()));
                }
                var page = connector.invitations(credential, request);
                var next = page.hasNext() ? at.next(page.next()) : SyncCursor.at(Phase.APPLY);
                return staged(
                        next,
                        "Reading pending invitations, page " + pages,
                        rows -> rows.invitations(page.items(), people()));
            }

            private SyncCursor staged(SyncCursor next, String label, Consumer<SyncStaging.Rows> stage) {
                reading.read(new Read(PEOPLE, next, label, stage));
                return next;
            }
        }

        /** Reads the assets, kind after kind, then who holds them. */
        private final class AssetsLane {

            private final ReadAhead.Reading<Read> reading;
            private int pages;

            AssetsLane(ReadAhead.Reading<Read> reading) {
                this.reading = reading;
            }

            void readFrom(SyncCursor from) {
                var access = connector.assets().orElse(null);
                if (access == null || access.kinds().isEmpty()) {
                    return;
                }
                var at = from;
                while (at.phase() != Phase.APPLY) {
                    at = step(access, at);
                }
            }

            private SyncCursor step(AssetAccess access, SyncCursor at) {
                if (at.phase() != Phase.ASSETS) {
                    return grants(access, at);
                }
                pages++;
                var kind = at.kind() == null ? access.kinds().get(0).kind() : at.kind();
                var page = access.assets(credential, kind, new PageRequest(at.cursor(), pageSize));
                var next = page.hasNext()
                        ? new SyncCursor(Phase.ASSETS, kind, null, page.next())
                        : nextAssetKind(access, kind);
                return staged(
                        next,
                        "Reading assets ("
                                + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "), page " + pages,
                        rows -> rows.assets(page.items()));
            }

            private SyncCursor staged(SyncCursor next, String label, Consumer<SyncStaging.Rows> stage) {
                reading.read(new Read(ASSETS, next, label, stage));
                return next;
            }

            /**
             * Reads who holds the assets from the cursor's asset on: the first page of up to
             * {@link #GRANTS_PER_STEP} assets at once, then the further pages of any asset that has more, each page
             * its own step.
             */
            private SyncCursor grants(AssetAccess access, SyncCursor at) {
                var assets = grantable(access);
                AssetRef asset = at.assetRef();
                int from = asset == null ? 0 : positions.getOrDefault(asset, 0);
                if (from >= assets.size()) {
                    return SyncCursor.at(Phase.APPLY);
                }
                pages++;
                var label = "Reading who holds which asset, page " + pages;
                if (at.cursor() != null && asset != null) {
                    var page = readGrants(access, asset, at.cursor());
                    var next = page != null && page.hasNext()
                            ? new SyncCursor(Phase.GRANTS, asset.kind(), asset.id(), page.next())
                            : startingAt(from + 1);
                    return staged(next, label, rows -> {
                        if (page != null) {
                            rows.grants(asset, page.items());
                        }
                    });
                }
                var window = assets.subList(from, Math.min(assets.size(), from + GRANTS_PER_STEP));
                int end = from + window.size();
                var firstPages = access.grants(credential, window, pageSize);
                staged(continuation(window, firstPages, -1, end), label, rows -> {
                    var byAsset = new LinkedHashMap<AssetRef, List<AssetGrant>>();
                    firstPages.forEach((read, page) -> byAsset.put(read, page.items()));
                    rows.grants(byAsset);
                });
                for (int i = 0; i < window.size(); i++) {
                    var read = window.get(i);
                    var page = firstPages.get(read);
                    while (page != null && page.hasNext()) {
                        pages++;
                        page = readGrants(access, read, page.next());
                        var more = page;
                        var then = more != null && more.hasNext()
                                ? new SyncCursor(Phase.GRANTS, read.kind(), read.id(), more.next())
                                : continuation(window, firstPages, i, end);
                        staged(then, "Reading who holds which asset, page " + pages, rows -> {
                            if (more != null) {
                                rows.grants(read, more.items());
                            }
                        });
                    }
                }
                return startingAt(end);
            }

            /**
             * Where to resume once the window's asset at {@code done} is read to its end: the next asset of the
             * window whose first page said there is more, else the asset after the window.
             */
            private SyncCursor continuation(
                    List<AssetRef> window, Map<AssetRef, Page<AssetGrant>> firstPages, int done, int end) {
                for (int j = done + 1; j < window.size(); j++) {
                    var page = firstPages.get(window.get(j));
                    if (page != null && page.hasNext()) {
                        return new SyncCursor(
                                Phase.GRANTS,
                                window.get(j).kind(),
                                window.get(j).id(),
                                page.next());
                    }
                }
                return startingAt(end);
            }

            /** A further page of an asset's grants; {@code null} when the asset left the business meanwhile. */
            private @Nullable Page<AssetGrant> readGrants(AssetAccess access, AssetRef asset, @Nullable String cursor) {
                try {
                    return access.grants(credential, asset, new PageRequest(cursor, pageSize));
                } catch (HubNotFound gone) {
                    // The asset left the business while the sync ran; the next sync will not list it.
                    LOG.debug("Asset {} of sync {} is gone: {}", asset.id(), sync, gone.getMessage());
                    return null;
                }
            }

            private SyncCursor startingAt(int position) {
                var assets = grantable == null ? List.<AssetRef>of() : grantable;
                if (position >= assets.size()) {
                    return SyncCursor.at(Phase.APPLY);
                }
                var asset = assets.get(position);
                return new SyncCursor(Phase.GRANTS, asset.kind(), asset.id(), null);
            }

            /** The staged assets whose grants are read, in the order the cursor follows; read once per attempt. */
            private List<AssetRef> grantable(AssetAccess access) {
                if (grantable == null) {
                    var kinds = access.kinds().stream()
                            .filter(AssetTasks::grantable)
                            .map(tasks -> tasks.kind().name())
                            .toList();
                    // Which assets there are is what the pages read so far staged.
                    reading.awaitStaged();
                    var assets = staging.grantable(sync, kinds);
                    var index = new HashMap<AssetRef, Integer>();
                    for (int i = 0; i < assets.size(); i++) {
                        index.put(assets.get(i), i);
                    }
                    grantable = assets;
                    positions = index;
                }
                return grantable;
            }

            private SyncCursor nextAssetKind(AssetAccess access, AssetKind current) {
                List<AssetTasks> kinds = access.kinds();
                for (int i = 0; i < kinds.size() - 1; i++) {
                    if (kinds.get(i).kind() == current) {
                        return new SyncCursor(Phase.ASSETS, kinds.get(i + 1).kind(), null, null);
                    }
                }
                return SyncCursor.at(Phase.GRANTS);
            }
        }
    }

    /**
     * A page read and not yet staged: its lane, where that lane stands after it, the progress to show, and how to
     * stage it.
     */
    private record Read(int lane, SyncCursor next, String label, Consumer<SyncStaging.Rows> stage) {}
}
