package io.hubwarden.bench;

import io.hubwarden.access.AccessRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.ShareRequest;
import io.hubwarden.hub.HubId;
import io.hubwarden.simulator.Fault;
import io.hubwarden.workspace.SignedInPerson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * One share of a Meta hub with N people, until every INVITE_USER job has succeeded and every person's "shared with
 * you" mail is in the mailbox: invites per second end to end, share-to-invited latency, peak heap and RSS. With
 * {@code --hub-latency=50ms} every invitation call of the simulator takes that long, to show that throughput is then
 * bound by the hub and by the per-hub concurrency setting, not by Hubwarden.
 *
 * <p>With {@code --warmup=M} the same fan-out of M other people on another hub runs first, {@code --warmup-rounds}
 * times (once by default), each reported as a round of its own: the first round in a fresh JVM is mostly the JIT
 * compiling the whole path of an invitation, and the measured fan-out is then that of a server that has run a while.
 */
final class FanOut {

    static final double TARGET_INVITES_PER_SECOND = 1_200;

    private FanOut() {}

    static void run(Options options, Report report) {
        try (var stack = Stack.start(options)) {
            int warmup = options.integer("warmup", 0);
            int rounds = options.integer("warmup-rounds", 1);
            for (int round = 1; warmup > 0 && round <= rounds; round++) {
                run(
                        stack,
                        options.with("people", String.valueOf(warmup)),
                        report,
                        "warm-up " + round + " of " + rounds);
            }
            run(stack, options, report, warmup > 0 ? "measured after the warm-up" : "measured in a fresh JVM");
        }
    }

    static void run(Stack stack, Options options, Report report) {
        run(stack, options, report, "measured");
    }

