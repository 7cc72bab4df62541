package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.FaultRule;
import io.hubwarden.simulator.Faults;
import io.hubwarden.simulator.LoggedRequest;
import io.hubwarden.simulator.RequestLog;
import io.hubwarden.simulator.SimulatedClock;
import io.hubwarden.simulator.SimulatorServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * TikTok Business Center on 127.0.0.1: the Business API v1.3 ({@code /open_api/v1.3/...}), the authorization page
 * ({@code /portal/auth}), invitation join pages ({@code /bc/invitation/}) and a control API ({@code /__sim/}), over
 * HTTP. Everything is kept in memory; every method here is safe to call from any thread, also while clients are
 * calling the HTTP API.
 *
 * <pre>{@code
 * try (Mailbox mailbox = Mailbox.start(0, -1);
 *      TikTokSimulator tiktok = TikTokSimulator.start(TikTokSimulator.Options.defaults().withSmtp("127.0.0.1", mailbox.smtpPort()))) {
 *     tiktok.seedApp(new TikTokApp("7001", "s3cret", "Hubwarden", List.of(URI.create("http://127.0.0.1:8080/cb"))));
 *     BusinessCenter acme = tiktok.seedBusinessCenter("Acme Ads");
 *     tiktok.seedAccount("olive@acme.test", "Olive Owner", "pw");
 *     tiktok.addMember(acme.bcId(), "olive@acme.test", "ADMIN");
 *     String token = tiktok.accessToken("olive@acme.test", "7001");
 *     // GET tiktok.baseUrl() + "/open_api/v1.3/bc/member/get/?bc_id=" + acme.bcId() with header Access-Token: token
 * }
 * }</pre>
 *
 * <p>Seeding methods throw {@link IllegalArgumentException} when they name something that does not exist (an unknown
 * Business Center, app, account or asset) and never send mail; only invitations made through the API are mailed.
 */
public final class TikTokSimulator implements AutoCloseable {

    /** The API path prefix every Business API call starts with. */
    public static final String API_PREFIX = OpenApi.PREFIX;

    private static final Set<String> USER_ROLES = Set.of("ADMIN", "STANDARD");

    private final Options options;
    private final TikTokWorld world;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final TikTokHub hub;
    private final SimulatorServer server;

    private TikTokSimulator(Options options) {
        this.options = options;
        this.world = new TikTokWorld(options.clock());
        this.hub = new TikTokHub(world, faults, log, options);
        this.server =
                SimulatorServer.start("tiktok-simulator", options.port(), -1, null, options.threads(), hub::answer);
        hub.listeningOn(server.httpOrigin(), new TikTokControlApi(this));
    }

    /**
     * Starts the simulator, empty: no apps, Business Centers or accounts.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static TikTokSimulator start(Options options) {
        return new TikTokSimulator(options);
    }

    /** The HTTP origin, e.g. {@code http://127.0.0.1:8095}; the API lives at {@code baseUrl() + "/open_api/v1.3/..."}. */
    public URI baseUrl() {
        return server.httpOrigin();
    }

    /** The simulated clock that invitations and authorization codes expire by. */
    public SimulatedClock clock() {
        return options.clock();
    }

    /** Stops listening. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- seeding

    /** Registers an app (replacing one with the same id). */
    public TikTokApp seedApp(TikTokApp app) {
        return world.write(() -> world.addApp(app));
    }

    /** Creates a Business Center with a fresh id and no members. */
    public BusinessCenter seedBusinessCenter(String name) {
        return world.write(() -> world.addBusinessCenter(name));
    }

    /**
     * Creates a TikTok for Business account.
     *
     * @throws IllegalArgumentException when an account with this e-mail (any case) exists
     */
    public TikTokAccount seedAccount(String email, String displayName, String password) {
        return world.write(() -> world.addAccount(email, displayName, password));
    }

    /** The account with this e-mail address (any case). */
    public Optional<TikTokAccount> account(String email) {
        return world.read(() -> world.accountByEmail(email));
    }

    /**
     * Makes the seeded account a member of the Business Center, as if it had accepted an invitation long ago
     * (replacing any invitation for its address). Returns the existing row when it is already a member.
     *
     * @param role {@code ADMIN} or {@code STANDARD}
     */
    public BcMember addMember(String bcId, String email, String role) {
        return addMember(bcId, email, role, null);
    }

    /** As {@link #addMember(String, String, String)}, with a finance role ({@code MANAGER} or {@code ANALYST}). */
    public BcMember addMember(String bcId, String email, String role, @Nullable String financeRole) {
        checkRole(role);
        return world.write(() -> world.addMember(bcId, world.requireAccount(email), role, financeRole));
    }

