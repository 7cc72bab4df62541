package io.hubwarden.simulator.tiktok;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo Business Center that {@code SimulatorMain} and the embedded default start with: "Acme Ads" with an Admin
 * and Standard members, two pending invitations, ad accounts, a catalog and a pixel with some assignments, and an app
 * whose redirect URIs are those of Hubwarden on {@code http://127.0.0.1:8080}. Every account's password is
 * {@value #PASSWORD}.
 *
 * @param app the demo app
 * @param businessCenter "Acme Ads"
 * @param owner Olive Owner's row (Admin), the person who connects the Business Center to Hubwarden
 * @param ownerToken Olive's access token for the app
 * @param accounts every seeded account, members and non-members
 * @param invitations the pending invitations' join links, by invited address
 */
public record TikTokDemo(
        TikTokApp app,
        BusinessCenter businessCenter,
        BcMember owner,
        String ownerToken,
        List<TikTokAccount> accounts,
        List<Invitation> invitations) {

    /** The demo app's id. */
    public static final String APP_ID = "7300000000000000042";
    /** The demo app's secret. */
    public static final String APP_SECRET = "demo-tiktok-secret";
    /** The password of every demo account. */
    public static final String PASSWORD = "demo-password";
    /** Redirect URIs of Hubwarden's hub connection and profile connection on the default port. */
    public static final List<URI> REDIRECT_URIS = List.of(
            URI.create("http://127.0.0.1:8080/hubs/oauth/callback"),
            URI.create("http://127.0.0.1:8080/profiles/oauth/callback"));

    /** A pending invitation of the demo. */
    public record Invitation(String email, String role, URI link) {}

    /** Copies the lists. */
    public TikTokDemo {
        accounts = List.copyOf(accounts);
        invitations = List.copyOf(invitations);
    }

    /** Seeds the demo into a running (normally empty) simulator. */
    public static TikTokDemo seed(TikTokSimulator tiktok) {
        TikTokApp app = tiktok.seedApp(new TikTokApp(APP_ID, APP_SECRET, "Hubwarden (demo)", REDIRECT_URIS));
        BusinessCenter acme = tiktok.seedBusinessCenter("Acme Ads");
        TikTokAccount olive = tiktok.seedAccount("olive@acme.test", "Olive Owner", PASSWORD);
        TikTokAccount ana = tiktok.seedAccount("ana@acme.test", "Ana Ruiz", PASSWORD);
        TikTokAccount ben = tiktok.seedAccount("ben@acme.test", "Ben Brooks", PASSWORD);
        TikTokAccount pat = tiktok.seedAccount("pat.private@example.test", "Pat Person", PASSWORD);
        TikTokAccount cara = tiktok.seedAccount("cara@acme.test", "Cara Costa", PASSWORD);
        BcMember owner = tiktok.addMember(acme.bcId(), olive.email(), "ADMIN", "MANAGER");
        BcMember anaRow = tiktok.addMember(acme.bcId(), ana.email(), "STANDARD");
        BcMember benRow = tiktok.addMember(acme.bcId(), ben.email(), "STANDARD", "ANALYST");
        URI caraLink = tiktok.createInvitation(acme.bcId(), cara.email(), "STANDARD");
        URI devLink = tiktok.createInvitation(acme.bcId(), "dev@acme.test", "ADMIN");
        BcAsset europe = tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads EU");
        tiktok.seedAsset(acme.bcId(), AssetType.ADVERTISER, "Acme Ads US");
        BcAsset catalog = tiktok.seedAsset(acme.bcId(), AssetType.CATALOG, "Acme Products");
        tiktok.seedAsset(acme.bcId(), AssetType.PIXEL, "Acme Website Pixel");
        tiktok.assign(europe.assetId(), anaRow.userId(), List.of("OPERATOR"));
        tiktok.assign(europe.assetId(), benRow.userId(), List.of("ANALYST"));
        tiktok.assign(catalog.assetId(), anaRow.userId(), List.of("AD_PROMOTE"));
        String ownerToken = tiktok.accessToken(olive.email(), APP_ID);
        return new TikTokDemo(
                app,
                acme,
                owner,
                ownerToken,
                List.of(olive, ana, ben, pat, cara),
                List.of(
                        new Invitation(cara.email(), "STANDARD", caraLink),
                        new Invitation("dev@acme.test", "ADMIN", devLink)));
    }

    /** What a person needs to try the demo: the app, the Business Center, the accounts, the invitations, a token. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("Demo app: id " + app.appId() + ", secret " + app.secret() + ", redirect URIs " + app.redirectUris());
        lines.add("Demo Business Center: " + businessCenter.name() + " (" + businessCenter.bcId() + ")");
        lines.add("TikTok for Business accounts (password \"" + PASSWORD + "\"):");
        for (TikTokAccount account : accounts) {
            lines.add("  " + account.displayName() + " <" + account.email() + ">");
        }
        lines.add("Pending invitations:");
        for (Invitation invitation : invitations) {
            lines.add("  " + invitation.email() + " as " + invitation.role() + ": " + invitation.link());
        }
        lines.add("Olive Owner's access token (Admin): " + ownerToken);
        return lines;
    }
}
