package io.hubwarden.bench;

import io.hubwarden.hub.HubId;
import io.hubwarden.hub.Hubs;
import io.hubwarden.simulator.meta.AssetType;
import io.hubwarden.workspace.SignedInPerson;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A business of M business users, M/5 assets and 2M assignments against a workspace of M people: wall time and peak
 * heap of the first (full) sync, then of a second sync after 1 % of the business changed (new members, each given an
 * asset), checking that the second sync wrote only those rows. {@code --members=10000,100000} runs each size on a
 * fresh stack and compares the time per member; {@code --deltas=N} runs N delta syncs, each after its own 1 % change.
 */
final class SyncScenario {

    static final double TARGET_FULL_SECONDS = 5;
    static final double TARGET_HEAP_MIB = 512;
    static final double TARGET_DELTA_SECONDS = 1;
    static final double TARGET_LINEARITY = 1.5;

    private static final AssetType[] KINDS = {
        AssetType.AD_ACCOUNT, AssetType.PAGE, AssetType.PRODUCT_CATALOG, AssetType.PIXEL
    };

    private SyncScenario() {}

    static void run(Options options, Report report) {
        var sizes = options.integers("members", "100000");
        var perMember = new ArrayList<Double>();
        for (int members : sizes) {
            try (var stack = Stack.start(options)) {
                perMember.add(run(stack, options, members, report));
            }
        }
        if (perMember.size() > 1) {
            double smallest = perMember.get(0);
            double largest = perMember.get(perMember.size() - 1);
            report.line(
                    "== sync, time per member: %s members -> %s",
                    sizes,
                    perMember.stream()
                            .map(value -> String.format(Locale.ROOT, "%.1f us", value))
                            .toList());
            report.atMost("time per member, largest / smallest size", largest / smallest, TARGET_LINEARITY, "x");
        }
    }

    /** Runs one size; returns the full sync's time per member in microseconds. */
    static double run(Stack stack, Options options, int members, Report report) {
        int assets = Math.max(1, members / 5);
        int assignments = members * 2;
        report.machine(
                String.format(Locale.ROOT, "sync, %d members, %d assets, %d assignments", members, assets, assignments),
                stack.database().kind(),
                stack.dataSource());
        var seeds = new Seeds(stack);
        var owner = seeds.owner();
        var business = seeds.business(owner, "Sync Ads " + Instant.now().toEpochMilli());
        var meta = stack.meta();
        var id = business.business().id();
        long seeding = System.nanoTime();
        var userIds = new ArrayList<String>(members);
        var emails = new ArrayList<String>(members);
        for (int i = 0; i < members; i++) {
            var email = String.format(Locale.ROOT, "member%06d@sync.test", i);
            meta.seedPerson(email, "Member " + i, "pw");
            userIds.add(meta.addBusinessUser(id, email, i % 50 == 0 ? "ADMIN" : "EMPLOYEE")
                    .id());
            emails.add(email);
        }
        var assetIds = new ArrayList<String>(assets);
        var assetKinds = new ArrayList<AssetType>(assets);
        for (int a = 0; a < assets; a++) {
            var kind = KINDS[a % KINDS.length];
            assetIds.add(meta.seedAsset(id, kind, kind.name().toLowerCase(Locale.ROOT) + " " + a)
                    .id());
            assetKinds.add(kind);
        }
        int perAsset = assignments / assets;
        for (int a = 0; a < assets; a++) {
            for (int k = 0; k < perAsset; k++) {
                int user = (int) (((long) a * perAsset + k * 7919L) % members);
                meta.assign(assetIds.get(a), userIds.get(user), tasks(assetKinds.get(a)));
            }
        }
        seeds.people(owner.workspaceId(), emails);
        report.figure("seeding (simulator and people rows)", (System.nanoTime() - seeding) / 1e9, "s");
        double baseline = MemoryWatch.liveHeapMib();
        report.figure("live heap before the sync (whole process)", baseline, "MiB");

        boolean postgres = stack.database().kind().equals("postgres");
        HubId hub;
        Timing full;
        try (var memory = MemoryWatch.start()) {
            double cpuBefore = MemoryWatch.cpuSeconds();
            var cpu = CpuShares.start();
            hub = seeds.connect(owner, business);
            seeds.awaitJobs(hub, "SYNC", Duration.ofMinutes(30));
            full = timing(stack, latestSync(stack, hub));
            report.figure(
                    "full sync: CPU of the process (server and simulator)", MemoryWatch.cpuSeconds() - cpuBefore, "s");
            cpu.split().report(report, "full sync", postgres);
            report.figure("full sync: hub calls", stack.meta().requestsServed(), "");
            report.figure("full sync: accounts in Hubwarden", count(stack, "hub_account", hub), "");
            report.figure("full sync: assignments in Hubwarden", count(stack, "hub_assignment", hub), "");
            report.figure("full sync: of them matched to people", matched(stack, hub), "");
            report.atMost("full sync wall time (job created to finished)", full.seconds(), TARGET_FULL_SECONDS, "s");
            report.atMost("peak heap in use during full sync", memory.peakHeapMib(), TARGET_HEAP_MIB, "MiB");
            report.figure("  of which above the live heap before", memory.peakHeapMib() - baseline, "MiB");
        }
        report.figure("sync reactions (HubSynced) done after the job", awaitEvents(stack), "s");

        int deltas = options.integer("deltas", 1);
        for (int round = 1; round <= deltas; round++) {
            delta(stack, report, seeds, owner, hub, new Business(id, assetIds, assetKinds), members / 100, round);
        }
        report.figure("peak RSS (whole process)", MemoryWatch.peakRssMib(), "MiB");
        double perMember = full.seconds() * 1e6 / members;
        report.figure("full sync time per member", perMember, "us");
        return perMember;
    }

