-- Mail waiting to be sent: written in the transaction of the change it tells of, sent and deleted by the mail sender of
-- any node, which claims it by moving its next attempt past a lease. One script for H2 (PostgreSQL mode) and PostgreSQL.
create table mail_outbox (
    id              uuid                     not null primary key,
    workspace_id    uuid                     not null references workspace (id),
    -- What the mail says: SHARED_WITH_YOU, a hub shared with the person.
    kind            varchar(32)              not null,
    person_id       uuid                     not null,
    hub_id          uuid                     not null,
    shared_by       uuid                     not null,
    takes_seat      boolean                  not null,
    created_at      timestamp with time zone not null,
    attempts        integer                  not null,
    -- When the mail is due: now for a new one, a lease's end while a sender holds it, the retry time after a failure;
    -- null once the sender gave up on it, when the row stays for the operator to look into.
    next_attempt_at timestamp with time zone,
    last_error      varchar(500)
);

-- Senders take the mails due first.
create index mail_outbox_due on mail_outbox (next_attempt_at);
