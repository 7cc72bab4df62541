package io.hubwarden.simulator.meta;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the simulated Meta knows, in memory. Callers hold {@link #read} or {@link #write} around every use, so
 * one request sees and changes a consistent state; the methods themselves do not lock. Ids come from one counter, so
 * they are unique across node types (a Graph id names exactly one node) and stable for a given sequence of calls.
 */
final class MetaWorld {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration USER_TOKEN_LIFETIME = Duration.ofDays(60);
    static final Duration SHORT_TOKEN_LIFETIME = Duration.ofHours(2);
    static final long FIRST_ID = 100_000_000_000_001L;

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long nextId = FIRST_ID;

    final Map<String, MetaApp> apps = new LinkedHashMap<>();
    final Map<String, Business> businesses = new LinkedHashMap<>();
    final Map<String, FacebookPerson> people = new LinkedHashMap<>();
    private final Map<String, String> personByEmail = new HashMap<>();
    private final Map<String, Map<String, String>> appScopedIds = new HashMap<>();
    private final Map<String, String> personByAppScopedId = new HashMap<>();
    final Map<String, BusinessUser> businessUsers = new LinkedHashMap<>();
    /** The business user id of each seat, keyed by {@link #seat}: every Graph call looks up its caller's seat. */
    private final Map<String, String> seats = new HashMap<>();
    /**
     * Each business's users in the order they were added, kept between changes: every page of {@code business_users}
     * reads the list, and filtering all businesses' users for each page made reading a large business quadratic.
     * Concurrent, since readers fill it under the read lock; every change of a business's users drops its entry.
     */
    private final Map<String, List<BusinessUser>> usersOfBusiness = new ConcurrentHashMap<>();

    final Map<String, SystemUser> systemUsers = new LinkedHashMap<>();
    final Map<String, RoleRequest> roleRequests = new LinkedHashMap<>();
    private final Map<String, String> requestByInviteToken = new HashMap<>();
    /**
     * The ids of each address's requests in a business, keyed by {@link #address}, in the order they were made: every
     * invitation looks its address up, and a scan of every request made each lookup as slow as the business is big.
     */
    private final Map<String, Set<String>> requestsByAddress = new HashMap<>();

    final Map<String, Asset> assets = new LinkedHashMap<>();
    final Map<String, Map<String, List<String>>> assignments = new LinkedHashMap<>();
    private final Map<String, AccessToken> tokens = new HashMap<>();
    private final Map<String, AuthorizationCode> codes = new HashMap<>();
    private final Map<String, Set<String>> grants = new HashMap<>();
    private final Map<String, String> pageSessions = new HashMap<>();

    MetaWorld(Clock clock) {
        this.clock = clock;
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    Instant now() {
        return clock.instant();
    }

    void clear() {
        apps.clear();
        businesses.clear();
        people.clear();
        personByEmail.clear();
        appScopedIds.clear();
        personByAppScopedId.clear();
        businessUsers.clear();
        seats.clear();
        usersOfBusiness.clear();
        systemUsers.clear();
        roleRequests.clear();
        requestsByAddress.clear();
        requestByInviteToken.clear();
        assets.clear();
        assignments.clear();
        tokens.clear();
        codes.clear();
        grants.clear();
        pageSessions.clear();
        nextId = FIRST_ID;
    }

    String newId() {
        return Long.toString(nextId++);
    }

    String randomToken(String prefix, int length) {
        StringBuilder token = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    // ---- apps, businesses, people

    MetaApp addApp(MetaApp app) {
        apps.put(app.id(), app);
        return app;
    }

    Business addBusiness(String name) {
        Business business = new Business(newId(), name, now());
        businesses.put(business.id(), business);
        return business;
    }

    FacebookPerson addPerson(String email, String name, String password) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        if (personByEmail.containsKey(key)) {
            throw new IllegalArgumentException("a Facebook login with " + email + " already exists");
        }
        FacebookPerson person = new FacebookPerson(newId(), email.strip(), name, password);
        people.put(person.id(), person);
        personByEmail.put(key, person.id());
        return person;
    }

    Optional<FacebookPerson> personByEmail(String email) {
        String id = personByEmail.get(email.strip().toLowerCase(Locale.ROOT));
        return id == null ? Optional.empty() : Optional.ofNullable(people.get(id));
    }

    FacebookPerson requirePerson(String email) {
        return personByEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("no Facebook login with " + email + " was seeded"));
    }

    Optional<FacebookPerson> signIn(String email, String password) {
        return personByEmail(email).filter(person -> person.password().equals(password));
    }

    /** The person's id as this app sees it, created on first use. */
    String appScopedId(String personId, String appId) {
        Map<String, String> byApp = appScopedIds.computeIfAbsent(personId, id -> new HashMap<>());
        String existing = byApp.get(appId);
        if (existing != null) {
            return existing;
        }
        String scoped = newId();
        byApp.put(appId, scoped);
        personByAppScopedId.put(scoped, personId);
        return scoped;
    }

    /** The app-scoped id, which exists once the person has had a token for the app. */
    String appScopedIdIfKnown(String personId, String appId) {
        String scoped = appScopedIds.getOrDefault(personId, Map.of()).get(appId);
        return scoped == null ? "" : scoped;
    }

    Business requireBusiness(String id) {
        Business business = businesses.get(id);
        if (business == null) {
            throw new IllegalArgumentException("no business " + id);
        }
        return business;
    }

    MetaApp requireApp(String id) {
        MetaApp app = apps.get(id);
        if (app == null) {
            throw new IllegalArgumentException("no app " + id + " was seeded");
        }
        return app;
    }

    // ---- business users and system users

    BusinessUser addBusinessUser(
            String businessId, FacebookPerson person, String email, String role, List<String> tasks) {
        requireBusiness(businessId);
        Optional<BusinessUser> existing = seatOf(person.id(), businessId);
        if (existing.isPresent()) {
            return existing.get();
        }
        BusinessUser user = new BusinessUser(
                newId(), businessId, person.id(), email, person.name(), role, roleTasks(role, tasks), now());
        businessUsers.put(user.id(), user);
        seats.put(seat(person.id(), businessId), user.id());
        usersOfBusiness.remove(businessId);
        return user;
    }

    Optional<BusinessUser> seatOf(String personId, String businessId) {
        String id = seats.get(seat(personId, businessId));
        return id == null ? Optional.empty() : Optional.ofNullable(businessUsers.get(id));
    }

    private static String seat(String personId, String businessId) {
        return personId + "|" + businessId;
    }

    List<BusinessUser> businessUsersOf(String businessId) {
        return usersOfBusiness.computeIfAbsent(
                businessId,
                id -> businessUsers.values().stream()
                        .filter(user -> user.businessId().equals(id))
                        .toList());
    }

    List<BusinessUser> seatsOfPerson(String personId) {
        return businessUsers.values().stream()
                .filter(user -> user.personId().equals(personId))
                .toList();
    }

    Optional<BusinessUser> businessUserWithEmail(String businessId, String email) {
        return businessUsers.values().stream()
                .filter(user ->
                        user.businessId().equals(businessId) && user.email().equalsIgnoreCase(email.strip()))
                .findFirst();
    }

    BusinessUser changeRole(BusinessUser user, @Nullable String role, @Nullable List<String> tasks) {
        String newRole = role == null ? user.role() : baseRole(role);
        List<String> extra = new ArrayList<>();
        if (role != null && !baseRole(role).equals(role)) {
            extra.add(role);
        }
        if (tasks != null) {
            extra.addAll(tasks);
        } else if (role == null) {
            extra.addAll(user.tasks());
        }
        BusinessUser changed = new BusinessUser(
                user.id(),
                user.businessId(),
                user.personId(),
                user.email(),
                user.name(),
                newRole,
                roleTasks(newRole, extra),
                user.createdTime());
        businessUsers.put(changed.id(), changed);
        usersOfBusiness.remove(changed.businessId());
        return changed;
    }

    void removeBusinessUser(String id) {
        BusinessUser removed = businessUsers.remove(id);
        if (removed != null) {
            seats.remove(seat(removed.personId(), removed.businessId()));
            usersOfBusiness.remove(removed.businessId());
        }
        assignments.values().forEach(byUser -> byUser.remove(id));
    }

    SystemUser addSystemUser(String businessId, String name, String role) {
        requireBusiness(businessId);
        SystemUser user = new SystemUser(newId(), businessId, name, baseRole(role), now());
        systemUsers.put(user.id(), user);
        return user;
    }

    List<SystemUser> systemUsersOf(String businessId) {
        return systemUsers.values().stream()
                .filter(user -> user.businessId().equals(businessId))
                .toList();
    }

    /** {@code ADMIN} and {@code EMPLOYEE} are roles; any other business role is a task held with EMPLOYEE. */
    static String baseRole(String role) {
        return role.equals("ADMIN") ? "ADMIN" : "EMPLOYEE";
    }

    static List<String> roleTasks(String role, List<String> extra) {
        Set<String> tasks = new LinkedHashSet<>();
        tasks.add(baseRole(role));
        if (!baseRole(role).equals(role)) {
            tasks.add(role);
        }
        tasks.addAll(extra);
        if (tasks.contains("ADMIN")) {
            tasks.remove("EMPLOYEE");
        }
        return List.copyOf(tasks);
    }

    // ---- invitations

    RoleRequest addRoleRequest(
            String businessId,
            String email,
            String role,
            List<String> tasks,
            @Nullable String createdById,
            Duration lifetime,
            URI origin) {
        requireBusiness(businessId);
        String token = randomToken("", 32);
        Instant now = now();
        RoleRequest request = new RoleRequest(
                newId(),
                businessId,
                email.strip(),
                baseRole(role),
                roleTasks(role, tasks),
                RoleRequest.Status.PENDING,
                now,
                now,
                now.plus(lifetime),
                origin.resolve("/invitation/?token=" + token),
                createdById);
        roleRequests.put(request.id(), request);
        requestByInviteToken.put(token, request.id());
        requestsByAddress
                .computeIfAbsent(address(businessId, request.email()), key -> new LinkedHashSet<>())
                .add(request.id());
        return request;
    }

    /** The request as it stands now: a pending request past its expiration time reads as expired. */
    RoleRequest current(RoleRequest request) {
        if (request.status() == RoleRequest.Status.PENDING && !now().isBefore(request.expirationTime())) {
            return withStatus(request, RoleRequest.Status.EXPIRED, request.updatedTime());
        }
        return request;
    }

    List<RoleRequest> roleRequestsOf(String businessId) {
        return roleRequests.values().stream()
                .filter(request -> request.businessId().equals(businessId))
                .map(this::current)
                .toList();
    }

    /** The business's requests for this address, compared without regard to case, in the order they were made. */
    List<RoleRequest> roleRequestsFor(String businessId, String email) {
        String address = email.strip();
        return requestsByAddress.getOrDefault(address(businessId, address), Set.of()).stream()
                .map(roleRequests::get)
                .filter(request -> request != null && request.email().equalsIgnoreCase(address))
                .map(this::current)
                .toList();
    }

    Optional<RoleRequest> openRequestFor(String businessId, String email) {
        return roleRequestsFor(businessId, email).stream().findFirst();
    }

    Optional<RoleRequest> requestByInviteToken(String token) {
        String id = requestByInviteToken.get(token);
        RoleRequest request = id == null ? null : roleRequests.get(id);
        return request == null ? Optional.empty() : Optional.of(current(request));
    }

    RoleRequest changeRequestRole(RoleRequest request, @Nullable String role, @Nullable List<String> tasks) {
        String newRole = role == null ? request.role() : role;
        List<String> extra = tasks == null ? request.tasks() : tasks;
        RoleRequest changed = new RoleRequest(
                request.id(),
                request.businessId(),
                request.email(),
                baseRole(newRole),
                roleTasks(newRole, extra),
                request.status(),
                request.createdTime(),
                now(),
                request.expirationTime(),
                request.inviteLink(),
                request.createdById());
        roleRequests.put(changed.id(), changed);
        return current(changed);
    }

    void removeRoleRequest(String id) {
        RoleRequest removed = roleRequests.remove(id);
        if (removed != null) {
            requestByInviteToken.values().remove(id);
            Set<String> ids = requestsByAddress.get(address(removed.businessId(), removed.email()));
            if (ids != null) {
                ids.remove(id);
            }
        }
    }

    /**
     * The person accepts: the request becomes a seat with a new business-scoped id and leaves the pending list.
     *
     * @throws IllegalStateException when the request is no longer pending (declined or expired)
     */
    BusinessUser accept(RoleRequest request, FacebookPerson person) {
        RoleRequest now = current(request);
        if (now.status() != RoleRequest.Status.PENDING) {
            throw new IllegalStateException(
                    "the invitation is " + now.status().name().toLowerCase(Locale.ROOT));
        }
        removeRoleRequest(request.id());
        Optional<BusinessUser> existing = seatOf(person.id(), request.businessId());
        if (existing.isPresent()) {
            return existing.get();
        }
        BusinessUser user = new BusinessUser(
                newId(),
                request.businessId(),
                person.id(),
                request.email(),
                person.name(),
                request.role(),
                request.tasks(),
                now());
        businessUsers.put(user.id(), user);
        seats.put(seat(person.id(), request.businessId()), user.id());
        usersOfBusiness.remove(request.businessId());
        return user;
    }

    /** @throws IllegalStateException when the request is no longer pending */
    RoleRequest decline(RoleRequest request) {
        RoleRequest now = current(request);
        if (now.status() != RoleRequest.Status.PENDING) {
            throw new IllegalStateException(
                    "the invitation is " + now.status().name().toLowerCase(Locale.ROOT));
        }
        RoleRequest declined = withStatus(request, RoleRequest.Status.DECLINED, now());
        roleRequests.put(declined.id(), declined);
        return declined;
    }

    /**
     * The key of an address in a business: each character folded as {@link String#equalsIgnoreCase} compares it (upper
     * case, then lower case), so that addresses it finds equal share a key.
     */
    private static String address(String businessId, String email) {
        StringBuilder key = new StringBuilder(businessId.length() + 1 + email.length())
                .append(businessId)
                .append('\n');
        email.codePoints().forEach(c -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return key.toString();
    }

    private static RoleRequest withStatus(RoleRequest request, RoleRequest.Status status, Instant updated) {
        return new RoleRequest(
                request.id(),
                request.businessId(),
                request.email(),
                request.role(),
                request.tasks(),
                status,
                request.createdTime(),
                updated,
                request.expirationTime(),
                request.inviteLink(),
                request.createdById());
    }

    // ---- assets and assignments

    Asset addAsset(String businessId, AssetType type, String name) {
        requireBusiness(businessId);
        String id = newId();
        Asset asset = new Asset(type == AssetType.AD_ACCOUNT ? "act_" + id : id, type, name, businessId, List.of());
        assets.put(asset.id(), asset);
        return asset;
    }

    Asset shareAsset(Asset asset, String clientBusinessId) {
        requireBusiness(clientBusinessId);
        List<String> clients = new ArrayList<>(asset.clientBusinessIds());
        if (!clients.contains(clientBusinessId) && !asset.ownerBusinessId().equals(clientBusinessId)) {
            clients.add(clientBusinessId);
        }
        Asset shared = new Asset(asset.id(), asset.type(), asset.name(), asset.ownerBusinessId(), clients);
        assets.put(shared.id(), shared);
        return shared;
    }

    List<Asset> assetsOf(String businessId, AssetType type, boolean owned) {
        return assets.values().stream()
                .filter(asset -> asset.type() == type)
                .filter(asset -> owned
                        ? asset.ownerBusinessId().equals(businessId)
                        : asset.clientBusinessIds().contains(businessId))
                .toList();
    }

    void assign(Asset asset, String userId, List<String> tasks) {
        assignments.computeIfAbsent(asset.id(), id -> new LinkedHashMap<>()).put(userId, List.copyOf(tasks));
    }

    void unassign(Asset asset, String userId) {
        Map<String, List<String>> byUser = assignments.get(asset.id());
        if (byUser != null) {
            byUser.remove(userId);
        }
    }

    List<Assignment> assignmentsOf(String assetId) {
        Map<String, List<String>> byUser = assignments.getOrDefault(assetId, Map.of());
        List<Assignment> list = new ArrayList<>();
        byUser.forEach((user, tasks) -> list.add(new Assignment(assetId, user, tasks)));
        return list;
    }

    List<Assignment> assignmentsOfUser(String userId, AssetType type) {
        List<Assignment> list = new ArrayList<>();
        assignments.forEach((assetId, byUser) -> {
            Asset asset = assets.get(assetId);
            List<String> tasks = byUser.get(userId);
            if (asset != null && asset.type() == type && tasks != null) {
                list.add(new Assignment(assetId, userId, tasks));
            }
        });
        return list;
    }

    /** The business whose people can hold tasks on this user id: a business user's or system user's business. */
    Optional<String> businessOfUser(String userId) {
        BusinessUser user = businessUsers.get(userId);
        if (user != null) {
            return Optional.of(user.businessId());
        }
        SystemUser system = systemUsers.get(userId);
        return system == null ? Optional.empty() : Optional.of(system.businessId());
    }

    // ---- tokens, codes, grants, page sessions

    AccessToken issueUserToken(String personId, String appId, Set<String> scopes, Duration lifetime) {
        Instant now = now();
        AccessToken token = new AccessToken(
                randomToken("EAA", 160), AccessToken.Kind.USER, appId, personId, scopes, now, now.plus(lifetime));
        tokens.put(token.value(), token);
        appScopedId(personId, appId);
        Set<String> granted = grants.computeIfAbsent(grantKey(personId, appId), key -> new LinkedHashSet<>());
        granted.addAll(scopes);
        return token;
    }

    AccessToken issueSystemUserToken(String systemUserId, String appId, Set<String> scopes) {
        Instant now = now();
        AccessToken token = new AccessToken(
                randomToken("EAA", 160),
                AccessToken.Kind.SYSTEM_USER,
                appId,
                systemUserId,
                scopes,
                now,
                now.plus(Duration.ofDays(36500)));
        tokens.put(token.value(), token);
        return token;
    }

    Optional<AccessToken> token(String value) {
        AccessToken token = tokens.get(value);
        if (token != null) {
            return Optional.of(token);
        }
        int bar = value.indexOf('|');
        if (bar > 0) {
            MetaApp app = apps.get(value.substring(0, bar));
            if (app != null && app.secret().equals(value.substring(bar + 1))) {
                return Optional.of(new AccessToken(
                        value, AccessToken.Kind.APP, app.id(), app.id(), Set.of(), Instant.EPOCH, Instant.MAX));
            }
        }
        return Optional.empty();
    }

    /** Whether the person still grants the app this token's permissions (they may have removed the app). */
    boolean stillGranted(AccessToken token) {
        if (token.kind() != AccessToken.Kind.USER) {
            return true;
        }
        return grants.containsKey(grantKey(token.subjectId(), token.appId()));
    }

    Set<String> grantedScopes(String personId, String appId) {
        return Set.copyOf(grants.getOrDefault(grantKey(personId, appId), Set.of()));
    }

    void revokeGrant(String personId, String appId, @Nullable String permission) {
        String key = grantKey(personId, appId);
        if (permission == null) {
            grants.remove(key);
            tokens.values()
                    .removeIf(token -> token.kind() == AccessToken.Kind.USER
                            && token.subjectId().equals(personId)
                            && token.appId().equals(appId));
            return;
        }
        Set<String> granted = grants.get(key);
        if (granted != null) {
            granted.remove(permission);
        }
    }

    AuthorizationCode issueCode(String personId, String appId, URI redirectUri, Set<String> scopes) {
        AuthorizationCode code = new AuthorizationCode(
                randomToken("AQ", 180), appId, personId, redirectUri, scopes, now().plus(CODE_LIFETIME), false);
        codes.put(code.value(), code);
        return code;
    }

    Optional<AuthorizationCode> code(String value) {
        return Optional.ofNullable(codes.get(value));
    }

    void markUsed(AuthorizationCode code) {
        codes.put(code.value(), code.markUsed());
    }

    String openPageSession(String personId) {
        String session = randomToken("", 40);
        pageSessions.put(session, personId);
        return session;
    }

    Optional<FacebookPerson> pageSession(@Nullable String session) {
        String personId = session == null ? null : pageSessions.get(session);
        return personId == null ? Optional.empty() : Optional.ofNullable(people.get(personId));
    }

    private static String grantKey(String personId, String appId) {
        return personId + "/" + appId;
    }
}
