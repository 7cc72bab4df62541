package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.SimulatedClock;
import io.hubwarden.simulator.mail.Mailbox;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A running TikTok simulator with its mailbox and one Business Center, "Acme Ads", administered by Olive Owner, with a
 * Standard member Ana; the clock stands still until a test moves it.
 */
final class AcmeCenter implements AutoCloseable {

    static final String APP_ID = "7000000000000000001";
    static final String SECRET = "app-secret";
    static final URI REDIRECT = URI.create("http://127.0.0.1:8080/hubs/oauth/callback");
    static final String PASSWORD = "pw";

    final Mailbox mailbox;
    final TikTokSimulator tiktok;
    final OpenApiClient api;
    final BusinessCenter center;
    final BcMember olive;
    final BcMember ana;
    final String oliveToken;
    final String anaToken;

    private AcmeCenter(Mailbox mailbox, TikTokSimulator tiktok) {
        this.mailbox = mailbox;
        this.tiktok = tiktok;
        this.api = new OpenApiClient(tiktok.baseUrl());
        tiktok.seedApp(new TikTokApp(APP_ID, SECRET, "Hubwarden", List.of(REDIRECT)));
        this.center = tiktok.seedBusinessCenter("Acme Ads");
        tiktok.seedAccount("olive@acme.test", "Olive Owner", PASSWORD);
        tiktok.seedAccount("ana@acme.test", "Ana Ruiz", PASSWORD);
        this.olive = tiktok.addMember(center.bcId(), "olive@acme.test", "ADMIN");
        this.ana = tiktok.addMember(center.bcId(), "ana@acme.test", "STANDARD");
        this.oliveToken = tiktok.accessToken("olive@acme.test", APP_ID);
        this.anaToken = tiktok.accessToken("ana@acme.test", APP_ID);
    }

    static AcmeCenter start() {
        return start(TikTokSimulator.Options.defaults());
    }

    static AcmeCenter start(TikTokSimulator.Options options) {
        Mailbox mailbox = Mailbox.start(0, -1);
        TikTokSimulator tiktok = TikTokSimulator.start(options.withSmtp("127.0.0.1", mailbox.smtpPort())
                .withClock(SimulatedClock.fixedAt(Instant.parse("2026-11-02T09:00:00Z"))));
        return new AcmeCenter(mailbox, tiktok);
    }

    String bcId() {
        return center.bcId();
    }

    @Override
    public void close() {
        tiktok.close();
        mailbox.close();
    }
}
