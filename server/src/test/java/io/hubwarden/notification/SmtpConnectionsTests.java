package io.hubwarden.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubwarden.TestClock;
import io.hubwarden.TestMailbox;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Mails over kept-open SMTP connections, against the test mailbox over loopback. */
class SmtpConnectionsTests {

    private final TestClock clock = new TestClock();
    private final JavaMailSenderImpl relay = relay();
    private final SmtpConnections connections = new SmtpConnections(relay, clock);

    @AfterEach
    void closeTheConnections() {
        connections.destroy();
    }

    @Test
    void mailsSentOneAfterAnotherShareOneConnection() throws MessagingException {
        var to = recipients(3);

        for (var address : to) {
            connections.send(mail(address));
        }

        assertThat(connections.opened()).isEqualTo(1);
        for (var address : to) {
            assertThat(TestMailbox.get().awaitMailTo(address, Duration.ofSeconds(5)))
                    .isPresent();
        }
    }

    @Test
    void aConnectionIdleForLongerThanTheLimitIsNotReused() throws MessagingException {
        var to = recipients(2);
        connections.send(mail(to[0]));

        clock.advance(SmtpConnections.IDLE.plusSeconds(1));
        connections.send(mail(to[1]));

        assertThat(connections.opened()).isEqualTo(2);
        assertThat(TestMailbox.get().awaitMailTo(to[1], Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void aMailOverAConnectionTheRelayCutMeanwhileIsSentOverANewOne() throws MessagingException {
        var to = recipients(2);
        connections.send(mail(to[0]));
        TestMailbox.get().dropSessions();

        connections.send(mail(to[1]));

        assertThat(connections.opened()).isEqualTo(2);
        assertThat(TestMailbox.get().awaitMailTo(to[1], Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void aConnectionIdleForAWhileAsksTheRelayBeforeItIsUsedAgain() throws MessagingException {
        var to = recipients(2);
        connections.send(mail(to[0]));
        TestMailbox.get().dropSessions();

        clock.advance(SmtpConnections.FRESH.plusMillis(1));
        connections.send(mail(to[1]));

        assertThat(connections.opened()).isEqualTo(2);
        assertThat(TestMailbox.get().awaitMailTo(to[1], Duration.ofSeconds(5))).isPresent();
    }

    @Test
    void theMailStreamProviderIsNamedSoThatMessagesDoNotLookItUpOnTheClassPath() {
        assertThat(System.getProperty(StreamProvider.class.getName()))
                .isEqualTo(ServiceLoader.load(StreamProvider.class)
                        .findFirst()
                        .orElseThrow()
                        .getClass()
                        .getName());
    }

    private MimeMessage mail(String to) throws MessagingException {
        var message = relay.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom("hubwarden@example.test");
        helper.setTo(to);
        helper.setSubject("Shared with you");
        helper.setText("A hub was shared with you.");
        return message;
    }

    private static String[] recipients(int count) {
        var run = UUID.randomUUID();
        var addresses = new String[count];
        for (int i = 0; i < count; i++) {
            addresses[i] = "person" + i + "-" + run + "@example.test";
        }
        return addresses;
    }

    private static JavaMailSenderImpl relay() {
        var relay = new JavaMailSenderImpl();
        relay.setHost("127.0.0.1");
        relay.setPort(TestMailbox.get().smtpPort());
        return relay;
    }
}
