package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The page an invitation mail links to, {@code /invitation/?token=...}: the person signs in (or signs up) as a Facebook
 * login of their choosing (not necessarily the invited address), then accepts or declines. Expired, declined and
 * withdrawn invitations say so and offer nothing to click.
 */
final class JoinPages {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MetaWorld world;

    JoinPages(MetaWorld world) {
        this.world = world;
    }

    /** Runs under the world's write lock. */
    Reply answer(IncomingRequest request) {
        String token = request.param("token", "");
        Optional<RoleRequest> found = world.requestByInviteToken(token);
        if (found.isEmpty()) {
            return Reply.html(
                    404,
                    HtmlPage.of(
                            "Invitation not found",
                            "<p>This invitation link is not valid. It may have been withdrawn or already used.</p>"));
        }
        RoleRequest invitation = found.get();
        Business business = world.requireBusiness(invitation.businessId());
        if (invitation.status() == RoleRequest.Status.EXPIRED) {
            return Reply.html(
                    410,
                    HtmlPage.of(
                            "Invitation expired",
                            "<p>This invitation to join " + HtmlPage.escape(business.name()) + " expired on "
                                    + DAY.format(invitation.expirationTime())
                                    + ". Ask an admin of the business to invite you again.</p>"));
        }
        if (invitation.status() == RoleRequest.Status.DECLINED) {
            return Reply.html(
                    410,
                    HtmlPage.of(
                            "Invitation declined",
                            "<p>This invitation to join " + HtmlPage.escape(business.name()) + " was declined.</p>"));
        }
        String action = request.method().equals("POST") ? request.param("action", "") : "";
        switch (action) {
            case "login":
                Optional<FacebookPerson> person =
                        world.signIn(request.param("email", ""), request.param("password", ""));
                return person.isPresent()
                        ? decide(invitation, business, person.get())
                        : signIn(invitation, business, "The e-mail address or password you entered is incorrect.");
            case "signup":
                if (world.personByEmail(request.param("email", "")).isPresent()) {
                    return signIn(
                            invitation,
                            business,
                            "An account with this e-mail address already exists. Log in instead.");
                }
                return decide(
                        invitation,
                        business,
                        world.addPerson(
                                request.param("email", ""),
                                request.param("name", "New Person"),
                                request.param("password", "")));
            case "accept":
            case "decline":
                Optional<FacebookPerson> signedIn = world.pageSession(request.param("session"));
                if (signedIn.isEmpty()) {
                    return signIn(invitation, business, "Your session ended. Please log in again.");
                }
                if (action.equals("decline")) {
                    world.decline(invitation);
                    return Reply.html(
                            200,
                            HtmlPage.of(
                                    "Invitation declined",
                                    "<p>You declined the invitation to join " + HtmlPage.escape(business.name())
                                            + ".</p>"));
                }
                BusinessUser seat = world.accept(invitation, signedIn.get());
                return Reply.html(
                        200,
                        HtmlPage.of(
                                "You joined " + business.name(),
                                "<p>You now have " + access(seat.role()) + " in <strong>"
                                        + HtmlPage.escape(business.name()) + "</strong> as "
                                        + HtmlPage.escape(seat.name()) + ".</p>"));
            default:
                return signIn(invitation, business, null);
        }
    }

    private static Reply signIn(RoleRequest invitation, Business business, @Nullable String error) {
        String token = HtmlPage.hidden("token", tokenOf(invitation));
        String body = "<p>" + HtmlPage.escape(invitation.email()) + " was invited to join <strong>"
                + HtmlPage.escape(business.name())
                + "</strong> with " + access(invitation.role()) + ". The invitation expires on "
                + DAY.format(invitation.expirationTime()) + ".</p>"
                + (error == null ? "" : "<p class=\"error\">" + HtmlPage.escape(error) + "</p>")
                + "<form method=\"post\">" + token + HtmlPage.hidden("action", "login")
                + HtmlPage.field("E-mail address", "email", "email")
                + HtmlPage.field("Password", "password", "password")
                + "<button type=\"submit\">Log in to continue</button></form><hr><p class=\"muted\">No Facebook account?</p>"
                + "<form method=\"post\">" + token + HtmlPage.hidden("action", "signup")
                + HtmlPage.field("Name", "name", "text")
                + HtmlPage.field("E-mail address", "email", "email")
                + HtmlPage.field("New password", "password", "password")
                + "<button type=\"submit\" class=\"secondary\">Create account</button></form>";
        return Reply.html(error == null ? 200 : 401, HtmlPage.of("Join " + business.name(), body));
    }

    private Reply decide(RoleRequest invitation, Business business, FacebookPerson person) {
        String hidden = HtmlPage.hidden("token", tokenOf(invitation))
                + HtmlPage.hidden("session", world.openPageSession(person.id()));
        String body = "<p>Logged in as <strong>" + HtmlPage.escape(person.name()) + "</strong> ("
                + HtmlPage.escape(person.email()) + ").</p><p>Join <strong>" + HtmlPage.escape(business.name())
                + "</strong> with "
                + access(invitation.role()) + "?</p><form method=\"post\">" + hidden
                + "<button type=\"submit\" name=\"action\" value=\"accept\">Accept invitation</button> "
                + "<button type=\"submit\" name=\"action\" value=\"decline\" class=\"secondary\">Decline</button></form>";
        return Reply.html(200, HtmlPage.of("Join " + business.name(), body));
    }

    private static String tokenOf(RoleRequest invitation) {
        String query = invitation.inviteLink().getRawQuery();
        return query == null ? "" : query.replaceFirst("^token=", "");
    }

    private static String access(String role) {
        return role.equals("ADMIN") ? "full control" : "partial access";
    }
}
