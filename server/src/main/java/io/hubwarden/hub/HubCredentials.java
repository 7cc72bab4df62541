package io.hubwarden.hub;

import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.platform.SecretSealer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Seals service credentials for one hub and opens them again; the token never reaches the database in clear. */
@Component
class HubCredentials {

    private final SecretSealer sealer;

    HubCredentials(SecretSealer sealer) {
        this.sealer = sealer;
    }

    SealedCredential seal(HubId hub, ServiceCredential credential, CredentialMethod method, @Nullable Instant expires) {
        return new SealedCredential(sealer.seal(credential.token().reveal(), associatedData(hub)), method, expires);
    }

    ServiceCredential open(Hub hub) {
        return open(hub.id(), hub.credential());
    }

    /** Opens the hub's credential as sealed in its row. */
    ServiceCredential open(HubId hub, String sealed) {
        return ServiceCredential.of(sealer.open(sealed, associatedData(hub)));
    }

    private static String associatedData(HubId hub) {
        return "hub:" + hub + ":service-token";
    }
}
