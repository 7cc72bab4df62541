package io.hubwarden.notification;

import io.hubwarden.access.AccessShared;
import io.hubwarden.hub.Hubs;
import io.hubwarden.platform.PlatformSettings;
import io.hubwarden.workspace.Workspaces;
import jakarta.mail.MessagingException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails a person that a hub was shared with them, once the share is committed. A mail that cannot be sent leaves
 * the event publication incomplete, so it is sent again when publications are resubmitted.
 */
@Component
class SharedWithYouMail {

    /** The person's dashboard of tenant cards. */
    static final String CARDS_PATH = "/cards";

    private final JavaMailSender sender;
    private final SmtpConnections connections;
    private final MessageSource messages;
    private final PlatformSettings platform;
    private final Workspaces workspaces;
    private final Hubs hubs;

    SharedWithYouMail(
            JavaMailSender sender,
            SmtpConnections connections,
            MessageSource messages,
            PlatformSettings platform,
            Workspaces workspaces,
            Hubs hubs) {
        this.sender = sender;
        this.connections = connections;
        this.messages = messages;
        this.platform = platform;
        this.workspaces = workspaces;
        this.hubs = hubs;
    }

    @ApplicationModuleListener
    void on(AccessShared shared) throws MessagingException {
        var person = workspaces.person(shared.workspaceId(), shared.personId()).orElse(null);
        var hub = hubs.hub(shared.workspaceId(), shared.hubId()).orElse(null);
        if (person == null || hub == null) {
            return;
        }
        var sharer = workspaces
                .person(shared.workspaceId(), shared.sharedBy())
                .map(found -> found.name())
                .orElse("A colleague");
        var locale = Locale.ENGLISH;
        var link = platform.baseUrl() + CARDS_PATH;
        var subject = messages.getMessage("mail.shared.subject", new Object[] {sharer, hub.label()}, locale);
        var text = messages.getMessage(
                shared.takesSeat() ? "mail.shared.text.seat" : "mail.shared.text.no-seat",
                new Object[] {person.name(), sharer, hub.label(), hub.businessName(), link},
                locale);
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(platform.mailFrom());
        helper.setTo(person.email());
        helper.setSubject(subject);
        helper.setText(text);
        connections.send(message);
    }
}
