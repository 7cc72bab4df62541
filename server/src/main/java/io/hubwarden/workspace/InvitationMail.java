package io.hubwarden.workspace;

import io.hubwarden.platform.PlatformSettings;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the invitation mail with the set-password link. The link's token exists only in memory and in this mail; it
 * is sent after the invitation is committed, never from inside the transaction.
 */
@Component
class InvitationMail {

    /** Served by the web module's set-password page. */
    static final String LINK_PATH = "/invitations/";

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final JavaMailSender sender;
    private final MessageSource messages;
    private final PlatformSettings platform;

    InvitationMail(JavaMailSender sender, MessageSource messages, PlatformSettings platform) {
        this.sender = sender;
        this.messages = messages;
        this.platform = platform;
    }

    /**
     * @throws InvitationNotSent when the SMTP server does not take the mail
     */
    void send(PersonView invitee, WorkspaceView workspace, PersonView inviter, String token, Instant expiresAt) {
        var locale = Locale.ENGLISH;
        var link = platform.baseUrl() + LINK_PATH + token;
        var subject =
                messages.getMessage("mail.invitation.subject", new Object[] {inviter.name(), workspace.name()}, locale);
        var text = messages.getMessage(
                "mail.invitation.text",
                new Object[] {invitee.name(), inviter.name(), workspace.name(), link, EXPIRY.format(expiresAt)},
                locale);
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(platform.mailFrom());
            helper.setTo(invitee.email());
            helper.setSubject(subject);
            helper.setText(text);
            sender.send(message);
        } catch (MailException | MessagingException e) {
            throw new InvitationNotSent(invitee.id(), e);
        }
    }
}