    private static void run(Stack stack, Options options, Report report, String round) {
        int people = options.integer("people", 1_000);
        var latency = options.duration("hub-latency", Duration.ZERO);
        report.machine(
                "fanout (" + round + "), " + people + " people, hub latency " + latency.toMillis() + " ms",
                stack.database().kind(),
                stack.dataSource());
        var seeds = new Seeds(stack);
        var owner = seeds.owner();
        var hub = seeds.connect(
                owner, seeds.business(owner, "Fan-out Ads " + Instant.now().toEpochMilli()));
        seeds.awaitJobs(hub, "SYNC", Duration.ofMinutes(2));
        var emails = new ArrayList<String>(people);
        String domain = "fanout" + Instant.now().toEpochMilli() + ".test";
        for (int i = 0; i < people; i++) {
            emails.add(String.format(Locale.ROOT, "person%06d@%s", i, domain));
        }
        seeds.people(owner.workspaceId(), emails);
        if (!latency.isZero()) {
            stack.meta().injectFault("POST", "/*/business_users", Fault.latency(latency), Integer.MAX_VALUE);
        }
        int mailsBefore = stack.mailbox().mails().size();
        var jdbc = stack.jdbc();

        try (var memory = MemoryWatch.start()) {
            double cpuBefore = stack.cpuSeconds();
            var sharedAt = Instant.now();
            long start = System.nanoTime();
            share(stack, owner, hub, emails);
            double shareSeconds = (System.nanoTime() - start) / 1e9;
            double shareCpu = stack.cpuSeconds() - cpuBefore;
            var deadline = System.nanoTime()
                    + Duration.ofSeconds(Math.max(120, people / 20)).toNanos();
            int finished = 0;
            int mails = 0;
            double mailsSeconds = 0;
            while (finished < people || mails < people) {
                if (System.nanoTime() > deadline) {
                    report.line("  gave up: %d of %d invitations finished, %d mails", finished, people, mails);
                    break;
                }
                Seeds.pause(Duration.ofMillis(250));
                // The jobs still to run, fewer with every poll: counting the finished ones read more rows each time,
                // on the database the server under test uses.
                Integer unfinished = jdbc.queryForObject(
                        "select count(*) from job where hub_id = ? and type = 'INVITE_USER'"
                                + " and status in ('QUEUED', 'RUNNING')",
                        Integer.class,
                        hub.value());
                finished = unfinished == null ? 0 : people - unfinished;
                if (mails < people) {
                    mails = stack.mailbox().mails().size() - mailsBefore;
                    mailsSeconds = (System.nanoTime() - start) / 1e9;
                }
            }
            double cpu = stack.cpuSeconds() - cpuBefore;
            Integer succeeded = jdbc.queryForObject(
                    "select count(*) from job where hub_id = ? and type = 'INVITE_USER' and status = 'SUCCEEDED'",
                    Integer.class,
                    hub.value());
            var lastInvited = jdbc.queryForObject(
                    "select max(finished_at) from job where hub_id = ? and type = 'INVITE_USER'",
                    java.sql.Timestamp.class,
                    hub.value());
            double invitedSeconds = lastInvited == null
                    ? Double.NaN
                    : Duration.between(sharedAt, lastInvited.toInstant()).toNanos() / 1e9;
            var latencies = jdbc
                    .queryForList(
                            "select status_changed_at from membership where hub_id = ? and status = 'INVITED'",
                            java.sql.Timestamp.class,
                            hub.value())
                    .stream()
                    .mapToDouble(
                            at -> Duration.between(sharedAt, at.toInstant()).toNanos() / 1e6)
                    .sorted()
                    .toArray();
            double endToEnd = Math.max(invitedSeconds, mailsSeconds);
            report.figure("share call (all people, one transaction)", shareSeconds * 1000, "ms");
            report.figure("  CPU per person in the share call", shareCpu * 1000 / people, "ms");
            report.figure(
                    "CPU per invitation, end to end (" + (stack.process() == null ? "all threads" : "server only")
                            + ")",
                    cpu * 1000 / people,
                    "ms");
            report.figure(
                    "  so at most, with every core busy",
                    Runtime.getRuntime().availableProcessors() * people / cpu,
                    "invites/s");
            report.figure("invitation jobs succeeded", succeeded == null ? 0 : succeeded, "of " + people);
            report.figure("memberships INVITED", latencies.length, "of " + people);
            report.figure("shared-with-you mails received", mails, "of " + people);
            report.figure("last invitation done after", invitedSeconds, "s");
            report.figure("last mail received after (+-0.25 s)", mailsSeconds, "s");
            report.figure("share-to-invited latency p50", percentile(latencies, 0.50), "ms");
            report.figure("share-to-invited latency p99", percentile(latencies, 0.99), "ms");
            if (stack.process() == null) {
                report.figure("peak heap in use (whole process)", memory.peakHeapMib(), "MiB");
                report.figure("peak RSS (whole process)", MemoryWatch.peakRssMib(), "MiB");
            }
            if (latency.isZero()) {
                report.atLeast(
                        "invites/s end to end (mail included)", people / endToEnd, TARGET_INVITES_PER_SECOND, "/s");
            } else {
                report.figure("invites/s end to end (mail included)", people / endToEnd, "/s");
                int concurrency = Integer.parseInt(
                        stack.process() == null
                                ? stack.bean(Environment.class).getProperty("hubwarden.automation.hub-concurrency", "4")
                                : options.serverSetting("hubwarden.automation.hub-concurrency", "4"));
                // The simulator answers a batch's invitations one after another, each taking the latency.
                report.line(
                        "  the hub's bound: %d runs at once per hub x 1000 / %d ms per invitation = %.0f invites/s at"
                                + " most",
                        concurrency, latency.toMillis(), concurrency * 1000.0 / latency.toMillis());
            }
        }
        stack.meta().clearFaults();
    }

    /** One share of the hub with every person: through the share form when the server runs in another process. */
    private static void share(Stack stack, SignedInPerson owner, HubId hub, List<String> emails) {
        if (stack.process() == null) {
            stack.bean(AccessShares.class)
                    .share(
                            owner,
                            hub,
                            new ShareRequest(emails, AccessRole.COLLABORATOR, "EMPLOYEE", List.of(), true, false));
            return;
        }
        try {
            stack.browser(owner.email()).share(hub, emails, AccessRole.COLLABORATOR.name(), "EMPLOYEE");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    static double percentile(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
