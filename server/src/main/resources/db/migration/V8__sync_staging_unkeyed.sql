-- The staging tables without a key: a row read twice is staged twice, in the order the sync read it, and the decision
-- keeps each key's first reading. Checking a key as each row is staged cost PostgreSQL four fifths of its time
-- spent staging. A sync's staged rows leave with its decision or its discarding, as before; the index each database
-- needs follows in db/vendor. One script for H2 (PostgreSQL mode) and PostgreSQL.
alter table hub_sync_account rename to hub_sync_account_keyed;
alter table hub_sync_asset rename to hub_sync_asset_keyed;
alter table hub_sync_assignment rename to hub_sync_assignment_keyed;

-- reading: the order the rows were read in; a later write's rows come after an earlier one's.
create table hub_sync_account (
    sync_id      uuid          not null,
    reading      bigint        not null,
    account_kind varchar(10)   not null,
    external_id  varchar(200)  not null,
    id           uuid          not null,
    email        varchar(254),
    name         varchar(200)  not null,
    role         varchar(64)   not null,
    tasks        varchar(1000) not null,
    state        varchar(20)   not null,
    expires_at   timestamp with time zone,
    person_id    uuid
);

create table hub_sync_asset (
    sync_id     uuid         not null,
    reading     bigint       not null,
    asset_kind  varchar(30)  not null,
    external_id varchar(200) not null,
    name        varchar(300) not null
);

create table hub_sync_assignment (
    sync_id    uuid          not null,
    reading    bigint        not null,
    asset_kind varchar(30)   not null,
    asset_id   varchar(200)  not null,
    user_id    varchar(200)  not null,
    tasks      varchar(1000) not null
);

-- Each write of staged rows takes the next value.
create sequence hub_sync_write;

-- A halted sync's rows stay for its review.
insert into hub_sync_account
    select sync_id, 0, account_kind, external_id, id, email, name, role, tasks, state, expires_at, person_id
    from hub_sync_account_keyed;
insert into hub_sync_asset select sync_id, 0, asset_kind, external_id, name from hub_sync_asset_keyed;
insert into hub_sync_assignment select sync_id, 0, asset_kind, asset_id, user_id, tasks from hub_sync_assignment_keyed;

drop table hub_sync_account_keyed;
drop table hub_sync_asset_keyed;
drop table hub_sync_assignment_keyed;
