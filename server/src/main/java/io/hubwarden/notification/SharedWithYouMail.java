package io.hubwarden.notification;

import io.hubwarden.access.AccessShared;
import io.hubwarden.hub.HubView;
import io.hubwarden.platform.Ids;
import io.hubwarden.platform.PlatformSettings;
import io.hubwarden.workspace.PersonView;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mails a person that a hub was shared with them. The mail is put in the outbox in the share's own transaction, so
 * that it is sent once the share is committed and never for a share that was not; {@link OutboxSender} sends it.
 */
@Component
class SharedWithYouMail {

    /** The person's dashboard of tenant cards. */
    static final String CARDS_PATH = "/cards";

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MessageSource messages;
    private final PlatformSettings platform;
    private final Ids ids;

    SharedWithYouMail(
            MailOutbox outbox, JavaMailSender sender, MessageSource messages, PlatformSettings platform, Ids ids) {
        this.outbox = outbox;
        this.sender = sender;
        this.messages = messages;
        this.platform = platform;
        this.ids = ids;
    }

    @EventListener
    void on(AccessShared shared) {
        outbox.add(new OutboxMail(
                ids.next(),
                shared.workspaceId(),
                shared.personId(),
                shared.hubId(),
                shared.sharedBy(),
                shared.takesSeat(),
                shared.at(),
                0));
    }

    /** The mail to the person about the hub, from the sharer, who may be gone by now. */
    MimeMessage render(OutboxMail mail, PersonView person, HubView hub, String sharer) throws MessagingException {
        var locale = Locale.ENGLISH;
        var link = platform.baseUrl() + CARDS_PATH;
        var subject = messages.getMessage("mail.shared.subject", new Object[] {sharer, hub.label()}, locale);
        var text = messages.getMessage(
                mail.takesSeat() ? "mail.shared.text.seat" : "mail.shared.text.no-seat",
                new Object[] {person.name(), sharer, hub.label(), hub.businessName(), link},
                locale);
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(platform.mailFrom());
        helper.setTo(person.email());
        helper.setSubject(subject);
        helper.setText(text);
        return message;
    }
}
