package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.FaultRule;
import io.hubwarden.simulator.Faults;
import io.hubwarden.simulator.LoggedRequest;
import io.hubwarden.simulator.RequestLog;
import io.hubwarden.simulator.SelfSignedCertificate;
import io.hubwarden.simulator.SimulatedClock;
import io.hubwarden.simulator.SimulatorServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Meta Business Manager on 127.0.0.1: the Graph API (any {@code /vNN.0/} prefix), the Facebook Login dialog
 * ({@code /vNN.0/dialog/oauth}), invitation join pages ({@code /invitation/}), and a control API ({@code /__sim/}),
 * over HTTP and HTTPS. Everything is kept in memory; every method here is safe to call from any thread, also while
 * clients are calling the HTTP API.
 *
 * <pre>{@code
 * try (Mailbox mailbox = Mailbox.start(0, -1);
 *      MetaSimulator meta = MetaSimulator.start(MetaSimulator.Options.defaults().withSmtp("127.0.0.1", mailbox.smtpPort()))) {
 *     meta.seedApp(new MetaApp("1001", "s3cret", "Hubwarden", List.of(URI.create("http://127.0.0.1:8080/cb")), false));
 *     Business acme = meta.seedBusiness("Acme Ads");
 *     meta.seedPerson("owner@acme.test", "Olive Owner", "pw");
 *     meta.addBusinessUser(acme.id(), "owner@acme.test", "ADMIN");
 *     String token = meta.userToken("owner@acme.test", "1001", Set.of("business_management"));
 *     // GET meta.baseUrl() + "/v25.0/" + acme.id() + "/business_users?access_token=" + token
 * }
 * }</pre>
 *
 * <p>Seeding methods throw {@link IllegalArgumentException} when they name something that does not exist (an
 * unknown business, app, person or asset) and never send mail; only invitations made through the Graph API are
 * mailed.
 */
public final class MetaSimulator implements AutoCloseable {

    /** The Graph version the README's examples and the demo use; every {@code vNN.0} is served the same. */
    public static final String VERSION = "v25.0";

    private final Options options;
    private final MetaWorld world;
    private final Faults faults = new Faults();
    private final RequestLog log = new RequestLog();
    private final MetaHub hub;
    private final SimulatorServer server;

    private MetaSimulator(Options options) {
        this.options = options;
        this.world = new MetaWorld(options.clock());
        this.hub = new MetaHub(world, faults, log, options);
        this.server = SimulatorServer.start(
                "meta-simulator",
                options.port(),
                options.httpsPort(),
                options.httpsPort() < 0 ? null : SelfSignedCertificate.shared().serverContext(),
                options.threads(),
                hub::answer);
        hub.listeningOn(server.httpOrigin(), new ControlApi(this));
    }

    /**
     * Starts the simulator, empty: no apps, businesses or people.
     *
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public static MetaSimulator start(Options options) {
        return new MetaSimulator(options);
    }

    /** The HTTP origin, e.g. {@code http://127.0.0.1:8090}; Graph lives at {@code baseUrl() + "/v25.0/..."}. */
    public URI baseUrl() {
        return server.httpOrigin();
    }

    /**
     * The HTTPS origin, for clients (such as Meta's official SDK) that insist on HTTPS; trust it with
     * {@link #clientSslContext()}.
     *
     * @throws IllegalStateException when the simulator was started without HTTPS ({@code httpsPort = -1})
     */
    public URI httpsBaseUrl() {
        URI origin = server.httpsOrigin();
        if (origin == null) {
            throw new IllegalStateException("the simulator was started without an HTTPS listener");
        }
        return origin;
    }

    /** The certificate the HTTPS listener presents: one per JVM, shared by every simulator. */
    public SelfSignedCertificate certificate() {
        return SelfSignedCertificate.shared();
    }

    /** A client TLS context that trusts the HTTPS listener (and nothing else). */
    public SSLContext clientSslContext() {
        return SelfSignedCertificate.shared().clientContext();
    }

    /** The simulated clock that invitations, codes and tokens expire by. */
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
    public MetaApp seedApp(MetaApp app) {
        return world.write(() -> world.addApp(app));
    }

    /** Creates a business with a fresh id. */
    public Business seedBusiness(String name) {
        return world.write(() -> world.addBusiness(name));
    }

