package io.hubwarden.dev;

import io.hubwarden.simulator.meta.AssetType;
import io.hubwarden.simulator.meta.Business;
import io.hubwarden.simulator.meta.MetaApp;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.net.URI;
import java.util.List;

/**
 * The demo business in the Meta simulator: "Acme Ads" with a Full-control admin (the demo Owner's Facebook login), two
 * colleagues already in it, an agency person nobody in the workspace knows, a pending invitation, pages, ad accounts,
 * a catalog and a pixel; and the app Hubwarden signs in with. The simulator keeps nothing between starts, and a fresh
 * one hands out the same ids in the same order, so the hub connected in an earlier run finds its business again.
 *
 * @param appId the Meta app id Hubwarden is configured with
 * @param appSecret its secret
 * @param business the demo business
 * @param owner the Facebook login of the workspace Owner, Full control in the business
 * @param colleague the Facebook login of the colleague the Owner shares the hub with; not in the business yet
 */
record MetaDemo(String appId, String appSecret, Business business, FacebookLogin owner, FacebookLogin colleague) {

    static final String APP_ID = "880000000000001";
    static final String APP_SECRET = "acme-demo-app-secret";
    static final FacebookLogin OWNER = new FacebookLogin("olivia@acme.test", "Olivia Owner", "olivia-facebook");
    static final FacebookLogin COLLEAGUE = new FacebookLogin("cole@acme.test", "Cole Colleague", "cole-facebook");

    /**
     * A Facebook login, as typed on the simulator's sign-in pages.
     *
     * @param email the login e-mail (also the person's work e-mail in the demo workspace)
     * @param name the display name
     * @param password the Facebook password
     */
    record FacebookLogin(String email, String name, String password) {}

    /**
     * Seeds a fresh simulator.
     *
     * @param serverUrl the server's public URL, whose OAuth callbacks the app allows
     */
    static MetaDemo seed(MetaSimulator meta, URI serverUrl) {
        var base = serverUrl.toString().replaceFirst("/$", "");
        meta.seedApp(new MetaApp(
                APP_ID,
                APP_SECRET,
                "Hubwarden",
                List.of(URI.create(base + "/hubs/oauth/callback"), URI.create(base + "/profiles/oauth/callback")),
                false));
        var acme = meta.seedBusiness("Acme Ads");
        var id = acme.id();

        meta.seedPerson(OWNER.email(), OWNER.name(), OWNER.password());
        meta.seedPerson(COLLEAGUE.email(), COLLEAGUE.name(), COLLEAGUE.password());
        meta.seedPerson("dana@acme.test", "Dana Designer", "dana-facebook");
        meta.seedPerson("frank@acme.test", "Frank Finance", "frank-facebook");
        meta.seedPerson("max@northwind-agency.test", "Max Agency", "max-facebook");

        var owner = meta.addBusinessUser(id, OWNER.email(), "ADMIN");
        var dana = meta.addBusinessUser(id, "dana@acme.test", "EMPLOYEE");
        var frank = meta.addBusinessUser(id, "frank@acme.test", "EMPLOYEE", List.of("FINANCE_EDITOR"));
        var max = meta.addBusinessUser(id, "max@northwind-agency.test", "EMPLOYEE");
        meta.seedSystemUser(id, "Acme Reporting", "EMPLOYEE");
        meta.createInvitation(id, "nina@acme.test", "EMPLOYEE", List.of());

        var brand = meta.seedAsset(id, AssetType.AD_ACCOUNT, "Acme Brand Awareness");
        var performance = meta.seedAsset(id, AssetType.AD_ACCOUNT, "Acme Performance");
        var page = meta.seedAsset(id, AssetType.PAGE, "Acme Ads");
        var outlet = meta.seedAsset(id, AssetType.PAGE, "Acme Outlet");
        var catalog = meta.seedAsset(id, AssetType.PRODUCT_CATALOG, "Acme Spring Catalog");
        var pixel = meta.seedAsset(id, AssetType.PIXEL, "Acme Website Pixel");

        for (var asset : List.of(brand, performance, page, outlet)) {
            meta.assign(asset.id(), owner.id(), List.of());
        }
        meta.assign(catalog.id(), owner.id(), List.of("MANAGE"));
        meta.assign(pixel.id(), owner.id(), List.of("EDIT", "ANALYZE"));
        meta.assign(page.id(), dana.id(), List.of("CREATE_CONTENT"));
        meta.assign(outlet.id(), dana.id(), List.of("MODERATE"));
        meta.assign(brand.id(), frank.id(), List.of("ANALYZE"));
        meta.assign(performance.id(), max.id(), List.of("ADVERTISE", "ANALYZE"));
        return new MetaDemo(APP_ID, APP_SECRET, acme, OWNER, COLLEAGUE);
    }
}
