package io.hubwarden.connector.meta;

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
import io.hubwarden.simulator.meta.AssetType;
import io.hubwarden.simulator.meta.Business;
import io.hubwarden.simulator.meta.MetaApp;
import io.hubwarden.simulator.meta.MetaSimulator;
import io.hubwarden.simulator.meta.RoleRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The Meta simulator as the contract suite drives it: an app that demands appsecret_proof, and one business. */
final class MetaSimulatorControl implements HubSimulatorControl {

    static final String APP_ID = "1001";
    static final String APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String BUSINESS_NAME = "Acme Ads";
    static final EmailAddress OWNER = EmailAddress.of("olive.owner@acme.test");
    static final URI REDIRECT = URI.create("http://127.0.0.1/hubwarden/hubs/meta/callback");

    /** Every permission either OAuth flow of the connector asks for. */
    private static final Set<String> SCOPES =
            Set.of("business_management", "ads_management", "pages_show_list", "catalog_management", "email");

    private static final String PASSWORD = "correct horse";

    private static final Map<AssetKind, AssetType> TYPES = new EnumMap<>(Map.of(
            AssetKind.AD_ACCOUNT, AssetType.AD_ACCOUNT,
            AssetKind.PAGE, AssetType.PAGE,
            AssetKind.CATALOG, AssetType.PRODUCT_CATALOG,
            AssetKind.PIXEL, AssetType.PIXEL,
            AssetKind.INSTAGRAM_ACCOUNT, AssetType.INSTAGRAM_ACCOUNT));

    private final MetaSimulator meta;
    private @Nullable Business business;
    private @Nullable String ownerToken;

    MetaSimulatorControl(MetaSimulator meta) {
        this.meta = meta;
    }

    @Override
    public void reset() {
        meta.reset();
        meta.seedApp(new MetaApp(APP_ID, APP_SECRET, "Hubwarden", List.of(REDIRECT), true));
        Business acme = meta.seedBusiness(BUSINESS_NAME);
        meta.seedPerson(OWNER.value(), "Olive Owner", PASSWORD);
        meta.addBusinessUser(acme.id(), OWNER.value(), "ADMIN");
        business = acme;
        ownerToken = meta.userToken(OWNER.value(), APP_ID, SCOPES);
    }

    @Override
    public HubSettings settings() {
        return HubSettings.of(Map.of(
                "app_id", APP_ID,
                "app_secret", APP_SECRET,
                "business_id", businessId(),
                "graph_base_url", meta.baseUrl().toString(),
                "dialog_base_url", meta.baseUrl().toString()));
    }

    @Override
    public BusinessInfo business() {
        return new BusinessInfo(businessId(), BUSINESS_NAME);
    }

    @Override
    public ServiceCredential serviceCredential() {
        if (ownerToken == null) {
            throw new IllegalStateException("reset() seeds the business first");
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
        meta.seedPerson(email.value(), name, PASSWORD);
        meta.addBusinessUser(businessId(), email.value(), role.code());
    }

    @Override
    public void seedInvitation(EmailAddress email, HubRole role) {
        meta.createInvitation(businessId(), email.value(), role.code(), List.of());
    }

    @Override
    public void seedPerson(EmailAddress email, String name) {
        meta.seedPerson(email.value(), name, PASSWORD);
    }

    @Override
    public Set<AssetKind> seedableAssetKinds() {
        return TYPES.keySet();
    }

    @Override
    public HubAsset seedAsset(AssetKind kind, String name) {
        AssetType type = TYPES.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("the Meta simulator has no " + kind);
        }
        return new HubAsset(
                new AssetRef(kind, meta.seedAsset(businessId(), type, name).id()), name);
    }

    /** The task sets Business Settings offers: analyst and advertiser for ad accounts, and their like elsewhere. */
    @Override
    public List<Set<String>> allowedTaskSets(AssetKind kind) {
        switch (kind) {
            case AD_ACCOUNT:
                return List.of(Set.of("ANALYZE"), Set.of("ADVERTISE", "ANALYZE"));
            case PAGE:
                return List.of(Set.of("ANALYZE"), Set.of("CREATE_CONTENT", "ANALYZE"));
            case CATALOG:
                return List.of(Set.of("ADVERTISE"), Set.of("MANAGE"));
            case PIXEL:
                return List.of(Set.of("ANALYZE"), Set.of("EDIT", "ANALYZE"));
            default:
                return List.of();
        }
    }

    /** Managing an ad account without advertising on it and reading it is a combination Graph refuses. */
    @Override
    public Optional<Set<String>> refusedTaskSet(AssetKind kind) {
        return kind == AssetKind.AD_ACCOUNT ? Optional.of(Set.of("MANAGE")) : Optional.empty();
    }

    /** Meta does not publish the lifetime; the simulator's is 30 days. */
    @Override
    public void expireInvitations() {
        meta.pendingRequests(businessId()).stream()
                .map(RoleRequest::expirationTime)
                .max(Comparator.naturalOrder())
                .ifPresent(last -> meta.advanceClock(
                        Duration.between(meta.clock().instant(), last).plusMinutes(1)));
    }

    @Override
    public void acceptInvitation(EmailAddress email) {
        RoleRequest invitation = meta.pendingRequests(businessId()).stream()
                .filter(request -> EmailAddress.of(request.email()).equals(email))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invitation for " + email));
        ensurePerson(email);
        meta.acceptInvitation(invitation.id(), email.value());
    }

    @Override
    public String authorizationCode(EmailAddress person, URI redirectUri) {
        ensurePerson(person);
        return meta.authorizationCode(person.value(), APP_ID, redirectUri, SCOPES);
    }

    @Override
    public void throttleNextCall(Duration wait) {
        meta.injectFault("*", "/**", Fault.rateLimited(wait), 1);
    }

    @Override
    public boolean reportsRetryAfter() {
        return true;
    }

    @Override
    public void expireTokenOnNextCall() {
        meta.injectFault("*", "/**", Fault.authExpired(), 1);
    }

    @Override
    public void failNextCall(int httpStatus) {
        meta.injectFault("*", "/**", Fault.serverError(httpStatus), 1);
    }

    @Override
    public long requestsServed() {
        return meta.requestsServed();
    }

    String businessId() {
        if (business == null) {
            throw new IllegalStateException("reset() seeds the business first");
        }
        return business.id();
    }

    private void ensurePerson(EmailAddress email) {
        if (meta.person(email.value()).isEmpty()) {
            meta.seedPerson(email.value(), "Person " + email.value(), PASSWORD);
        }
    }
}
