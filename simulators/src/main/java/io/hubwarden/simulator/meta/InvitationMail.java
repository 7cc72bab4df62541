package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.mail.SmtpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The e-mail Meta sends when a business invites someone: who invites, to which business, with which access, the link
 * to the join page and its deadline. Sent over SMTP to the configured server; when no server is configured, or the
 * server refuses, the invitation still exists (as at Meta, a bounced mail does not undo it).
 */
final class InvitationMail {

    static final String SENDER = "notification@facebookmail.test";
    private static final System.Logger LOG = System.getLogger(InvitationMail.class.getName());
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final @Nullable SmtpClient smtp;

    InvitationMail(@Nullable String host, int port) {
        this.smtp = host == null ? null : new SmtpClient(host, port, Duration.ofSeconds(10));
    }

    /** A letter to send once the world's lock is released. */
    record Letter(String to, String subject, String text, String html) {}

    static Letter letter(RoleRequest request, String businessName, String inviterName) {
        String access = request.role().equals("ADMIN") ? "full control" : "partial access";
        String link = request.inviteLink().toString();
        String deadline = DAY.format(request.expirationTime());
        String subject = inviterName + " invited you to join " + businessName + " on Meta Business Suite";
        String text = inviterName + " invited you to join " + businessName + " with " + access + ".\n\n"
                + "Accept the invitation: " + link + "\n\n"
                + "The invitation expires on " + deadline + ". If you don't know " + businessName
                + ", you can ignore this e-mail.\n";
        String html = "<!doctype html><html><body style=\"font-family:Helvetica,Arial,sans-serif\">"
                + "<p>" + escape(inviterName) + " invited you to join <strong>" + escape(businessName)
                + "</strong> with " + access + ".</p>"
                + "<p><a href=\"" + escape(link) + "\" style=\"background:#0866ff;color:#fff;padding:8px 16px;"
                + "border-radius:6px;text-decoration:none\">Accept invitation</a></p>"
                + "<p style=\"color:#65676b\">The invitation expires on " + deadline + ".</p></body></html>";
        return new Letter(request.email(), subject, text, html);
    }

    void send(Letter letter) {
        SmtpClient client = smtp;
        if (client == null) {
            return;
        }
        try {
            client.send(SENDER, "Meta for Business", letter.to(), letter.subject(), letter.text(), letter.html());
        } catch (IOException bounced) {
            LOG.log(System.Logger.Level.WARNING, "invitation mail to " + letter.to() + " not sent: " + bounced);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
