package io.hubwarden.simulator.tiktok;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the simulated TikTok knows, in memory. Callers hold {@link #read} or {@link #write} around every use, so
 * one request sees and changes a consistent state; the methods themselves do not lock. Ids come from one counter, so
 * they are unique across kinds and stable for a given sequence of calls.
 */
final class TikTokWorld {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_MEMBERS = 4000;
    static final int MAX_ADMINS = 20;
    static final long FIRST_ID = 7_300_000_000_000_000_001L;

    private static final String TOKEN_ALPHABET = "abcdef0123456789";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long nextId = FIRST_ID;

    final Map<String, TikTokApp> apps = new LinkedHashMap<>();
    final Map<String, TikTokAccount> accounts = new LinkedHashMap<>();
    private final Map<String, String> accountByEmail = new HashMap<>();
    final Map<String, BusinessCenter> businessCenters = new LinkedHashMap<>();
    private final Map<String, List<BcMember>> rows = new LinkedHashMap<>();
    private final Map<String, String[]> invitationByToken = new HashMap<>();
    final Map<String, BcAsset> assets = new LinkedHashMap<>();
    private final Map<String, Map<String, List<String>>> assignments = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<String, String> pageSessions = new HashMap<>();

    /** An access token: whose, for which app, and whether it still works. */
    record Token(String coreUserId, String appId, boolean expired, boolean revoked) {}

    /** An authorization code from the authorization page. */
    record Code(String coreUserId, String appId, URI redirectUri, Instant issuedAt, boolean used) {}

    TikTokWorld(Clock clock) {
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
        accounts.clear();
        accountByEmail.clear();
        businessCenters.clear();
        rows.clear();
        invitationByToken.clear();
        assets.clear();
        assignments.clear();
        tokens.clear();
        codes.clear();
        pageSessions.clear();
        nextId = FIRST_ID;
    }

    String newId() {
        return Long.toString(nextId++);
    }

    String randomToken(int length) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    // ---- apps, accounts, Business Centers

    TikTokApp addApp(TikTokApp app) {
        apps.put(app.appId(), app);
        return app;
    }

    TikTokApp requireApp(String appId) {
        TikTokApp app = apps.get(appId);
        if (app == null) {
            throw new IllegalArgumentException("no app " + appId + " was seeded");
        }
        return app;
    }

    TikTokAccount addAccount(String email, String displayName, String password) {
        String key = key(email);
        if (key.isEmpty() || !key.contains("@")) {
            throw new IllegalArgumentException("an account needs an e-mail address");
        }
        if (accountByEmail.containsKey(key)) {
            throw new IllegalArgumentException("a TikTok for Business account with " + email + " already exists");
        }
        TikTokAccount account = new TikTokAccount(newId(), email.strip(), displayName, password);
        accounts.put(account.coreUserId(), account);
        accountByEmail.put(key, account.coreUserId());
        return account;
    }

    Optional<TikTokAccount> accountByEmail(String email) {
        String id = accountByEmail.get(key(email));
        return id == null ? Optional.empty() : Optional.ofNullable(accounts.get(id));
    }

    TikTokAccount requireAccount(String email) {
        return accountByEmail(email)
                .orElseThrow(() -> new IllegalArgumentException("no TikTok for Business account " + email));
    }

    Optional<TikTokAccount> signIn(String email, String password) {
        return accountByEmail(email).filter(account -> account.password().equals(password));
    }

    BusinessCenter addBusinessCenter(String name) {
        BusinessCenter center = new BusinessCenter(newId(), name, name, "USD", "US", "Etc/GMT");
        businessCenters.put(center.bcId(), center);
        rows.put(center.bcId(), new ArrayList<>());
        return center;
    }

    BusinessCenter requireBusinessCenter(String bcId) {
        BusinessCenter center = businessCenters.get(bcId);
        if (center == null) {
            throw new IllegalArgumentException("no Business Center " + bcId);
        }
        return center;
    }

    // ---- members and invitations

    /** The Business Center's rows with their status as of now: invitations past their deadline read UNBOUND. */
    List<BcMember> rowsOf(String bcId) {
        Instant now = now();
        return rows.getOrDefault(bcId, List.of()).stream()
                .map(row -> row.relationStatus() == BcMember.RelationStatus.PENDING
                                && row.expiresAt() != null
                                && !now.isBefore(row.expiresAt())
                        ? row.withStatus(BcMember.RelationStatus.UNBOUND)
                        : row)
                .toList();
    }

    List<BcMember> membersOf(String bcId) {
        return rowsOf(bcId).stream().filter(BcMember::bound).toList();
    }

    Optional<BcMember> member(String bcId, String userId) {
        return membersOf(bcId).stream()
                .filter(row -> row.userId().equals(userId))
                .findFirst();
    }

    Optional<BcMember> memberWithEmail(String bcId, String email) {
        return membersOf(bcId).stream()
                .filter(row -> key(row.email()).equals(key(email)))
                .findFirst();
    }

    Optional<BcMember> invitation(String bcId, String email) {
        return rowsOf(bcId).stream()
                .filter(row -> !row.bound() && key(row.email()).equals(key(email)))
                .findFirst();
    }

    /** Seats plus invitations that may still become seats, which count against TikTok's limits. */
    long seatsTaken(String bcId, @Nullable String role) {
        return rowsOf(bcId).stream()
                .filter(row -> row.bound() || row.relationStatus() == BcMember.RelationStatus.PENDING)
                .filter(row -> role == null || row.userRole().equals(role))
                .count();
    }

    BcMember addMember(String bcId, TikTokAccount account, String role, @Nullable String financeRole) {
        requireBusinessCenter(bcId);
        Optional<BcMember> existing = member(bcId, account.coreUserId());
        if (existing.isPresent()) {
            return existing.get();
        }
        removeInvitation(bcId, account.email());
        BcMember member = new BcMember(
                bcId,
                account.coreUserId(),
                account.displayName(),
                account.email(),
                role,
                financeRole,
                BcMember.RelationStatus.BOUND,
                null,
                null,
                List.of(),
                null);
        rowList(bcId).add(member);
        return member;
    }

    /** A new PENDING row for the address, replacing a lapsed or declined one; returns its join-page token. */
    String addInvitation(
            String bcId,
            String email,
            String role,
            @Nullable AssetType assetType,
            List<String> assetIds,
            @Nullable String assetRole,
            Duration lifetime) {
        requireBusinessCenter(bcId);
        removeInvitation(bcId, email);
        BcMember invitation = new BcMember(
                bcId,
                "0",
                "",
                email.strip(),
                role,
                null,
                BcMember.RelationStatus.PENDING,
                now().plus(lifetime),
                assetType,
                assetIds,
                assetRole);
        rowList(bcId).add(invitation);
        String token = randomToken(32);
        invitationByToken.put(token, new String[] {bcId, key(email)});
        return token;
    }

    private List<BcMember> rowList(String bcId) {
        return rows.computeIfAbsent(bcId, id -> new ArrayList<>());
    }

    Optional<BcMember> invitationByToken(String token) {
        String[] target = invitationByToken.get(token);
        return target == null ? Optional.empty() : invitation(target[0], target[1]);
    }

    boolean removeInvitation(String bcId, String email) {
        invitationByToken.values().removeIf(target -> target[0].equals(bcId) && target[1].equals(key(email)));
        return rows.getOrDefault(bcId, new ArrayList<>())
                .removeIf(row -> !row.bound() && key(row.email()).equals(key(email)));
    }

    /**
     * The account accepts the Business Center's invitation: the row becomes BOUND under the account's id and name,
     * and the assets the invitation named are assigned.
     *
     * @throws IllegalStateException if the invitation is not pending any more, or the account's address differs
     */
    BcMember accept(BcMember invitation, TikTokAccount account) {
        requirePending(invitation);
        if (!key(account.email()).equals(key(invitation.email()))) {
            throw new IllegalStateException(
                    "the invitation was sent to " + invitation.email() + "; sign in with that address to accept it");
        }
        if (member(invitation.bcId(), account.coreUserId()).isPresent()) {
            removeInvitation(invitation.bcId(), invitation.email());
            return member(invitation.bcId(), account.coreUserId()).orElseThrow();
        }
        removeInvitation(invitation.bcId(), invitation.email());
        BcMember member = new BcMember(
                invitation.bcId(),
                account.coreUserId(),
                account.displayName(),
                account.email(),
                invitation.userRole(),
                invitation.financeRole(),
                BcMember.RelationStatus.BOUND,
                null,
                null,
                List.of(),
                null);
        rowList(invitation.bcId()).add(member);
        String role = invitation.assetRole();
        if (invitation.assetType() != null && role != null) {
            for (String assetId : invitation.assetIds()) {
                BcAsset asset = assets.get(assetId);
                if (asset != null && asset.bcId().equals(invitation.bcId())) {
                    assign(asset, member.userId(), List.of(role));
                }
            }
        }
        return member;
    }

    /** The person declines: the row stays, REJECTED. */
    BcMember reject(BcMember invitation) {
        requirePending(invitation);
        List<BcMember> list = rowList(invitation.bcId());
        BcMember rejected = invitation.withStatus(BcMember.RelationStatus.REJECTED);
        list.replaceAll(row -> !row.bound() && key(row.email()).equals(key(invitation.email())) ? rejected : row);
        return rejected;
    }

    private static void requirePending(BcMember invitation) {
        if (invitation.relationStatus() != BcMember.RelationStatus.PENDING) {
            throw new IllegalStateException(
                    "the invitation for " + invitation.email() + " is " + invitation.relationStatus());
        }
    }

    BcMember changeRole(BcMember member, String role, @Nullable String financeRole) {
        BcMember changed = member.with(role, financeRole);
        rowList(member.bcId()).replaceAll(row -> row.bound() && row.userId().equals(member.userId()) ? changed : row);
        return changed;
    }

    void removeMember(BcMember member) {
        rowList(member.bcId()).removeIf(row -> row.bound() && row.userId().equals(member.userId()));
        assets.values().stream()
                .filter(asset -> asset.bcId().equals(member.bcId()))
                .forEach(asset -> assignments
                        .getOrDefault(asset.assetId(), new HashMap<>())
                        .remove(member.userId()));
    }

    /** The Business Centers the account is a member of, with its row there. */
    List<BcMember> seatsOf(String coreUserId) {
        List<BcMember> seats = new ArrayList<>();
        for (String bcId : businessCenters.keySet()) {
            member(bcId, coreUserId).ifPresent(seats::add);
        }
        return seats;
    }

    // ---- assets

    BcAsset addAsset(String bcId, AssetType type, String name) {
        requireBusinessCenter(bcId);
        BcAsset asset = new BcAsset(newId(), bcId, type, name);
        assets.put(asset.assetId(), asset);
        return asset;
    }

    BcAsset requireAsset(String assetId) {
        BcAsset asset = assets.get(assetId);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + assetId);
        }
        return asset;
    }

    void assign(BcAsset asset, String userId, List<String> roles) {
        assignments
                .computeIfAbsent(asset.assetId(), id -> new LinkedHashMap<>())
                .put(userId, List.copyOf(roles));
    }

    boolean unassign(BcAsset asset, String userId) {
        return assignments.getOrDefault(asset.assetId(), new HashMap<>()).remove(userId) != null;
    }

    /** Who holds which roles on the asset, in order of assignment. */
    Map<String, List<String>> assignmentsOf(String assetId) {
        return new LinkedHashMap<>(assignments.getOrDefault(assetId, Map.of()));
    }

    // ---- tokens, codes, page sessions

    String issueToken(String coreUserId, String appId, boolean expired) {
        String value = randomToken(40);
        tokens.put(value, new Token(coreUserId, appId, expired, false));
        return value;
    }

    Optional<Token> token(String value) {
        return Optional.ofNullable(tokens.get(value));
    }

    boolean revoke(String value, String appId) {
        Token token = tokens.get(value);
        if (token == null || !token.appId().equals(appId)) {
            return false;
        }
        tokens.put(value, new Token(token.coreUserId(), token.appId(), token.expired(), true));
        return true;
    }

    String issueCode(String coreUserId, String appId, URI redirectUri) {
        String value = randomToken(32);
        codes.put(value, new Code(coreUserId, appId, redirectUri, now(), false));
        return value;
    }

    /** The code if it can still be exchanged by the app; using it up either way. */
    Optional<Code> redeem(String value, String appId) {
        Code code = codes.get(value);
        if (code == null || code.used() || !code.appId().equals(appId)) {
            return Optional.empty();
        }
        codes.put(value, new Code(code.coreUserId(), code.appId(), code.redirectUri(), code.issuedAt(), true));
        if (!now().isBefore(code.issuedAt().plus(CODE_LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    String openPageSession(String coreUserId) {
        String session = randomToken(24);
        pageSessions.put(session, coreUserId);
        return session;
    }

    Optional<TikTokAccount> pageSession(@Nullable String session) {
        String id = session == null ? null : pageSessions.get(session);
        return id == null ? Optional.empty() : Optional.ofNullable(accounts.get(id));
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
