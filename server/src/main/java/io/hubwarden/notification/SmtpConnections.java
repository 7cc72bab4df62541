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
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
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
 * <p>A connection given back within {@link #FRESH} is used again as it is; one idle for longer first answers a NOOP,
 * so that one the relay has closed is replaced rather than failing a mail. Should sending over a connection that
 * skipped the NOOP fail for want of a connection (not for the relay's answer), the mail is sent once more over a new
 * connection: the relay may have closed the old one meanwhile, and a NOOP before every mail of a burst cost a fifth of its round trips. One idle for longer than
 * {@link #IDLE} is closed instead, well within the five minutes a relay waits for the next command (RFC 5321,
 * 4.5.3.2.7). A connection on which sending failed is closed and never reused; the failure is the caller's, as before.
 * With a mail sender other than Spring's own, each mail goes through it.
 */
@Component
class SmtpConnections implements DisposableBean {

    static final Duration IDLE = Duration.ofSeconds(10);

    /** How long after its last mail a connection is used again without asking the relay first. */
    static final Duration FRESH = Duration.ofSeconds(1);

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
        if (message.getSentDate() == null) {
            message.setSentDate(Date.from(clock.instant()));
        }
        message.saveChanges();
        var connection = take(relay);
        try {
            deliver(connection.transport(), message);
        } catch (MessagingException failure) {
            if (connection.asked() || relayAnswered(failure)) {
                throw failure;
            }
            deliver(open(relay), message);
        }
    }

    /**
     * Whether the relay answered the failed mail with a reply of its own (a 4xx or 5xx to a command), which another
     * connection would hear as well, rather than the connection ending under it (an end of stream reads as code -1).
     */
    private static boolean relayAnswered(MessagingException failure) {
        Exception cause = failure;
        for (int depth = 0; cause != null && depth < 5; depth++) {
            if ((cause instanceof SMTPSendFailedException sent && sent.getReturnCode() >= 400)
                    || (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 400)) {
                return true;
            }
            cause = cause instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return false;
    }

    /** Sends over the connection and gives it back, or closes it when sending failed. */
    private void deliver(Transport transport, MimeMessage message) throws MessagingException {
        boolean sent = false;
        try {
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

    /** An idle connection, or a new one; {@link Taken#asked} says whether the relay has answered on it just now. */
    private Taken take(JavaMailSenderImpl relay) throws MessagingException {
        var now = clock.instant();
        while (true) {
            Idle connection;
            synchronized (idle) {
                connection = idle.pollFirst();
            }
            if (connection == null) {
                return new Taken(open(relay), true);
            }
            if (connection.since().plus(FRESH).isAfter(now)) {
                return new Taken(connection.transport(), false);
            }
            if (connection.since().plus(IDLE).isAfter(now)
                    && connection.transport().isConnected()) {
                return new Taken(connection.transport(), true);
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

    /** A connection to send on; {@code asked} when it is new or has just answered a NOOP. */
    private record Taken(Transport transport, boolean asked) {}
}