    /**
     * Creates a Facebook login.
     *
     * @throws IllegalArgumentException when a login with this e-mail (any case) exists
     */
    public FacebookPerson seedPerson(String email, String name, String password) {
        return world.write(() -> world.addPerson(email, name, password));
    }

    /** The Facebook login with this e-mail address (any case). */
    public Optional<FacebookPerson> person(String email) {
        return world.read(() -> world.personByEmail(email));
    }

    /**
     * The id this app sees for the person ({@code /me}'s {@code id}, {@code debug_token}'s {@code user_id}); differs
     * from every business-scoped id. Created on first use.
     */
    public String appScopedId(String email, String appId) {
        return world.write(() -> {
            world.requireApp(appId);
            return world.appScopedId(world.requirePerson(email).id(), appId);
        });
    }

    /**
     * Gives the seeded person with this login e-mail a seat in the business, as if they had accepted an invitation
     * long ago. Returns the existing seat when they already have one.
     *
     * @param role {@code ADMIN} (Full control) or {@code EMPLOYEE} (Partial access); any other business role becomes
     *     a task held with {@code EMPLOYEE}
     */
    public BusinessUser addBusinessUser(String businessId, String email, String role) {
        return addBusinessUser(businessId, email, role, List.of());
    }

    /** As {@link #addBusinessUser(String, String, String)}, with extra business tasks such as {@code FINANCE_EDITOR}. */
    public BusinessUser addBusinessUser(String businessId, String email, String role, List<String> tasks) {
        checkRole(role, tasks);
        return world.write(() -> {
            FacebookPerson person = world.requirePerson(email);
            return world.addBusinessUser(businessId, person, person.email(), role, tasks);
        });
    }

    /** Creates a system user of the business. */
    public SystemUser seedSystemUser(String businessId, String name, String role) {
        checkRole(role, List.of());
        return world.write(() -> world.addSystemUser(businessId, name, role));
    }

    /**
     * Creates a pending invitation as if the business had sent it earlier, without mailing it. Its invite link and
     * expiration time are those a Graph invitation gets.
     */
    public RoleRequest createInvitation(String businessId, String email, String role, List<String> tasks) {
        checkRole(role, tasks);
        return world.write(() ->
                world.addRoleRequest(businessId, email, role, tasks, null, options.invitationLifetime(), baseUrl()));
    }

    /** Creates an asset owned by the business; ad accounts get an {@code act_} id. */
    public Asset seedAsset(String businessId, AssetType type, String name) {
        return world.write(() -> world.addAsset(businessId, type, name));
    }

    /** Shares an asset with another business, where it is listed as a client asset. */
    public Asset shareAsset(String assetId, String clientBusinessId) {
        return world.write(() -> world.shareAsset(requireAsset(assetId), clientBusinessId));
    }

    /**
     * Gives a business user or system user tasks on an asset (replacing their tasks there), checked as Graph checks
     * them.
     *
     * @throws IllegalArgumentException when Graph would refuse the task set (see {@link AssetType#tasks()}), or the
     *     user's business cannot reach the asset
     */
    public Assignment assign(String assetId, String userId, List<String> tasks) {
        return world.write(() -> {
            Asset asset = requireAsset(assetId);
            TaskRules.problem(asset.type(), tasks).ifPresent(problem -> {
                throw new IllegalArgumentException(problem.message());
            });
            String businessId = world.businessOfUser(userId)
                    .orElseThrow(() -> new IllegalArgumentException("no business user or system user " + userId));
            if (!asset.reachableFrom(businessId)) {
                throw new IllegalArgumentException(assetId + " does not belong to the user's business");
            }
            List<String> granted = tasks.isEmpty() ? TaskRules.defaults(asset.type()) : tasks;
            world.assign(asset, userId, granted);
            return new Assignment(assetId, userId, granted);
        });
    }

    // ---------------------------------------------------------------- tokens

    /**
     * A user token for the seeded person and app with these permissions (e.g. {@code business_management}), valid
     * for 60 days of simulated time. The person counts as having granted the app these permissions.
     */
    public String userToken(String email, String appId, Set<String> scopes) {
        return world.write(() -> {
            world.requireApp(appId);
            return world.issueUserToken(world.requirePerson(email).id(), appId, scopes, MetaWorld.USER_TOKEN_LIFETIME)
                    .value();
        });
    }

