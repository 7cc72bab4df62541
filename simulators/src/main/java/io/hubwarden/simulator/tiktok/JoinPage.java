package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.HtmlPages;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.util.Optional;

/**
 * The page an invitation mail links to, {@code /bc/invitation/?token=...}: the person signs in (or signs up) with the
 * TikTok for Business account of the invited address, then accepts (the row becomes {@code BOUND}) or declines
 * ({@code REJECTED}). Lapsed, declined and withdrawn invitations say so and offer nothing to click.
 */
final class JoinPage {

    private final TikTokWorld world;

    JoinPage(TikTokWorld world) {
        this.world = world;
    }

    /** Runs under the world's write lock. */
    Reply answer(IncomingRequest request) {
        String token = request.param("token", "");
        Optional<BcMember> found = world.invitationByToken(token);
        if (found.isEmpty()) {
            return Reply.html(
                    404,
                    Pages.of(
                            "Invitation not found",
                            "<p>This invitation link is not valid. It may have been withdrawn or already used.</p>"));
        }
        BcMember invitation = found.get();
        String center = world.requireBusinessCenter(invitation.bcId()).name();
        if (invitation.relationStatus() == BcMember.RelationStatus.UNBOUND) {
            return Reply.html(
                    410,
                    Pages.of(
                            "Invitation expired",
                            "<p>This invitation to join " + HtmlPages.escape(center)
                                    + " has expired. Ask an admin of the Business Center to invite you again.</p>"));
        }
        if (invitation.relationStatus() == BcMember.RelationStatus.REJECTED) {
            return Reply.html(
                    410,
                    Pages.of(
                            "Invitation declined",
                            "<p>This invitation to join " + HtmlPages.escape(center) + " was declined.</p>"));
        }
        String hidden = HtmlPages.hidden("token", token);
        String action = request.method().equals("POST") ? request.param("action", "") : "";
        switch (action) {
            case "login":
                Optional<TikTokAccount> account =
                        world.signIn(request.param("email", ""), request.param("password", ""));
                return account.isPresent()
                        ? decide(invitation, center, hidden, account.get())
                        : signIn(invitation, center, hidden, "Incorrect e-mail address or password.");
            case "signup":
                if (world.accountByEmail(request.param("email", "")).isPresent()) {
                    return signIn(
                            invitation,
                            center,
                            hidden,
                            "An account with this e-mail address already exists. Log in instead.");
                }
                return decide(
                        invitation,
                        center,
                        hidden,
                        world.addAccount(
                                request.param("email", ""),
                                request.param("name", "New Person"),
                                request.param("password", "")));
            case "accept":
            case "decline":
                Optional<TikTokAccount> signedIn = world.pageSession(request.param("session"));
                if (signedIn.isEmpty()) {
                    return signIn(invitation, center, hidden, "Your session ended. Please log in again.");
                }
                if (action.equals("decline")) {
                    world.reject(invitation);
                    return Reply.html(
                            200,
                            Pages.of(
                                    "Invitation declined",
                                    "<p>You declined the invitation to join " + HtmlPages.escape(center) + ".</p>"));
                }
                world.accept(invitation, signedIn.get());
                return Reply.html(
                        200,
                        Pages.of(
                                "You joined " + center,
                                "<p>You are now a member of the Business Center " + HtmlPages.escape(center)
                                        + ".</p>"));
            default:
                return signIn(invitation, center, hidden, "");
        }
    }

    private static Reply signIn(BcMember invitation, String center, String hidden, String error) {
        return Reply.html(
                200,
                Pages.of(
                        "Join " + center,
                        "<p>" + HtmlPages.escape(invitation.email())
                                + " was invited to join the Business Center <strong>"
                                + HtmlPages.escape(center) + "</strong>. Log in with that address to accept.</p>"
                                + Pages.signInForm(hidden, error)));
    }

    private Reply decide(BcMember invitation, String center, String hidden, TikTokAccount account) {
        if (!TikTokWorld.key(account.email()).equals(TikTokWorld.key(invitation.email()))) {
            return signIn(
                    invitation,
                    center,
                    hidden,
                    "You are logged in as " + account.email() + ", but the invitation was sent to " + invitation.email()
                            + ".");
        }
        String session = HtmlPages.hidden("session", world.openPageSession(account.coreUserId()));
        String role = invitation.userRole().equals("ADMIN") ? "Admin" : "Standard";
        String body = "<p>Logged in as <strong>" + HtmlPages.escape(account.displayName()) + "</strong> ("
                + HtmlPages.escape(account.email()) + ").</p><p>Join <strong>" + HtmlPages.escape(center)
                + "</strong> as " + role + "?</p><form method=\"post\">" + hidden + session
                + "<button type=\"submit\" name=\"action\" value=\"accept\">Accept</button> "
                + "<button type=\"submit\" name=\"action\" value=\"decline\" class=\"secondary\">Decline</button></form>";
        return Reply.html(200, Pages.of("Join " + center, body));
    }
}
