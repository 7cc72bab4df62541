package io.hubwarden.connector.tiktok;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.connector.tck.HubSimulatorControl;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.tiktok.AssetType;
import io.hubwarden.simulator.tiktok.BusinessCenter;
import io.hubwarden.simulator.tiktok.TikTokApp;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The TikTok simulator as the contract suite drives it: one app and one Business Center administered by Olive. */
final class TikTokSimulatorControl implements HubSimulatorControl {

    static final String APP_ID = "7000000000000000001";
    static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String CENTER_NAME = "Acme Ads";
    static final EmailAddress OWNER = EmailAddress.of("olive.owner@acme.test");
    static final URI REDIRECT = URI.create("http://127.0.0.1/hubwarden/hubs/tiktok/callback");

    private static final String PASSWORD = "correct horse";

    private static final Map<AssetKind, AssetType> TYPES = new EnumMap<>(Map.of(
            AssetKind.AD_ACCOUNT, AssetType.ADVERTISER,
            AssetKind.CATALOG, AssetType.CATALOG,
            AssetKind.PIXEL, AssetType.PIXEL));

    private final TikTokSimulator tiktok;
    private @Nullable BusinessCenter center;
    private @Nullable String ownerToken;

    TikTokSimulatorControl(TikTokSimulator tiktok) {
        this.tiktok = tiktok;
    }

    @Override
    public void reset() {
        tiktok.reset();
        tiktok.seedApp(new TikTokApp(APP_ID, SECRET, "Hubwarden", List.of(REDIRECT)));
        BusinessCenter acme = tiktok.seedBusinessCenter(CENTER_NAME);
        tiktok.seedAccount(OWNER.value(), "Olive Owner", PASSWORD);
        tiktok.addMember(acme.bcId(), OWNER.value(), "ADMIN");
        center = acme;
        ownerToken = tiktok.accessToken(OWNER.value(), APP_ID);
    }

    @Override
    public HubSettings settings() {
        return HubSettings.of(Map.of(
                "app_id",
                APP_ID,
                "secret",
                SECRET,
                "bc_id",
                bcId(),
                "api_base_url",
                tiktok.baseUrl().toString(),
                "auth_page_url",
                tiktok.baseUrl() + "/portal/auth"));
    }

    @Override
    public BusinessInfo business() {
        return new BusinessInfo(bcId(), CENTER_NAME);
    }

    @Override
    public ServiceCredential serviceCredential() {
        if (ownerToken == null) {
            throw new IllegalStateException("reset() seeds the Business Center first");
        }
        return ServiceCredential.of(ownerToken);
    }

    @Override
    public EmailAddress fullControlPerson() {
        return OWNER;
    }

    @Override
    public URI redirectUri() {
        return REDIRECT;
    }

    @Override
    public void seedMember(EmailAddress email, String name, HubRole role) {
        tiktok.seedAccount(email.value(), name, PASSWORD);
        tiktok.addMember(bcId(), email.value(), role.code());
    }

    @Override
    public void seedInvitation(EmailAddress email, HubRole role) {
        tiktok.createInvitation(bcId(), email.value(), role.code());
    }

    @Override
    public void seedPerson(EmailAddress email, String name) {
        tiktok.seedAccount(email.value(), name, PASSWORD);
    }

    @Override
    public Set<AssetKind> seedableAssetKinds() {
        return TYPES.keySet();
    }

    @Override
    public HubAsset seedAsset(AssetKind kind, String name) {
        AssetType type = TYPES.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("the TikTok simulator has no " + kind);
        }
        return new HubAsset(
                new AssetRef(kind, tiktok.seedAsset(bcId(), type, name).assetId()), name);
    }

    /** TikTok gives one role per asset: each allowed set holds one. */
    @Override
    public List<Set<String>> allowedTaskSets(AssetKind kind) {
        switch (kind) {
            case AD_ACCOUNT:
                return List.of(Set.of("ANALYST"), Set.of("OPERATOR"));
            case CATALOG:
                return List.of(Set.of("AD_PROMOTE"), Set.of("ADMIN"));
            default:
                return List.of();
        }
    }

    /** A catalog role on an ad account: TikTok's advertiser roles are ADMIN, OPERATOR and ANALYST. */
    @Override
    public Optional<Set<String>> refusedTaskSet(AssetKind kind) {
        return kind == AssetKind.AD_ACCOUNT ? Optional.of(Set.of("AD_PROMOTE")) : Optional.empty();
    }

    /** TikTok does not publish the lifetime; the simulator's is 30 days. */
    @Override
    public void expireInvitations() {
        tiktok.members(bcId()).stream()
                .map(row -> row.expiresAt())
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .ifPresent(last -> tiktok.advanceClock(
                        Duration.between(tiktok.clock().instant(), last).plusMinutes(1)));
    }

    /** TikTok lets only the account of the invited address accept. */
    @Override
    public void acceptInvitation(EmailAddress email) {
        ensureAccount(email);
        tiktok.acceptInvitation(bcId(), email.value());
    }

    @Override
    public String authorizationCode(EmailAddress person, URI redirectUri) {
        ensureAccount(person);
        return tiktok.authorizationCode(person.value(), APP_ID, redirectUri);
    }

    @Override
    public void throttleNextCall(Duration wait) {
        tiktok.injectFault("*", "/**", Fault.rateLimited(wait), 1);
    }

    /** TikTok's 40100 says only "retry in some time". */
    @Override
    public boolean reportsRetryAfter() {
        return false;
    }

    @Override
    public void expireTokenOnNextCall() {
        tiktok.injectFault("*", "/**", Fault.authExpired(), 1);
    }

    @Override
    public void failNextCall(int httpStatus) {
        tiktok.injectFault("*", "/**", Fault.serverError(httpStatus), 1);
    }

    @Override
    public String unknownId() {
        return "7399999999999999999";
    }

    @Override
    public long requestsServed() {
        return tiktok.requestsServed();
    }

    String bcId() {
        if (center == null) {
            throw new IllegalStateException("reset() seeds the Business Center first");
        }
        return center.bcId();
    }

    private void ensureAccount(EmailAddress email) {
        if (tiktok.account(email.value()).isEmpty()) {
            tiktok.seedAccount(email.value(), "Person " + email.value(), PASSWORD);
        }
    }
}
