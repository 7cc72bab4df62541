-- Every node keeps the version of the tenant cards it read last, and forgets it when a hub or a membership of the
-- workspace changes: each change notifies the channel that the nodes listen on, with the workspace's id, when it
-- commits. PostgreSQL sends a transaction's identical notifications once, so a statement over many rows sends one.
create function hubwarden_workspace_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('hubwarden_workspace_changed', old.workspace_id::text);
    else
        perform pg_notify('hubwarden_workspace_changed', new.workspace_id::text);
    end if;
    return null;
end
$$;

create trigger hub_changed after insert or update or delete on hub
    for each row execute function hubwarden_workspace_changed();
create trigger membership_changed after insert or update or delete on membership
    for each row execute function hubwarden_workspace_changed();