    /** A token of the system user for the app, which never expires. */
    public String systemUserToken(String systemUserId, String appId, Set<String> scopes) {
        return world.write(() -> {
            world.requireApp(appId);
            if (!world.systemUsers.containsKey(systemUserId)) {
                throw new IllegalArgumentException("no system user " + systemUserId);
            }
            return world.issueSystemUserToken(systemUserId, appId, scopes).value();
        });
    }

    /** A user token of the person that has already expired: Graph answers it with 190/463. */
    public String expiredUserToken(String email, String appId, Set<String> scopes) {
        return world.write(() -> {
            world.requireApp(appId);
            return world.issueUserToken(world.requirePerson(email).id(), appId, scopes, Duration.ZERO)
                    .value();
        });
    }

    // ---------------------------------------------------------------- acting as a person

    /**
     * The seeded person with this login e-mail accepts the invitation, as on its join page: it becomes a seat with a
     * new business-scoped id and leaves the pending list.
     *
     * @throws IllegalArgumentException when there is no such invitation or person
     * @throws IllegalStateException when the invitation was declined or has expired
     */
    public BusinessUser acceptInvitation(String roleRequestId, String personEmail) {
        return world.write(() -> world.accept(requireRequest(roleRequestId), world.requirePerson(personEmail)));
    }

    /**
     * The person declines the invitation, as on its join page; it stays listed as {@code DECLINED}.
     *
     * @throws IllegalStateException when it was already declined or has expired
     */
    public RoleRequest declineInvitation(String roleRequestId, String personEmail) {
        return world.write(() -> {
            world.requirePerson(personEmail);
            return world.decline(requireRequest(roleRequestId));
        });
    }

    /**
     * Signs in as the person on the login dialog of the app and presses "Continue": returns the code the dialog would
     * send to {@code redirectUri}, exchangeable once within 10 minutes of simulated time.
     *
     * @throws IllegalArgumentException when the redirect URI is not registered for the app
     */
    public String authorizationCode(String personEmail, String appId, URI redirectUri, Set<String> scopes) {
        return world.write(() -> {
            MetaApp app = world.requireApp(appId);
            if (!app.redirectUris().contains(redirectUri)) {
                throw new IllegalArgumentException(redirectUri + " is not a redirect URI of app " + appId);
            }
            return world.issueCode(world.requirePerson(personEmail).id(), appId, redirectUri, scopes)
                    .value();
        });
    }

    // ---------------------------------------------------------------- time, faults, paging, reset

    /** Moves the simulated clock forward (shared with everything else using the same clock). */
    public void advanceClock(Duration by) {
        options.clock().advance(by);
    }

