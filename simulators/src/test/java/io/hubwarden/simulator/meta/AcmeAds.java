package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.SimulatedClock;
import io.hubwarden.simulator.mail.Mailbox;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The situation most tests start from: a mailbox, a simulator that mails invitations to it, an app, and the business
 * "Acme Ads" whose only member is Olive, its Full-control owner, connected with a business_management token.
 */
final class AcmeAds implements AutoCloseable {

    static final String APP_ID = "424242";
    static final String APP_SECRET = "acme-app-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:8080/hubs/oauth/callback");
    static final String OWNER = "olive@acme.test";
    static final String PASSWORD = "correct horse";

    final SimulatedClock clock = SimulatedClock.fixedAt(Instant.parse("2026-11-02T09:00:00Z"));
    final Mailbox mailbox;
    final MetaSimulator meta;
    final Business business;
    final BusinessUser owner;
    final String token;
    final GraphClient graph;

    private AcmeAds(boolean requireProof) {
        mailbox = Mailbox.start(0, -1, clock);
        meta = MetaSimulator.start(
                MetaSimulator.Options.defaults().withClock(clock).withSmtp("127.0.0.1", mailbox.smtpPort()));
        meta.seedApp(new MetaApp(APP_ID, APP_SECRET, "Hubwarden", List.of(REDIRECT), requireProof));
        business = meta.seedBusiness("Acme Ads");
        meta.seedPerson(OWNER, "Olive Owner", PASSWORD);
        owner = meta.addBusinessUser(business.id(), OWNER, "ADMIN");
        token = meta.userToken(OWNER, APP_ID, Set.of("business_management", "email"));
        graph = new GraphClient(meta.baseUrl());
    }

    static AcmeAds start() {
        return new AcmeAds(false);
    }

    static AcmeAds requiringAppsecretProof() {
        return new AcmeAds(true);
    }

    /** A member seeded with a Facebook login of the same address. */
    BusinessUser member(String email, String name, String role) {
        meta.seedPerson(email, name, PASSWORD);
        return meta.addBusinessUser(business.id(), email, role);
    }

    String withToken(String pathAndQuery) {
        return pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "access_token=" + token;
    }

    @Override
    public void close() {
        meta.close();
        mailbox.close();
    }
}
