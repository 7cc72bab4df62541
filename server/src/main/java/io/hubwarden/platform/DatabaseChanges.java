package io.hubwarden.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The changes of a workspace's hubs and memberships, committed on any node, told to this node's subscribers, so that
 * what a node keeps in memory about them can be forgotten as soon as it is out of date.
 *
 * <p>On PostgreSQL the tables' triggers notify {@link #WORKSPACES} with the workspace's id when a change commits, and
 * one thread of every node listens on a connection of its own. A subscriber is told when listening starts, since
 * nothing committed before then was heard, and when it stops (the connection was lost), since nothing is heard until
 * it starts again; it is retried with waits from 1 s to 30 s. On H2, which serves one node, nothing listens: the
 * subscribers are never told that listening started, and keep nothing.
 *
 * <p>A notification reaches the node a moment after the commit; the writers of this node also tell its subscribers
 * themselves, right after their commit ({@link #committed}), so that a request after them on the same node never
 * reads what they changed from memory.
 */
public final class DatabaseChanges implements SmartLifecycle {

    /** The channel of a workspace's hubs and memberships; each notification carries the workspace's id. */
    private static final String WORKSPACES = "hubwarden_workspace_changed";

    private static final String APPLICATION_NAME = "hubwarden-changes";
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long a quiet connection goes unchecked: a connection lost without a word is noticed by the next query. */
    private static final Duration CHECK = Duration.ofSeconds(10);
    /** How long the check waits for its answer before the connection counts as lost. */
    private static final Duration ANSWER = Duration.ofSeconds(20);

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseChanges.class);

    /** What a node keeps about a workspace and forgets when told of a change. */
    public interface Subscriber {

        /** Listening has started: every change committed from now on will be told; anything kept may be stale. */
        void listening();

        /** A change of the workspace with this id was committed. */
        void changed(String workspaceId);

        /** Listening stopped: changes committed from now on may go untold until {@link #listening} again. */
        void deaf();
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final @Nullable DataSourceProperties postgres;
    private volatile boolean running;
    private @Nullable Thread listener;
    /** Whether the connection of the listening thread's current attempt got as far as listening; that thread's alone. */
    private boolean listened;

    /** {@code postgres} is the database to listen to, or null when the database is H2 and nothing listens. */
    public DatabaseChanges(@Nullable DataSourceProperties postgres) {
        this.postgres = postgres;
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Tells this node's subscribers of a change of the workspace once the current transaction commits, or now when
     * none is active. The database tells every node too, a moment later.
     */
    public void committed(String workspaceId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed(workspaceId);
                }
            });
        } else {
            changed(workspaceId);
        }
    }

    private void changed(String workspaceId) {
        subscribers.forEach(subscriber -> subscriber.changed(workspaceId));
    }

    @Override
    public void start() {
        if (postgres == null) {
            return;
        }
        running = true;
        var thread = new Thread(this::listenWhileRunning, APPLICATION_NAME);
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        var thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(POLL.multipliedBy(3).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenWhileRunning() {
        var retry = FIRST_RETRY;
        while (running) {
            try (var connection = connect()) {
                listen(connection);
            } catch (SQLException | RuntimeException lost) {
                if (listened) {
                    // It listened until now: a connection lost after a while is tried again soon.
                    retry = FIRST_RETRY;
                    listened = false;
                }
                // Whatever stopped the listening, the subscribers must not keep anything until it is back.
                if (!running) {
                    return;
                }
                LOG.warn(
                        "Lost the database's notifications of changes ({}); what this node keeps of hubs and memberships"
                                + " is read again until they are heard again, in {} s",
                        lost.getMessage(),
                        retry.toSeconds());
            }
            subscribers.forEach(Subscriber::deaf);
            if (!sleep(retry)) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        }
    }

    /** Listens until the connection fails or the node stops; returns only when it stops. */
    private void listen(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("listen " + WORKSPACES);
        }
        subscribers.forEach(Subscriber::listening);
        listened = true;
        LOG.info("Listening to the database's notifications of changes");
        var notifications = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            var heard = notifications.getNotifications((int) POLL.toMillis());
            if (heard != null && heard.length > 0) {
                for (var notification : heard) {
                    changed(notification.getParameter());
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK.toNanos()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection connect() throws SQLException {
        var database = postgres;
        if (database == null) {
            throw new IllegalStateException("nothing to listen to");
        }
        var properties = new Properties();
        var user = database.determineUsername();
        var password = database.determinePassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // A check that gets no answer fails rather than waits forever on a connection that is gone.
        properties.setProperty("socketTimeout", String.valueOf(ANSWER.toSeconds()));
        var connection = DriverManager.getConnection(database.determineUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return running;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
