-- Shared infrastructure tables of a service's database, applied by Flyway as the schema owner
-- before the service's own migrations. ${app_role} is the runtime role: it gets data rights on
-- every table the owner creates, never ownership, so row-level security applies to it.

grant usage on schema ${flyway:defaultSchema} to ${app_role};
alter default privileges in schema ${flyway:defaultSchema} grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema ${flyway:defaultSchema} grant usage, select on sequences to ${app_role};

-- Events written in the same transaction as the state they describe; the relay publishes and deletes them.
-- Not tenant-scoped: only the relay reads it, across all businesses.
create table outbox (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    source       text        not null,
    tenant_id    text,
    subject      text,
    occurred_at  timestamptz not null,
    payload      bytea       not null
);

-- Event ids each consumer has already handled, so redeliveries have no second effect.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Puts tables under tenant isolation, the one way every service does it: RLS enabled and forced
-- (so even the owner is subject to it), rows visible and writable only when their tenant_id is
-- the transaction's app.tenant_id, and a read-only policy for the owner, which the narrow
-- SECURITY DEFINER lookups (routing a number, listing businesses) run as. The runtime role gets
-- no such policy. Usage: select enable_tenant_isolation('menus', 'items');
create function enable_tenant_isolation(variadic tables text[]) returns void
    language plpgsql
as $$
declare t text;
begin
    foreach t in array tables loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy tenant_isolation on %I
            using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
            with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
        execute format('create policy owner_reads on %I for select to %I using (true)', t, current_user);
    end loop;
end $$;
revoke all on function enable_tenant_isolation(text[]) from public;
