package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.HtmlPages;
import io.hubwarden.simulator.mail.SmtpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The e-mail TikTok sends when a Business Center invites an address: which Business Center, which role, the link to
 * the join page and its deadline. Sent over SMTP to the configured server; when none is configured, or it refuses,
 * the invitation still exists.
 */
final class InvitationMail {

    static final String SENDER = "no-reply@business.tiktok.test";
    private static final System.Logger LOG = System.getLogger(InvitationMail.class.getName());
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final @Nullable SmtpClient smtp;

    InvitationMail(@Nullable String host, int port) {
        this.smtp = host == null ? null : new SmtpClient(host, port, Duration.ofSeconds(10));
    }

    /** A letter to send once the world's lock is released. */
    record Letter(String to, String subject, String text, String html) {}

    static Letter letter(String to, String centerName, String role, URI link, Instant deadline) {
        String access = role.equals("ADMIN") ? "an Admin" : "a Standard member";
        String subject = "You're invited to join " + centerName + " in TikTok Business Center";
        String text = centerName + " invited you to join its Business Center as " + access + ".\n\n"
                + "Accept the invitation: " + link + "\n\n"
                + "The invitation expires on " + DAY.format(deadline) + ". Sign in with the TikTok for Business"
                + " account of this e-mail address to accept it.\n";
        String html = "<!doctype html><html><body style=\"font-family:Helvetica,Arial,sans-serif\">"
                + "<p><strong>" + HtmlPages.escape(centerName) + "</strong> invited you to join its Business Center as "
                + access + ".</p><p><a href=\"" + HtmlPages.escape(link.toString())
                + "\" style=\"background:#fe2c55;color:#fff;padding:8px 16px;border-radius:4px;"
                + "text-decoration:none\">View invitation</a></p><p style=\"color:#65676b\">The invitation expires on "
                + DAY.format(deadline) + ".</p></body></html>";
        return new Letter(to, subject, text, html);
    }

    void send(Letter letter) {
        SmtpClient client = smtp;
        if (client == null) {
            return;
        }
        try {
            client.send(SENDER, "TikTok for Business", letter.to(), letter.subject(), letter.text(), letter.html());
        } catch (IOException bounced) {
            LOG.log(System.Logger.Level.WARNING, "invitation mail to " + letter.to() + " not sent: " + bounced);
        }
    }
}
