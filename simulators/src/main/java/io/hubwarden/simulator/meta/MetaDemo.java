package io.hubwarden.simulator.meta;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The demo business that {@code SimulatorMain} and the embedded default start with: "Acme Ads" with people in both
 * roles, two pending invitations, assets of every kind with some assignments, a system user, and an app whose redirect
 * URIs are those of Hubwarden on {@code http://127.0.0.1:8080}. Every Facebook login's password is
 * {@value #PASSWORD}.
 *
 * @param app the demo app
 * @param business "Acme Ads"
 * @param owner Olive Owner's seat (Full control), the person who connects the business to Hubwarden
 * @param ownerToken Olive's user token for the app with business_management, ads_management, pages_show_list, email
 * @param systemUserToken the token of the business's system user "Hubwarden sync"
 * @param people every seeded Facebook login, members and non-members
 * @param invitations the pending invitations
 */
public record MetaDemo(
        MetaApp app,
        Business business,
        BusinessUser owner,
        String ownerToken,
        String systemUserToken,
        List<FacebookPerson> people,
        List<RoleRequest> invitations) {

    /** The demo app's id. */
    public static final String APP_ID = "4815162342";
    /** The demo app's secret. */
    public static final String APP_SECRET = "demo-app-secret";
    /** The password of every demo Facebook login. */
    public static final String PASSWORD = "demo-password";
    /** Redirect URIs of Hubwarden's hub connection and profile connection on the default port. */
    public static final List<URI> REDIRECT_URIS = List.of(
            URI.create("http://127.0.0.1:8080/hubs/oauth/callback"),
            URI.create("http://127.0.0.1:8080/profiles/oauth/callback"));

    /** Copies the lists. */
    public MetaDemo {
        people = List.copyOf(people);
        invitations = List.copyOf(invitations);
    }

    /** Seeds the demo into a running (normally empty) simulator. */
    public static MetaDemo seed(MetaSimulator meta) {
        MetaApp app = meta.seedApp(new MetaApp(APP_ID, APP_SECRET, "Hubwarden (demo)", REDIRECT_URIS, false));
        Business acme = meta.seedBusiness("Acme Ads");
        FacebookPerson olive = meta.seedPerson("olive@acme.test", "Olive Owner", PASSWORD);
        FacebookPerson ana = meta.seedPerson("ana@acme.test", "Ana Ruiz", PASSWORD);
        FacebookPerson ben = meta.seedPerson("ben@acme.test", "Ben Brooks", PASSWORD);
        FacebookPerson pat = meta.seedPerson("pat.private@example.test", "Pat Person", PASSWORD);
        FacebookPerson cara = meta.seedPerson("cara@example.test", "Cara Costa", PASSWORD);
        BusinessUser owner = meta.addBusinessUser(acme.id(), olive.email(), "ADMIN");
        BusinessUser anaSeat = meta.addBusinessUser(acme.id(), ana.email(), "EMPLOYEE");
        BusinessUser benSeat = meta.addBusinessUser(acme.id(), ben.email(), "EMPLOYEE", List.of("FINANCE_ANALYST"));
        RoleRequest caraInvite = meta.createInvitation(acme.id(), "cara@acme.test", "EMPLOYEE", List.of());
        RoleRequest devInvite = meta.createInvitation(acme.id(), "dev@acme.test", "ADMIN", List.of());
        Asset europe = meta.seedAsset(acme.id(), AssetType.AD_ACCOUNT, "Acme Ads EU");
        meta.seedAsset(acme.id(), AssetType.AD_ACCOUNT, "Acme Ads US");
        Asset page = meta.seedAsset(acme.id(), AssetType.PAGE, "Acme Ads");
        meta.seedAsset(acme.id(), AssetType.PAGE, "Acme Outlet");
        Asset catalog = meta.seedAsset(acme.id(), AssetType.PRODUCT_CATALOG, "Acme Products");
        Asset pixel = meta.seedAsset(acme.id(), AssetType.PIXEL, "Acme Website Pixel");
        meta.seedAsset(acme.id(), AssetType.INSTAGRAM_ACCOUNT, "acme.ads");
        meta.assign(europe.id(), anaSeat.id(), List.of("ADVERTISE", "ANALYZE"));
        meta.assign(page.id(), anaSeat.id(), List.of("CREATE_CONTENT", "MODERATE", "ADVERTISE", "ANALYZE"));
        meta.assign(europe.id(), benSeat.id(), List.of("ANALYZE"));
        meta.assign(catalog.id(), anaSeat.id(), List.of("ADVERTISE"));
        meta.assign(pixel.id(), benSeat.id(), List.of("ANALYZE"));
        SystemUser sync = meta.seedSystemUser(acme.id(), "Hubwarden sync", "ADMIN");
        String ownerToken = meta.userToken(
                olive.email(), APP_ID, Set.of("business_management", "ads_management", "pages_show_list", "email"));
        String systemToken = meta.systemUserToken(sync.id(), APP_ID, Set.of("business_management", "ads_management"));
        return new MetaDemo(
                app,
                acme,
                owner,
                ownerToken,
                systemToken,
                List.of(olive, ana, ben, pat, cara),
                List.of(caraInvite, devInvite));
    }

    /** What a person needs to try the demo: the app, the business, the logins, the invitations and two tokens. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Demo app: id " + app.id() + ", secret " + app.secret() + ", redirect URIs " + app.redirectUris());
        lines.add("Demo business: " + business.name() + " (" + business.id() + ")");
        lines.add("Facebook logins (password \"" + PASSWORD + "\"):");
        for (FacebookPerson person : people) {
            lines.add("  " + person.name() + " <" + person.email() + ">");
        }
        lines.add("Pending invitations:");
        for (RoleRequest invitation : invitations) {
            lines.add("  " + invitation.email() + " as " + invitation.role() + ": " + invitation.inviteLink());
        }
        lines.add("Olive Owner's token (Full control): " + ownerToken);
        lines.add("System user token: " + systemUserToken);
        return lines;
    }
}
