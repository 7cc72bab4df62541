-- H2 compares a sync's staged rows with the live ones row by row through an index, so it indexes their keys (not
-- unique: a row read twice is staged twice).
create index hub_sync_account_of_sync on hub_sync_account (sync_id, account_kind, external_id);
create index hub_sync_asset_of_sync on hub_sync_asset (sync_id, asset_kind, external_id);
create index hub_sync_assignment_of_sync on hub_sync_assignment (sync_id, asset_kind, asset_id, user_id);
