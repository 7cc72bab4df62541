-- PostgreSQL compares a sync's staged rows with the live ones by hashing both sides, so the staged rows need no index
-- of their keys, whose upkeep would cost staging as much again: only one to find a sync's rows among other syncs'.
create index hub_sync_account_of_sync on hub_sync_account (sync_id);
create index hub_sync_asset_of_sync on hub_sync_asset (sync_id);
create index hub_sync_assignment_of_sync on hub_sync_assignment (sync_id);
