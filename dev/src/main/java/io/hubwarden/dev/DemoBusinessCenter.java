package io.hubwarden.dev;

import io.hubwarden.simulator.tiktok.BusinessCenter;
import io.hubwarden.simulator.tiktok.TikTokApp;
import io.hubwarden.simulator.tiktok.TikTokDemo;
import io.hubwarden.simulator.tiktok.TikTokSimulator;
import java.net.URI;
import java.util.List;

/**
 * The TikTok simulator's demo Business Center "Acme Ads" (see {@link TikTokDemo}: Olive Owner as Admin, Standard
 * members, pending invitations, ad accounts with assignments), its app allowed to redirect to this server whatever its
 * port, and one more TikTok for Business account: the colleague's, with the same address and password as their
 * Facebook login. A fresh simulator hands out the same ids in the same order, so a hub connected in an earlier run
 * finds its Business Center again.
 *
 * @param demo what the simulator seeded
 */
record DemoBusinessCenter(TikTokDemo demo) {

    /**
     * Seeds a fresh simulator.
     *
     * @param serverUrl the server's public URL, whose OAuth callbacks the app allows
     */
    static DemoBusinessCenter seed(TikTokSimulator tiktok, URI serverUrl) {
        var demo = TikTokDemo.seed(tiktok);
        var base = serverUrl.toString().replaceFirst("/$", "");
        var app = demo.app();
        tiktok.seedApp(new TikTokApp(
                app.appId(),
                app.secret(),
                app.name(),
                List.of(URI.create(base + "/hubs/oauth/callback"), URI.create(base + "/profiles/oauth/callback"))));
        var colleague = DemoBusiness.COLLEAGUE;
        tiktok.seedAccount(colleague.email(), colleague.name(), colleague.password());
        return new DemoBusinessCenter(demo);
    }

    String appId() {
        return demo.app().appId();
    }

    String secret() {
        return demo.app().secret();
    }

    BusinessCenter businessCenter() {
        return demo.businessCenter();
    }
}
