package io.hubwarden.notification;

import io.hubwarden.hub.HubId;
import io.hubwarden.platform.CommitBatches;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code mail_outbox}: mail written in the transaction of the change it tells of, so that a change and its
 * mail commit together, and claimed by the sender of any node with {@code FOR UPDATE SKIP LOCKED}. A claim moves the
 * mail's next attempt past a lease rather than marking it taken: a sender that stops leaves its mails to be claimed
 * again once the lease is over, and sent then.
 */
@Component
class MailOutbox {

    /** Mails inserted in one statement at most; a share with ten thousand people writes ten statements. */
    static final int INSERT_BATCH = 1_000;

    private static final String INSERT = "insert into mail_outbox (id, workspace_id, kind, person_id, hub_id,"
            + " shared_by, takes_seat, created_at, attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

    /** The due mails, each with the attempt its claim starts. */
    private static final String DUE = "select id, workspace_id, person_id, hub_id, shared_by, takes_seat,"
            + " created_at, attempts + 1 as attempts from mail_outbox where next_attempt_at <= :now"
            + " order by next_attempt_at limit :limit for update skip locked";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CommitBatches<OutboxMail> waiting;
    private volatile Runnable whenAdded = () -> {};

    MailOutbox(JdbcClient jdbc, JdbcTemplate batches, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.waiting = new CommitBatches<>(INSERT_BATCH, this::insert, () -> whenAdded.run());
    }

    /** Puts a mail in the outbox in the caller's transaction; see {@link #whenAdded}. */
    void add(OutboxMail mail) {
        waiting.add(mail);
    }

    /** What runs once mails added in a transaction are committed, such as waking the sender. */
    void whenAdded(Runnable wakeUp) {
        this.whenAdded = wakeUp;
    }

    private void insert(List<OutboxMail> mails) {
        batches.batchUpdate(INSERT, mails, mails.size(), (statement, mail) -> {
            statement.setObject(1, mail.id());
            statement.setObject(2, mail.workspaceId().value());
            statement.setString(3, "SHARED_WITH_YOU");
            statement.setObject(4, mail.personId().value());
            statement.setObject(5, mail.hubId().value());
            statement.setObject(6, mail.sharedBy().value());
            statement.setBoolean(7, mail.takesSeat());
            statement.setObject(8, at(mail.createdAt()));
            statement.setObject(9, at(mail.createdAt()));
        });
    }

    /**
     * Claims up to {@code limit} due mails, oldest due first, for {@code lease}: each counts one more attempt and is
     * not due again before the lease is over.
     */
    List<OutboxMail> claim(int limit, Duration lease) {
        var claimed = transaction.execute(status -> {
            var now = clock.instant();
            var due = jdbc.sql(DUE)
                    .param("now", at(now))
                    .param("limit", limit)
                    .query(MailOutbox::mail)
                    .list();
            if (due.isEmpty()) {
                return List.<OutboxMail>of();
            }
            jdbc.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = :until where id in (:ids)")
                    .param("until", at(now.plus(lease)))
                    .param("ids", due.stream().map(OutboxMail::id).toList())
                    .update();
            return due;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** The mails were sent, or need not be: they leave the outbox. */
    void done(List<UUID> mails) {
        if (!mails.isEmpty()) {
            jdbc.sql("delete from mail_outbox where id in (:ids)")
                    .param("ids", mails)
                    .update();
        }
    }

    /**
     * Sending the mail failed: it is due again at {@code retryAt}, or never when that is {@code null}, with the
     * failure kept for the operator.
     */
    void failed(UUID mail, @Nullable Instant retryAt, String failure) {
        jdbc.sql("update mail_outbox set next_attempt_at = :retryAt, last_error = :failure where id = :id")
                .param("retryAt", retryAt == null ? null : at(retryAt))
                .param("failure", failure.length() > 500 ? failure.substring(0, 500) : failure)
                .param("id", mail)
                .update();
    }

    private static OutboxMail mail(ResultSet row, int number) throws SQLException {
        return new OutboxMail(
                row.getObject("id", UUID.class),
                new WorkspaceId(row.getObject("workspace_id", UUID.class)),
                new PersonId(row.getObject("person_id", UUID.class)),
                new HubId(row.getObject("hub_id", UUID.class)),
                new PersonId(row.getObject("shared_by", UUID.class)),
                row.getBoolean("takes_seat"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getInt("attempts"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
