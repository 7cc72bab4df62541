package io.hubwarden.connector.tck;

import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.BusinessInfo;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.ServiceCredential;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link HubConnectorContract} needs from a hub's simulator. Each connector's tests adapt their simulator to it.
 * Everything here acts on the simulator directly (its control API), never through the connector under test, and
 * none of it counts as a hub request in {@link #requestsServed()}.
 */
public interface HubSimulatorControl {

    /**
     * Brings the simulator back to its starting state: one connected business whose Full-control person is its only
     * member, no invitations, no assets, no pending faults.
     */
    void reset();

    /** Connector settings that point at this simulator, with an app it knows and the connected business. */
    HubSettings settings();

    /** The connected business as the hub names it. */
    BusinessInfo business();

    /** A valid token of the connected business with every permission the connector needs. */
    ServiceCredential serviceCredential();

    /** The login address of the business's Full-control person, who connects it. */
    EmailAddress fullControlPerson();

    /** A redirect URI registered with the simulator's app. */
    URI redirectUri();

    /** Adds a member who already accepted: a hub login with this address and a seat with this role. */
    void seedMember(EmailAddress email, String name, HubRole role);

    /** Adds a pending invitation for this address, as if sent earlier. */
    void seedInvitation(EmailAddress email, HubRole role);

    /** Adds a hub login with this address that has no seat and no invitation in the business. */
    void seedPerson(EmailAddress email, String name);

    /** The kinds of asset the simulator can seed. */
    Set<AssetKind> seedableAssetKinds();

    /** Adds an asset of the business. */
    HubAsset seedAsset(AssetKind kind, String name);

    /** At least two different task sets the hub allows on this kind of asset. */
    List<Set<String>> allowedTaskSets(AssetKind kind);

    /** A task set the hub refuses on this kind of asset, if there is one. */
    Optional<Set<String>> refusedTaskSet(AssetKind kind);

    /** Moves the hub's time past the deadline of every invitation pending now, so that each one lapses. */
    void expireInvitations();

    /** The person with this login address accepts their pending invitation, as on the hub's join page. */
    void acceptInvitation(EmailAddress email);

    /**
     * Signs in as the person with this login address (creating the login when the hub has none), consents to the
     * app on the hub's OAuth page, and returns the code the hub sends to the redirect URI.
     */
    String authorizationCode(EmailAddress person, URI redirectUri);

    /** The next hub request answers with the hub's rate-limit error, asking to wait this long where the hub says. */
    void throttleNextCall(Duration wait);

    /** Whether the hub's rate-limit error says how long to wait. */
    boolean reportsRetryAfter();

    /** The next hub request answers as if its token had expired. */
    void expireTokenOnNextCall();

    /** The next hub request answers with this HTTP server error. */
    void failNextCall(int httpStatus);

    /** An id, shaped like the hub's ids, that names nothing. */
    default String unknownId() {
        return "918273645546372819";
    }

    /** How many hub requests (API and OAuth, not control) the simulator has answered since it started. */
    long requestsServed();
}