    /**
     * The next {@code times} Graph or OAuth requests matching {@code method} and {@code pathPattern} suffer the
     * fault. Patterns ignore the version prefix and a trailing slash: {@code ("POST", "/*}{@code /business_users")}
     * hits invitations of any business; {@code ("*", "/**")} hits everything. Control requests are never hit.
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
     * Caps every list page at {@code size} items whatever {@code limit} the client asks for, so paging can be tested
     * with few items; 0 restores the defaults (25, at most 100).
     */
    public void forcePageSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("page size must not be negative");
        }
        hub.forcePageSize(size);
    }

    /**
     * Forgets everything: apps, businesses, people, tokens, faults, the forced page size, rate-limit counters and the
     * request log (not the count of requests served). Ids start again from the first. The clock is not touched.
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

    /** Every business, in order of creation. */
    public List<Business> businesses() {
        return world.read(() -> List.copyOf(world.businesses.values()));
    }

    /** The people holding a seat in the business, in order of joining. */
    public List<BusinessUser> businessUsers(String businessId) {
        return world.read(() -> world.businessUsersOf(businessId));
    }

    /** The business's system users. */
    public List<SystemUser> systemUsers(String businessId) {
        return world.read(() -> world.systemUsersOf(businessId));
    }

    /** The business's invitations not yet accepted or cancelled, with their status as of now. */
    public List<RoleRequest> pendingRequests(String businessId) {
        return world.read(() -> world.roleRequestsOf(businessId));
    }

    /** The assets the business owns, of every type. */
    public List<Asset> assets(String businessId) {
        return world.read(() -> world.assets.values().stream()
                .filter(asset -> asset.ownerBusinessId().equals(businessId))
                .toList());
    }

    /** Who holds which tasks on the asset. */
    public List<Assignment> assignments(String assetId) {
        return world.read(() -> world.assignmentsOf(assetId));
    }

    /** The most recent Graph, OAuth and page requests (not control ones), oldest first. */
    public List<LoggedRequest> requestLog() {
        return log.entries();
    }

    /** How many Graph, OAuth and page requests were answered since start (control requests not counted). */
    public long requestsServed() {
        return log.served();
    }

    private Asset requireAsset(String assetId) {
        Asset asset = world.assets.get(assetId);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + assetId);
        }
        return asset;
    }

    private RoleRequest requireRequest(String id) {
        RoleRequest request = world.roleRequests.get(id);
        if (request == null) {
            throw new IllegalArgumentException("no invitation " + id);
        }
        return request;
    }

    private static void checkRole(String role, List<String> tasks) {
        if (!TaskRules.BUSINESS_ROLES.contains(role) || !TaskRules.BUSINESS_ROLES.containsAll(tasks)) {
            throw new IllegalArgumentException("unknown business role in " + role + " " + tasks);
        }
    }

    /**
     * How to start a simulator.
     *
     * @param port the HTTP port on 127.0.0.1; 0 picks a free one
     * @param httpsPort the HTTPS port; 0 picks a free one, -1 opens none
     * @param smtpHost where invitation mail goes, or null to send none
     * @param smtpPort the SMTP port there
     * @param clock the simulated clock that invitations, codes and tokens expire by
     * @param invitationLifetime how long an invitation stays acceptable (Meta does not document it; 30 days)
     * @param threads how many requests are answered at once
     * @param callsPerHour how many Graph calls per app and per business per hour of simulated time are within the
     *     rate limit; usage headers report the share used, and calls beyond it are throttled
     */
    public record Options(
            int port,
            int httpsPort,
            @Nullable String smtpHost,
            int smtpPort,
            SimulatedClock clock,
            Duration invitationLifetime,
            int threads,
            int callsPerHour) {

        /** Rejects impossible values. */
        public Options {
            Objects.requireNonNull(clock, "clock");
            if (port < 0 || httpsPort < -1 || threads < 1 || callsPerHour < 1 || invitationLifetime.isNegative()) {
                throw new IllegalArgumentException("impossible simulator options");
            }
        }

        /**
         * Any free ports, HTTPS on, no mail, the system clock, 30-day invitations, 8 threads, 100 000 calls per hour.
         */
        public static Options defaults() {
            return new Options(0, 0, null, 0, SimulatedClock.system(), Duration.ofDays(30), 8, 100_000);
        }

        /** These options on another HTTP port. */
        public Options withPort(int value) {
            return new Options(value, httpsPort, smtpHost, smtpPort, clock, invitationLifetime, threads, callsPerHour);
        }

        /** These options on another HTTPS port (-1 for none). */
        public Options withHttpsPort(int value) {
            return new Options(port, value, smtpHost, smtpPort, clock, invitationLifetime, threads, callsPerHour);
        }

        /** These options sending invitation mail to this SMTP server. */
        public Options withSmtp(String host, int value) {
            return new Options(port, httpsPort, host, value, clock, invitationLifetime, threads, callsPerHour);
        }

        /** These options on another clock. */
        public Options withClock(SimulatedClock value) {
            return new Options(port, httpsPort, smtpHost, smtpPort, value, invitationLifetime, threads, callsPerHour);
        }

        /** These options with another invitation lifetime. */
        public Options withInvitationLifetime(Duration value) {
            return new Options(port, httpsPort, smtpHost, smtpPort, clock, value, threads, callsPerHour);
        }

        /** These options with another number of threads. */
        public Options withThreads(int value) {
            return new Options(port, httpsPort, smtpHost, smtpPort, clock, invitationLifetime, value, callsPerHour);
        }

        /** These options with another rate limit. */
        public Options withCallsPerHour(int value) {
            return new Options(port, httpsPort, smtpHost, smtpPort, clock, invitationLifetime, threads, value);
        }
    }
}
