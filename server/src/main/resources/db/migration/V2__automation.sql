-- Automated jobs: the durable queue, and the per-hub buckets that every node shares.
-- One script for H2 (PostgreSQL mode) and PostgreSQL: keep to the SQL both understand.

create table job (
    id              uuid                     not null primary key,
    workspace_id    uuid                     not null references workspace (id),
    type            varchar(64)              not null,
    hub_id          uuid,
    subject         varchar(200),
    payload         varchar(4000),
    caused_by       varchar(100)             not null,
    trigger         varchar(200),
    idempotency_key varchar(200),
    status          varchar(16)              not null,
    attempts        integer                  not null,
    max_attempts    integer                  not null,
    postponements   integer                  not null,
    next_attempt_at timestamp with time zone not null,
    lease_owner     varchar(200),
    lease_until     timestamp with time zone,
    failure_code    varchar(100),
    failure_message varchar(1000),
    progress_done   integer,
    progress_total  integer,
    progress_label  varchar(200),
    checkpoint      varchar(2000),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    -- No check on status: H2 2.4.240 stops evaluating a multi-value check once the connection that created it has
    -- closed; the Job aggregate writes only its own statuses.
    version         bigint                   not null,
    -- Enqueueing the same key twice in a workspace yields one job; jobs without a key are never merged.
    constraint job_idempotency_key_unique unique (workspace_id, idempotency_key)
);

-- Claims look for due jobs; the per-hub limit counts a hub's running jobs; people list a workspace's or a hub's jobs.
create index job_due on job (status, next_attempt_at);
create index job_by_hub on job (hub_id, status);
create index job_by_workspace on job (workspace_id, created_at);

-- One row per hub that has had a job. Claims lock it to keep the per-hub concurrency limit exact across nodes.
create table hub_rate_limit (
    hub_id       uuid                     not null primary key,
    workspace_id uuid                     not null references workspace (id),
    -- The hub asked not to be called before this time: none of its jobs is claimed until then.
    not_before   timestamp with time zone,
    -- Paused when the hub's credentials stopped working, until the hub is connected again.
    paused       boolean                  not null default false,
    pause_reason varchar(1000),
    paused_at    timestamp with time zone,
    updated_at   timestamp with time zone not null
);
