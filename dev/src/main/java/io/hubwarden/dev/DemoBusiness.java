package io.hubwarden.dev;

import io.hubwarden.simulator.meta.Business;
import io.hubwarden.simulator.meta.MetaApp;
import io.hubwarden.simulator.meta.MetaDemo;
import io.hubwarden.simulator.meta.MetaSimulator;
import java.net.URI;
import java.util.List;

/**
 * The simulator's demo business "Acme Ads" (see {@link MetaDemo}: Olive Owner with Full control, people in both
 * roles, pending invitations, assets with assignments), its app allowed to redirect to this server whatever its port,
 * and one more Facebook login: the colleague the Owner shares the hub with, not in the business yet. The simulator
 * keeps nothing between starts, and a fresh one hands out the same ids in the same order, so a hub connected in an
 * earlier run finds its business again.
 *
 * @param demo what the simulator seeded
 * @param owner the Facebook login of the workspace Owner, Full control in the business
 * @param colleague the Facebook login of the colleague
 */
record DemoBusiness(MetaDemo demo, FacebookLogin owner, FacebookLogin colleague) {

    static final FacebookLogin OWNER = new FacebookLogin("olive@acme.test", "Olive Owner", MetaDemo.PASSWORD);
    static final FacebookLogin COLLEAGUE = new FacebookLogin("cole@acme.test", "Cole Colleague", MetaDemo.PASSWORD);

    /**
     * A Facebook login, as typed on the simulator's sign-in pages.
     *
     * @param email the login e-mail (also the person's e-mail in the demo workspace)
     * @param name the display name
     * @param password the Facebook password
     */
    record FacebookLogin(String email, String name, String password) {}

    /**
     * Seeds a fresh simulator.
     *
     * @param serverUrl the server's public URL, whose OAuth callbacks the app allows
     */
    static DemoBusiness seed(MetaSimulator meta, URI serverUrl) {
        var demo = MetaDemo.seed(meta);
        var base = serverUrl.toString().replaceFirst("/$", "");
        var app = demo.app();
        meta.seedApp(new MetaApp(
                app.id(),
                app.secret(),
                app.name(),
                List.of(URI.create(base + "/hubs/oauth/callback"), URI.create(base + "/profiles/oauth/callback")),
                app.requiresAppsecretProof()));
        meta.seedPerson(COLLEAGUE.email(), COLLEAGUE.name(), COLLEAGUE.password());
        return new DemoBusiness(demo, OWNER, COLLEAGUE);
    }

    String appId() {
        return demo.app().id();
    }

    String appSecret() {
        return demo.app().secret();
    }

    Business business() {
        return demo.business();
    }
}