    /**
     * Creates a pending invitation as if the Business Center had sent it earlier, without mailing it; it lapses after
     * the configured invitation lifetime. Returns its join-page link.
     */
    public URI createInvitation(String bcId, String email, String role) {
        checkRole(role);
        return world.write(() -> baseUrl()
                .resolve("/bc/invitation/?token="
                        + world.addInvitation(bcId, email, role, null, List.of(), null, options.invitationLifetime())));
    }

    /** Creates an asset owned by the Business Center. */
    public BcAsset seedAsset(String bcId, AssetType type, String name) {
        return world.write(() -> world.addAsset(bcId, type, name));
    }

    /**
     * Gives a member roles on an asset (replacing theirs there), checked as {@code bc/asset/assign} checks them.
     *
     * @throws IllegalArgumentException when the asset takes no such roles, or the person is no member of its
     *     Business Center
     */
    public void assign(String assetId, String userId, List<String> roles) {
        world.write(() -> {
            BcAsset asset = world.requireAsset(assetId);
            if (roles.isEmpty()
                    || !asset.type().roles().containsAll(roles)
                    || (asset.type() != AssetType.TT_ACCOUNT && roles.size() != 1)) {
                throw new IllegalArgumentException(
                        asset.type() + " takes one of " + asset.type().roles());
            }
            if (world.member(asset.bcId(), userId).isEmpty()) {
                throw new IllegalArgumentException(userId + " is not a member of Business Center " + asset.bcId());
            }
            world.assign(asset, userId, roles);
            return null;
        });
    }

    // ---------------------------------------------------------------- tokens and acting as a person

    /** An access token of the account for the app, as the authorization would issue it; it works until revoked. */
    public String accessToken(String email, String appId) {
        return world.write(() -> {
            world.requireApp(appId);
            return world.issueToken(world.requireAccount(email).coreUserId(), appId, false);
        });
    }

    /** A token of the account that the API refuses as expired (40102). */
    public String expiredAccessToken(String email, String appId) {
        return world.write(() -> {
            world.requireApp(appId);
            return world.issueToken(world.requireAccount(email).coreUserId(), appId, true);
        });
    }

    /**
     * Signs in as the account on the authorization page of the app and presses "Confirm": returns the {@code
     * auth_code} the page would send to {@code redirectUri}, exchangeable once within 10 minutes of simulated time.
     *
     * @throws IllegalArgumentException when the redirect URI is not registered for the app
     */
    public String authorizationCode(String email, String appId, URI redirectUri) {
        return world.write(() -> {
            TikTokApp app = world.requireApp(appId);
            if (!app.redirectUris().contains(redirectUri)) {
                throw new IllegalArgumentException(redirectUri + " is not a redirect URI of app " + appId);
            }
            return world.issueCode(world.requireAccount(email).coreUserId(), appId, redirectUri);
        });
    }

    /**
     * The account with this login e-mail accepts the Business Center's invitation for the same address, as on its
     * join page: the row becomes {@code BOUND} under the account's core user id.
     *
     * @throws IllegalArgumentException when there is no invitation for the address, or no such account
     * @throws IllegalStateException when the invitation was declined or has lapsed
     */
    public BcMember acceptInvitation(String bcId, String email) {
        return world.write(() -> world.accept(requireInvitation(bcId, email), world.requireAccount(email)));
    }

    /**
     * The invited person declines, as on the join page; the row stays, {@code REJECTED}.
     *
     * @throws IllegalStateException when it was already declined or has lapsed
     */
    public BcMember rejectInvitation(String bcId, String email) {
        return world.write(() -> world.reject(requireInvitation(bcId, email)));
    }

    // ---------------------------------------------------------------- time, faults, paging, reset

    /** Moves the simulated clock forward (shared with everything else using the same clock). */
    public void advanceClock(Duration by) {
        options.clock().advance(by);
    }

    /**
     * The next {@code times} API requests matching {@code method} and {@code pathPattern} suffer the fault. Patterns
     * name the part after {@code /open_api/v1.3} and ignore a trailing slash: {@code ("POST", "/bc/member/invite")};
     * {@code ("*", "/**")} hits every API call. Pages and control requests are never hit.
     */
    public void injectFault(String method, String pathPattern, Fault fault, int times) {
        faults.inject(method, pathPattern, fault, times);
    }

    /** The faults still waiting, in order of injection. */
    public List<FaultRule> pendingFaults() {
        return faults.pending();
    }

