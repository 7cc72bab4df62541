package io.hubwarden.notification;

import io.hubwarden.hub.HubId;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.PersonView;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.Workspaces;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's mail on {@link #THREADS} threads of each node: each claims the due mails {@link #BATCH} at a
 * time, reads the people and hubs they name in a few queries for the whole batch, sends each over the kept SMTP
 * connections, and removes the sent ones together. An idle thread looks every {@link #POLL}, and at once when mail is
 * committed on this node. Several threads keep several SMTP sessions busy, since a session waits for the relay's
 * answer to each command.
 *
 * <p>A mail that fails is retried after a wait that doubles from {@link #FIRST_RETRY} up to {@link #LONGEST_RETRY};
 * after {@link #MAX_ATTEMPTS} it is given up on and stays in the outbox with its failure, logged. A mail whose person
 * or hub is gone is dropped, as there is nobody, or nothing, left to tell. Should a node stop while sending, its
 * claimed mail is sent again once the {@link #LEASE} is over: a person may get a mail twice, never none.
 */
@Component
class OutboxSender implements SmartLifecycle {

    static final int THREADS = 4;
    static final int BATCH = 50;
    static final int MAX_ATTEMPTS = 10;
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final SharedWithYouMail mails;
    private final SmtpConnections connections;
    private final Workspaces workspaces;
    private final Hubs hubs;
    private final Clock clock;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();

    private volatile boolean running;
    private boolean woken;

    OutboxSender(
            MailOutbox outbox,
            SharedWithYouMail mails,
            SmtpConnections connections,
            Workspaces workspaces,
            Hubs hubs,
            Clock clock) {
        this.outbox = outbox;
        this.mails = mails;
        this.connections = connections;
        this.workspaces = workspaces;
        this.hubs = hubs;
        this.clock = clock;
        outbox.whenAdded(this::wakeUp);
    }

    /** One sending thread: a batch after another while there are due mails, then a wait for the next look. */
    private void sendWhileRunning() {
        while (running) {
            int claimed = 0;
            try {
                var batch = outbox.claim(BATCH, LEASE);
                claimed = batch.size();
                send(batch);
            } catch (RuntimeException failure) {
                // The thread must outlive any failure; what it claimed is sent again once the lease is over.
                log.warn("Could not send the outbox's mail; trying again at the next look", failure);
            }
            if (claimed == 0) {
                awaitNextLook();
            }
        }
    }

    private void awaitNextLook() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Makes the idle threads look for mail now rather than at their next look. */
    void wakeUp() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void send(List<OutboxMail> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var people = people(batch);
        Map<HubId, Optional<HubView>> hubsNamed = new HashMap<>();
        var done = new ArrayList<UUID>(batch.size());
        for (var mail : batch) {
            var person = people.get(mail.personId());
            var hub = hubsNamed.computeIfAbsent(mail.hubId(), id -> hubs.hub(mail.workspaceId(), id));
            if (person == null || hub.isEmpty()) {
                done.add(mail.id());
                continue;
            }
            var sharer = people.get(mail.sharedBy());
            try {
                connections.send(mails.render(mail, person, hub.get(), sharer == null ? "A colleague" : sharer.name()));
                done.add(mail.id());
            } catch (MessagingException | RuntimeException failure) {
                failed(mail, failure);
            }
        }
        outbox.done(done);
    }

    /** The people the batch's mails go to and name, in a query per workspace. */
    private Map<PersonId, PersonView> people(List<OutboxMail> batch) {
        Map<WorkspaceId, HashSet<PersonId>> named = new HashMap<>();
        for (var mail : batch) {
            var ids = named.computeIfAbsent(mail.workspaceId(), workspace -> new HashSet<>());
            ids.add(mail.personId());
            ids.add(mail.sharedBy());
        }
        Map<PersonId, PersonView> people = new HashMap<>();
        named.forEach((workspace, ids) -> people.putAll(workspaces.people(workspace, ids)));
        return people;
    }

    private void failed(OutboxMail mail, Exception failure) {
        var reason = reason(failure);
        if (mail.attempts() >= MAX_ATTEMPTS) {
            log.warn("Gave up on mail {} after {} attempts: {}", mail.id(), mail.attempts(), reason);
            outbox.failed(mail.id(), null, reason);
            return;
        }
        var retryAt = retryAt(clock.instant(), mail.attempts());
        log.info(
                "Mail {} could not be sent (attempt {}); retrying at {}: {}",
                mail.id(),
                mail.attempts(),
                retryAt,
                reason);
        outbox.failed(mail.id(), retryAt, reason);
    }

    /**
     * The kind of failure and the relay's answers, which Jakarta Mail chains behind its own message ("Invalid
     * Addresses"); the mail's text stays out of it.
     */
    private static String reason(Exception failure) {
        var reason = new StringBuilder(failure.getClass().getSimpleName())
                .append(": ")
                .append(failure.getMessage());
        Exception next = failure instanceof MessagingException messaging ? messaging.getNextException() : null;
        for (int depth = 0; next != null && depth < 5; depth++) {
            reason.append("; ").append(String.valueOf(next.getMessage()).strip());
            next = next instanceof MessagingException messaging ? messaging.getNextException() : null;
        }
        return reason.toString();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 1; i <= THREADS; i++) {
            var thread = new Thread(this::sendWhileRunning, "hubwarden-mail-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Lets each thread finish the batch it is sending, for up to ten seconds. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        for (var thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** When a mail that failed after this many attempts is tried next. */
    static Instant retryAt(Instant now, int attempts) {
        var wait = FIRST_RETRY.multipliedBy(1L << Math.min(20, attempts - 1));
        return now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
    }
}
