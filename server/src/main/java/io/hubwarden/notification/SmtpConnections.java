package io.hubwarden.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends mail over SMTP connections that stay open from one mail to the next, as a relay allows. A share with a
 * thousand people sends a thousand mails; a connection of their own each (TCP, greeting, EHLO, QUIT, and the thread
 * the mail client starts per connection to time out its writes) cost more than the message.
 *
 * <p>Before reuse, a connection answers a NOOP, so one the relay has closed is replaced rather than failing a mail. One
 * idle for longer than {@link #IDLE} is closed instead, well within the five minutes a relay waits for the next
 * command (RFC 5321, 4.5.3.2.7). A connection on which sending failed is closed and never reused; the failure is the
 * caller's, as before. With a mail sender other than Spring's own, each mail goes through it.
 */
@Component
class SmtpConnections implements DisposableBean {

    static final Duration IDLE = Duration.ofSeconds(10);

    /** As many as mails are sent at once; more would only wait to be closed. */
    private static final int MAX_IDLE = 8;

    private final JavaMailSender sender;
    private final Clock clock;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final AtomicInteger opened = new AtomicInteger();

    SmtpConnections(JavaMailSender sender, Clock clock) {
        this.sender = sender;
        this.clock = clock;
        nameTheStreamProvider();
    }

    /**
     * Jakarta Mail looks its stream provider up twice for every message it writes, with a {@link ServiceLoader} that
     * reads the services file of every jar, unless a system property names the provider. It is named here as the
     * {@link ServiceLoader} finds it, once, so that writing a mail no longer costs a walk over the class path.
     */
    private static void nameTheStreamProvider() {
        var property = StreamProvider.class.getName();
        if (System.getProperty(property) == null) {
            ServiceLoader.load(StreamProvider.class)
                    .findFirst()
                    .ifPresent(provider ->
                            System.setProperty(property, provider.getClass().getName()));
        }
    }

    /** Sends the message as {@link JavaMailSender#send} does, over an open connection when one is idle. */
    void send(MimeMessage message) throws MessagingException {
        if (!(sender instanceof JavaMailSenderImpl relay)) {
            sender.send(message);
            return;
        }
        var transport = take(relay);
        boolean sent = false;
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(Date.from(clock.instant()));
            }
            message.saveChanges();
            @Nullable Address[] recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
            sent = true;
        } finally {
            if (sent) {
                giveBack(transport);
            } else {
                closeQuietly(transport);
            }
        }
    }

    /** How many connections were opened so far. */
    int opened() {
        return opened.get();
    }

    @Override
    public void destroy() {
        synchronized (idle) {
            idle.forEach(connection -> closeQuietly(connection.transport()));
            idle.clear();
        }
    }

    private Transport take(JavaMailSenderImpl relay) throws MessagingException {
        var now = clock.instant();
        while (true) {
            Idle connection;
            synchronized (idle) {
                connection = idle.pollFirst();
            }
            if (connection == null) {
                return open(relay);
            }
            if (connection.since().plus(IDLE).isAfter(now)
                    && connection.transport().isConnected()) {
                return connection.transport();
            }
            closeQuietly(connection.transport());
        }
    }

    /** Connects as {@link JavaMailSenderImpl} does for each of its sends. */
    private Transport open(JavaMailSenderImpl relay) throws MessagingException {
        var session = relay.getSession();
        var protocol = relay.getProtocol();
        var transport = protocol == null ? session.getTransport() : session.getTransport(protocol);
        var username = relay.getUsername();
        var password = relay.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(relay.getHost(), relay.getPort(), username, password);
        opened.incrementAndGet();
        return transport;
    }

    private void giveBack(Transport transport) {
        synchronized (idle) {
            if (idle.size() < MAX_IDLE) {
                idle.addFirst(new Idle(transport, clock.instant()));
                return;
            }
        }
        closeQuietly(transport);
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException alreadyBroken) {
            // Closing only gives the connection back; a relay that went away has nothing more to say.
        }
    }

    private record Idle(Transport transport, Instant since) {}
}
