-- Access shares, memberships (tenant cards) and connected profiles.
-- One script for H2 (PostgreSQL mode) and PostgreSQL: keep to the SQL both understand.

create table access_share (
    id            uuid                     not null primary key,
    workspace_id  uuid                     not null references workspace (id),
    hub_id        uuid                     not null references hub (id),
    person_id     uuid                     not null references person (id),
    role          varchar(20)              not null,
    hub_role      varchar(64)              not null,
    hub_role_rank integer                  not null,
    takes_seat    boolean                  not null,
    shared_by     uuid                     not null references person (id),
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint                   not null,
    -- One direct share per person and hub: sharing again replaces its terms.
    constraint access_share_unique unique (hub_id, person_id),
    constraint access_share_role_known check (role in ('OWNER', 'MANAGER', 'COLLABORATOR'))
);

create index access_share_by_person on access_share (person_id);

create table share_asset (
    access_share_id uuid         not null references access_share (id) on delete cascade,
    kind            varchar(32)  not null,
    asset_id        varchar(128) not null,
    tasks           varchar(500) not null,
    primary key (access_share_id, kind, asset_id)
);

create table membership (
    id                 uuid                     not null primary key,
    workspace_id       uuid                     not null references workspace (id),
    hub_id             uuid                     not null references hub (id),
    person_id          uuid                     not null references person (id),
    email              varchar(254)             not null,
    status             varchar(20)              not null,
    settled_status     varchar(20),
    role               varchar(20)              not null,
    hub_role           varchar(64)              not null,
    takes_seat         boolean                  not null,
    invite_generation  integer                  not null,
    hub_invitation_id  varchar(128),
    hub_user_id        varchar(128),
    note_code          varchar(100),
    note_message       varchar(1000),
    status_changed_at  timestamp with time zone not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint                   not null,
    constraint membership_unique unique (hub_id, person_id),
    constraint membership_status_known check (status in ('NO_SEAT', 'INVITING', 'INVITED', 'JOINED', 'CONNECTED',
        'INVITE_FAILED', 'INVITE_EXPIRED', 'UPDATING', 'UPDATE_FAILED', 'REMOVING', 'REMOVED', 'REMOVAL_FAILED'))
);

-- A person's tenant cards are read by person, often.
create index membership_by_person on membership (person_id);

create table membership_asset (
    membership_id uuid         not null references membership (id) on delete cascade,
    kind          varchar(32)  not null,
    asset_id      varchar(128) not null,
    name          varchar(255) not null,
    tasks         varchar(500) not null,
    primary key (membership_id, kind, asset_id)
);

create table connected_profile (
    id               uuid                     not null primary key,
    workspace_id     uuid                     not null references workspace (id),
    hub_id           uuid                     not null references hub (id),
    person_id        uuid                     not null references person (id),
    provider         varchar(40)              not null,
    profile_user_id  varchar(128)             not null,
    hub_user_id      varchar(128)             not null,
    display_name     varchar(255)             not null,
    -- The profile's access token, sealed with the master keyset; never stored in the clear.
    sealed_token     varchar(4000)            not null,
    scopes           varchar(1000)            not null,
    expires_at       timestamp with time zone,
    connected_at     timestamp with time zone not null,
    version          bigint                   not null,
    constraint connected_profile_unique unique (hub_id, person_id)
);
