-- Business hubs: the connection (sealed service credential, health), what the last sync saw (accounts, assets,
-- assignments), the syncs themselves and the rows a sync stages before it is applied.
-- One script for H2 (PostgreSQL mode) and PostgreSQL: keep to the SQL both understand.

create table hub (
    id                 uuid                     not null primary key,
    workspace_id       uuid                     not null references workspace (id),
    kind               varchar(40)              not null,
    label              varchar(120)             not null,
    business_id        varchar(100)             not null,
    business_name      varchar(200)             not null,
    -- The per-hub settings of the connector (form-encoded, no secrets), besides the installation's.
    settings           varchar(4000)            not null,
    owner_person_id    uuid                     not null references person (id),
    -- Sealed with the hub id and purpose as associated data; never the token itself.
    credential         varchar(4000)            not null,
    credential_method  varchar(10)              not null,
    credential_expires timestamp with time zone,
    health             varchar(30)              not null,
    health_reason      varchar(1000),
    safeguard_percent  integer                  not null,
    connected_at       timestamp with time zone not null,
    last_sync_at       timestamp with time zone,
    version            bigint                   not null,
    constraint hub_business_unique unique (workspace_id, kind, business_id),
    constraint hub_health_known check (health in
        ('HEALTHY', 'SYNC_REQUIRED', 'REVIEW_CREDENTIALS', 'REVIEW_CONFIGURATION', 'DISCONNECTED')),
    constraint hub_credential_method_known check (credential_method in ('OAUTH', 'TOKEN')),
    constraint hub_safeguard_range check (safeguard_percent between 0 and 100)
);

create index hub_by_workspace on hub (workspace_id);

-- A person as the hub sees them: a member (account_kind MEMBER, external_id = the hub's user id) or an invitation
-- not yet accepted (INVITATION, external_id = the hub's invitation id).
create table hub_account (
    id            uuid                     not null primary key,
    hub_id        uuid                     not null references hub (id) on delete cascade,
    account_kind  varchar(10)              not null,
    external_id   varchar(200)             not null,
    email         varchar(254),
    name          varchar(200)             not null,
    role          varchar(64)              not null,
    tasks         varchar(1000)            not null,
    state         varchar(20)              not null,
    expires_at    timestamp with time zone,
    person_id     uuid,
    -- EMAIL when a sync matched the person by address, HAND when someone picked the person.
    match_source  varchar(5),
    exempt_reason varchar(500),
    updated_at    timestamp with time zone not null,
    constraint hub_account_external_unique unique (hub_id, account_kind, external_id),
    constraint hub_account_kind_known check (account_kind in ('MEMBER', 'INVITATION')),
    constraint hub_account_state_known check (state in ('ACTIVE', 'PENDING_INVITATION', 'EXPIRED', 'DECLINED')),
    constraint hub_account_match_known check (match_source in ('EMAIL', 'HAND'))
);

create index hub_account_by_email on hub_account (hub_id, email);
create index hub_account_by_person on hub_account (person_id);

create table hub_asset (
    hub_id      uuid                     not null references hub (id) on delete cascade,
    asset_kind  varchar(30)              not null,
    external_id varchar(200)             not null,
    name        varchar(300)             not null,
    updated_at  timestamp with time zone not null,
    primary key (hub_id, asset_kind, external_id)
);

-- Who holds which tasks on which asset; user_id is the member's hub user id.
create table hub_assignment (
    hub_id      uuid                     not null references hub (id) on delete cascade,
    asset_kind  varchar(30)              not null,
    asset_id    varchar(200)             not null,
    user_id     varchar(200)             not null,
    tasks       varchar(1000)            not null,
    updated_at  timestamp with time zone not null,
    primary key (hub_id, asset_kind, asset_id, user_id)
);

create index hub_assignment_by_user on hub_assignment (hub_id, user_id);

-- One row per sync: STAGING while pages are read, HALTED when the safeguard stopped it, then APPLIED or DISCARDED.
create table hub_sync (
    id                uuid                     not null primary key,
    hub_id            uuid                     not null references hub (id) on delete cascade,
    status            varchar(10)              not null,
    started_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    accounts_before   integer,
    accounts_added    integer,
    accounts_changed  integer,
    accounts_removed  integer,
    assets_before     integer,
    assets_added      integer,
    assets_changed    integer,
    assets_removed    integer,
    assignments_added   integer,
    assignments_changed integer,
    assignments_removed integer,
    constraint hub_sync_status_known check (status in ('STAGING', 'HALTED', 'APPLIED', 'DISCARDED'))
);

create index hub_sync_by_hub on hub_sync (hub_id, started_at);

-- What a sync read, page by page, before it is compared with the tables above and applied.
create table hub_sync_account (
    sync_id      uuid          not null references hub_sync (id) on delete cascade,
    account_kind varchar(10)   not null,
    external_id  varchar(200)  not null,
    id           uuid          not null,
    email        varchar(254),
    name         varchar(200)  not null,
    role         varchar(64)   not null,
    tasks        varchar(1000) not null,
    state        varchar(20)   not null,
    expires_at   timestamp with time zone,
    person_id    uuid,
    primary key (sync_id, account_kind, external_id)
);

create table hub_sync_asset (
    sync_id     uuid         not null references hub_sync (id) on delete cascade,
    asset_kind  varchar(30)  not null,
    external_id varchar(200) not null,
    name        varchar(300) not null,
    primary key (sync_id, asset_kind, external_id)
);

create table hub_sync_assignment (
    sync_id    uuid          not null references hub_sync (id) on delete cascade,
    asset_kind varchar(30)   not null,
    asset_id   varchar(200)  not null,
    user_id    varchar(200)  not null,
    tasks      varchar(1000) not null,
    primary key (sync_id, asset_kind, asset_id, user_id)
);
