package io.hubwarden.simulator.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * An in-process SMTP server on 127.0.0.1 that keeps every message it receives in memory, with an optional web page that
 * lists them. It stands in for both the hubs' invitation mail and Hubwarden's own outbound mail in tests and in the
 * embedded default.
 *
 * <pre>{@code
 * try (Mailbox mailbox = Mailbox.start(0, -1)) {
 *     // point the sender at 127.0.0.1:mailbox.smtpPort(), send ...
 *     Mail mail = mailbox.awaitMailTo("ana@acme.test", Duration.ofSeconds(5)).orElseThrow();
 *     URI invitation = mail.links().get(0);
 * }
 * }</pre>
 *
 * <p>All methods are safe to call from any thread. The server accepts at most {@value #MAX_SESSIONS} concurrent SMTP
 * sessions; a client beyond that is told {@code 421} and may retry.
 */
public final class Mailbox implements AutoCloseable {

    static final int MAX_SESSIONS = 16;

    private final ServerSocket smtp;
    private final Clock clock;
    private final ThreadPoolExecutor sessions;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Mail> received = new ArrayList<>();
    private final Map<String, AtomicInteger> deferring = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deferred = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private @Nullable MailboxPage page;
    private volatile boolean closed;

    private Mailbox(ServerSocket smtp, Clock clock) {
        this.smtp = smtp;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.sessions =
                new ThreadPoolExecutor(0, MAX_SESSIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "mailbox-smtp-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::accept, "mailbox-smtp-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts the mailbox with the system clock.
     *
     * @param smtpPort the SMTP port on 127.0.0.1; 0 picks any free port
     * @param webPort the web page's port on 127.0.0.1; 0 picks any free port, -1 starts no web page
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static Mailbox start(int smtpPort, int webPort) {
        return start(smtpPort, webPort, Clock.systemUTC());
    }

    /**
     * Starts the mailbox; {@link Mail#receivedAt()} is read from {@code clock}.
     *
     * @see #start(int, int)
     */
    public static Mailbox start(int smtpPort, int webPort, Clock clock) {
        ServerSocket socket;
        try {
            socket = new ServerSocket(smtpPort, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for SMTP on 127.0.0.1:" + smtpPort, e);
        }
        Mailbox mailbox = new Mailbox(socket, clock);
        mailbox.acceptor.start();
        if (webPort >= 0) {
            try {
                mailbox.page =
                        MailboxPage.start(mailbox, new InetSocketAddress(InetAddress.getLoopbackAddress(), webPort));
            } catch (IOException e) {
                mailbox.close();
                throw new UncheckedIOException("cannot serve the mailbox page on 127.0.0.1:" + webPort, e);
            }
        }
        return mailbox;
    }

    /** The port the SMTP server listens on (host 127.0.0.1). */
    public int smtpPort() {
        return smtp.getLocalPort();
    }

    /** The web page's address, or null when the mailbox was started without one. */
    public @Nullable URI webUrl() {
        MailboxPage current = page;
        return current == null ? null : current.url();
    }

    /** Every message received since start or the last {@link #clear()}, oldest first. */
    public List<Mail> mails() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    /** The messages with this envelope recipient (case-insensitive), oldest first. */
    public List<Mail> mailsTo(String address) {
        return mails().stream().filter(mail -> mail.isTo(address)).toList();
    }

    /**
     * The oldest message to this address, waiting up to {@code timeout} for one to arrive. Returns at once if one is
     * already there; empty when none came in time (or the mailbox closed).
     */
    public Optional<Mail> awaitMailTo(String address, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (Mail mail : received) {
                    if (mail.isTo(address)) {
                        return Optional.of(mail);
                    }
                }
                if (remaining <= 0 || closed) {
                    return Optional.empty();
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next {@code times} messages to this address (case-insensitive) are deferred: their {@code RCPT TO} is
     * answered {@code 450}, as a relay that greylists or whose mailbox is busy answers, so the sender must try again
     * later.
     */
    public void deferRecipient(String address, int times) {
        deferring.put(address.toLowerCase(Locale.ROOT), new AtomicInteger(times));
    }

    /** How many times a message to this address (case-insensitive) was deferred. */
    public int deferralsOf(String address) {
        AtomicInteger count = deferred.get(address.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    /** Whether the recipient is deferred now, which counts one deferral. */
    private boolean defers(String recipient) {
        String address = recipient.toLowerCase(Locale.ROOT);
        AtomicInteger left = deferring.get(address);
        if (left == null || left.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return false;
        }
        deferred.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    /**
     * Cuts every open SMTP session without a word, as a relay that restarts or drops idle connections does; new
     * sessions are accepted as before.
     */
    public void dropSessions() {
        for (Socket socket : openSockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // The session ends either way.
            }
        }
    }

    /** Forgets every message received so far. */
    public void clear() {
        lock.lock();
        try {
            received.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the SMTP server and the web page; open sessions are cut. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            smtp.close();
        } catch (IOException ignored) {
            // Closing a listening socket that is already gone leaves nothing to do.
        }
        dropSessions();
        sessions.shutdownNow();
        MailboxPage current = page;
        if (current != null) {
            current.stop();
        }
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Newest first, for the web page. */
    List<Mail> newestFirst() {
        List<Mail> mails = new ArrayList<>(mails());
        Collections.reverse(mails);
        return mails;
    }

    private void deliver(SmtpConversation.Delivery delivery) {
        MessageContent content = MessageContent.parse(delivery.raw());
        String from = delivery.reversePath().isEmpty() && content.fromHeader() != null
                ? content.fromHeader()
                : delivery.reversePath();
        String html = content.html();
        String text = content.text();
        if (text == null) {
            text = html == null ? "" : MessageContent.textOf(html);
        }
        Mail mail = new Mail(from, delivery.recipients(), content.subject(), text, html, clock.instant());
        lock.lock();
        try {
            received.add(mail);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = smtp.accept();
            } catch (SocketException stopped) {
                return;
            } catch (IOException e) {
                continue;
            }
            openSockets.add(socket);
            try {
                sessions.execute(() -> {
                    try {
                        new SmtpConversation(socket, this::deliver, this::defers).run();
                    } finally {
                        openSockets.remove(socket);
                    }
                });
            } catch (RejectedExecutionException busy) {
                refuse(socket);
            }
        }
    }

    private void refuse(Socket socket) {
        try (Socket refused = socket) {
            OutputStream out = refused.getOutputStream();
            out.write("421 4.3.2 Too many sessions, try again later\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // The client is told nothing more; it will retry or give up.
        } finally {
            openSockets.remove(socket);
        }
    }
}
