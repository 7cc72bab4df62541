-- Claims take a hub's due jobs of one type together, oldest first: the per-hub index also orders them by due time.
-- It still serves counting a hub's running jobs and listing a hub's jobs.
drop index job_by_hub;
create index job_by_hub on job (hub_id, status, next_attempt_at);
