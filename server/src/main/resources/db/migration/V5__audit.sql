-- The audit trail: one row per change of access, appended in the transaction of the change, then chained.
-- One script for H2 (PostgreSQL mode) and PostgreSQL: keep to the SQL both understand.

create table audit_event (
    id           uuid                     not null primary key,
    workspace_id uuid                     not null references workspace (id),
    occurred_at  timestamp with time zone not null,
    actor        varchar(100)             not null,
    action       varchar(64)              not null,
    hub_id       uuid,
    person_id    uuid,
    detail       varchar(2000)            not null,
    -- Set when the row is chained: its place in the workspace's trail and the hash over it and the previous row.
    seq          bigint,
    hash         varchar(64),
    constraint audit_event_seq_unique unique (workspace_id, seq)
);

create index audit_event_by_time on audit_event (workspace_id, occurred_at);

-- The head of each workspace's chain; its row lock serialises chaining, never the changes being recorded.
create table audit_chain (
    workspace_id uuid        not null primary key references workspace (id),
    last_seq     bigint      not null,
    last_hash    varchar(64) not null
);

insert into audit_chain (workspace_id, last_seq, last_hash) select id, 0, '' from workspace;