    /**
     * One delta sync after 1 % of the business changed (new members, each given an asset): its figures, and whether
     * it wrote only those rows. Rounds after the first show a server that has synced the hub before.
     */
    @SuppressWarnings("TooManyParameters") // the run's state a round changes
    private static void delta(
            Stack stack,
            Report report,
            Seeds seeds,
            SignedInPerson owner,
            HubId hub,
            Business business,
            int onePercent,
            int round) {
        int changes = Math.max(1, onePercent);
        var label = round == 1 ? "delta sync" : "delta sync " + round;
        boolean postgres = stack.database().kind().equals("postgres");
        var newEmails = new ArrayList<String>(changes);
        for (int i = 0; i < changes; i++) {
            var email = String.format(Locale.ROOT, "joiner%d-%06d@sync.test", round, i);
            stack.meta().seedPerson(email, "Joiner " + i, "pw");
            var user = stack.meta()
                    .addBusinessUser(business.id(), email, "EMPLOYEE")
                    .id();
            int asset = i % business.assetIds().size();
            stack.meta()
                    .assign(
                            business.assetIds().get(asset),
                            user,
                            tasks(business.assetKinds().get(asset)));
            newEmails.add(email);
        }
        seeds.people(owner.workspaceId(), newEmails);
        try (var memory = MemoryWatch.start()) {
            double cpuBefore = MemoryWatch.cpuSeconds();
            var cpu = CpuShares.start();
            long callsBefore = stack.meta().requestsServed();
            var deltaStart = Timestamp.from(Instant.now());
            var job = stack.bean(Hubs.class).requestSync(owner, hub);
            seeds.awaitJobs(hub, "SYNC", Duration.ofMinutes(10));
            var delta = timing(stack, job.id().value());
            report.figure(
                    label + ": CPU of the process (server and simulator)", MemoryWatch.cpuSeconds() - cpuBefore, "s");
            cpu.split().report(report, label, postgres);
            report.figure(label + ": hub calls", stack.meta().requestsServed() - callsBefore, "");
            int accountsWritten = stack.count(
                    "select count(*) from hub_account where hub_id = ? and updated_at >= ?", hub.value(), deltaStart);
            int assignmentsWritten = stack.count(
                    "select count(*) from hub_assignment where hub_id = ? and updated_at >= ?",
                    hub.value(),
                    deltaStart);
            report.line(
                    "  %s wrote %d accounts (changed: %d) and %d assignments (changed: %d) -> %s",
                    label,
                    accountsWritten,
                    changes,
                    assignmentsWritten,
                    changes,
                    accountsWritten == changes && assignmentsWritten == changes
                            ? "only what changed"
                            : "MORE THAN WHAT CHANGED");
            report.atMost(label + " (1 %) wall time", delta.seconds(), TARGET_DELTA_SECONDS, "s");
            report.figure("peak heap in use during " + label, memory.peakHeapMib(), "MiB");
        }
    }

    /** The seeded business: its id and its assets, each with its kind. */
    private record Business(String id, List<String> assetIds, List<AssetType> assetKinds) {}

    private static List<String> tasks(AssetType kind) {
        return kind == AssetType.PRODUCT_CATALOG ? List.of("ADVERTISE") : List.of("ANALYZE");
    }

    private static UUID latestSync(Stack stack, HubId hub) {
        return stack.jdbc()
                .queryForList(
                        "select id from job where hub_id = ? and type = 'SYNC' order by created_at desc"
                                + " fetch first 1 rows only",
                        UUID.class,
                        hub.value())
                .get(0);
    }

    private static Timing timing(Stack stack, UUID job) {
        return stack.jdbc()
                .queryForObject(
                        "select status, created_at, finished_at, failure_message from job where id = ?",
                        (row, n) -> new Timing(
                                row.getString(1),
                                row.getTimestamp(2).toInstant(),
                                row.getTimestamp(3).toInstant(),
                                row.getString(4)),
                        job);
    }

    private static double count(Stack stack, String table, HubId hub) {
        Integer count = stack.jdbc()
                .queryForObject("select count(*) from " + table + " where hub_id = ?", Integer.class, hub.value());
        return count == null ? 0 : count;
    }

    private static double matched(Stack stack, HubId hub) {
        Integer count = stack.jdbc()
                .queryForObject(
                        "select count(*) from hub_account where hub_id = ? and person_id is not null",
                        Integer.class,
                        hub.value());
        return count == null ? 0 : count;
    }

    /** Seconds until every event publication (the module listeners' work) has completed. */
    static double awaitEvents(Stack stack) {
        long start = System.nanoTime();
        var deadline = start + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Integer open = stack.jdbc()
                    .queryForObject(
                            "select count(*) from event_publication where completion_date is null", Integer.class);
            if (open == null || open == 0) {
                break;
            }
            Seeds.pause(Duration.ofMillis(20));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private record Timing(
            String status,
            Instant created,
            Instant finished,
            @org.jspecify.annotations.Nullable String failure) {

        double seconds() {
            if (!status.equals("SUCCEEDED")) {
                throw new IllegalStateException("the sync ended " + status + ": " + failure);
            }
            return Duration.between(created, finished).toNanos() / 1e9;
        }
    }
}