    /** Drops every fault still waiting. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Caps every list page at {@code size} items whatever {@code page_size} the client asks for, so paging can be
     * tested with few items; 0 restores the defaults.
     */
    public void forcePageSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("page size must not be negative");
        }
        hub.forcePageSize(size);
    }

    /**
     * Forgets everything: apps, Business Centers, accounts, tokens, faults, the forced page size, rate-limit counters
     * and the request log (not the count of requests served). Ids start again from the first. The clock is not
     * touched.
     */
    public void reset() {
        world.write(() -> {
            world.clear();
            return null;
        });
        faults.clear();
        hub.forcePageSize(0);
        hub.resetUsage();
        log.clear();
    }

    // ---------------------------------------------------------------- reading state

    /** Every Business Center, in order of creation. */
    public List<BusinessCenter> businessCenters() {
        return world.read(() -> List.copyOf(world.businessCenters.values()));
    }

    /** Every row of the Business Center's member list (members and invitations), with its status as of now. */
    public List<BcMember> members(String bcId) {
        return world.read(() -> world.rowsOf(bcId));
    }

    /** The assets the Business Center owns, of every type. */
    public List<BcAsset> assets(String bcId) {
        return world.read(() -> world.assets.values().stream()
                .filter(asset -> asset.bcId().equals(bcId))
                .toList());
    }

    /** Who holds which roles on the asset, by user id. */
    public Map<String, List<String>> assignments(String assetId) {
        return world.read(() -> world.assignmentsOf(assetId));
    }

    /** Every account, in order of creation. */
    public List<TikTokAccount> accounts() {
        return world.read(() -> new ArrayList<>(world.accounts.values()));
    }

    /** The most recent API, authorization and join-page requests (not control ones), oldest first. */
    public List<LoggedRequest> requestLog() {
        return log.entries();
    }

    /** How many API, authorization and join-page requests were answered since start (control ones not counted). */
    public long requestsServed() {
        return log.served();
    }

    private BcMember requireInvitation(String bcId, String email) {
        world.requireBusinessCenter(bcId);
        return world.invitation(bcId, email)
                .orElseThrow(() -> new IllegalArgumentException("no invitation for " + email + " in " + bcId));
    }

    private static void checkRole(String role) {
        if (!USER_ROLES.contains(role)) {
            throw new IllegalArgumentException("a Business Center role is ADMIN or STANDARD, not " + role);
        }
    }

    /**
     * How to start a simulator.
     *
     * @param port the HTTP port on 127.0.0.1; 0 picks a free one
     * @param smtpHost where invitation mail goes, or null to send none
     * @param smtpPort the SMTP port there
     * @param clock the simulated clock that invitations and codes expire by
     * @param invitationLifetime how long an invitation stays acceptable (TikTok does not document it; 30 days)
     * @param threads how many requests are answered at once
     * @param callsPerMinute how many API calls one access token may make per minute of simulated time; beyond it
     *     the API answers 40100
     */
    public record Options(
            int port,
            @Nullable String smtpHost,
            int smtpPort,
            SimulatedClock clock,
            Duration invitationLifetime,
            int threads,
            int callsPerMinute) {

        /** Rejects impossible values. */
        public Options {
            Objects.requireNonNull(clock, "clock");
            if (port < 0 || threads < 1 || callsPerMinute < 1 || invitationLifetime.isNegative()) {
                throw new IllegalArgumentException("impossible simulator options");
            }
        }

        /** Any free port, no mail, the system clock, 30-day invitations, 8 threads, 6 000 calls per minute. */
        public static Options defaults() {
            return new Options(0, null, 0, SimulatedClock.system(), Duration.ofDays(30), 8, 6_000);
        }

        /** These options on another HTTP port. */
        public Options withPort(int value) {
            return new Options(value, smtpHost, smtpPort, clock, invitationLifetime, threads, callsPerMinute);
        }

        /** These options sending invitation mail to this SMTP server. */
        public Options withSmtp(String host, int value) {
            return new Options(port, host, value, clock, invitationLifetime, threads, callsPerMinute);
        }

        /** These options on another clock. */
        public Options withClock(SimulatedClock value) {
            return new Options(port, smtpHost, smtpPort, value, invitationLifetime, threads, callsPerMinute);
        }

        /** These options with another invitation lifetime. */
        public Options withInvitationLifetime(Duration value) {
            return new Options(port, smtpHost, smtpPort, clock, value, threads, callsPerMinute);
        }

        /** These options with another number of threads. */
        public Options withThreads(int value) {
            return new Options(port, smtpHost, smtpPort, clock, invitationLifetime, value, callsPerMinute);
        }

        /** These options with another rate limit. */
        public Options withCallsPerMinute(int value) {
            return new Options(port, smtpHost, smtpPort, clock, invitationLifetime, threads, value);
        }
    }
}
