-- conversation-service owns conversations, their messages (2-month retention), the WhatsApp
-- channels that route a number to a business, and a read model of each business's catalog.
-- Every tenant table is under FORCE ROW LEVEL SECURITY, keyed by app.tenant_id, which the service
-- sets per transaction; the runtime role owns none of them.

create table whatsapp_channels (
    phone_number_id        text primary key,
    tenant_id              uuid        not null,
    branch_id              uuid,
    display_phone_number   text,
    access_token_encrypted text        not null,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

create table conversations (
    tenant_id                uuid        not null,
    conversation_key         text        not null,
    phone_number_id          text        not null,
    wa_id                    text        not null,
    guest_name               text,
    assistant_silenced_until timestamptz,
    last_inbound_at          timestamptz,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    primary key (tenant_id, conversation_key)
);

create table messages (
    id                  uuid primary key,
    tenant_id           uuid        not null,
    conversation_key    text        not null,
    direction           text        not null check (direction in ('inbound', 'outbound')),
    author              text        not null check (author in ('guest', 'assistant', 'staff')),
    whatsapp_message_id text,
    type                text        not null,
    body                text,
    payload             jsonb,
    status              text        not null,
    attempts            int         not null default 0,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    foreign key (tenant_id, conversation_key) references conversations (tenant_id, conversation_key)
);
-- A WhatsApp message id is stored once: Meta's redeliveries become no-ops.
create unique index messages_whatsapp_id on messages (tenant_id, whatsapp_message_id) where whatsapp_message_id is not null;
create index messages_conversation on messages (tenant_id, conversation_key, created_at);
create index messages_queued on messages (tenant_id, created_at) where status = 'queued';
-- Retention (2 months) deletes by age.
create index messages_created on messages (created_at);

-- The latest catalog snapshot per business (from catalog.snapshots.v1): the assistant answers
-- menu, hours and policy questions from here even when order-service is down.
create table catalog_read_model (
    tenant_id  uuid primary key,
    version    bigint      not null,
    snapshot   jsonb       not null,
    updated_at timestamptz not null default now()
);

-- Messages for a number no business has connected: kept for an operator, never retried.
create table unrouted_messages (
    phone_number_id text        not null,
    event_id        text        not null,
    received_at     timestamptz not null default now(),
    primary key (phone_number_id, event_id)
);

-- Row-level security per business (see enable_tenant_isolation in the platform migration).
select enable_tenant_isolation('whatsapp_channels', 'conversations', 'messages', 'catalog_read_model');

-- Routing happens before the tenant is known: this definer function reveals only which business
-- (and branch) a number belongs to, nothing else of any tenant.
create function resolve_channel(p_phone_number_id text)
    returns table (tenant_id uuid, branch_id uuid)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select c.tenant_id, c.branch_id from whatsapp_channels c where c.phone_number_id = p_phone_number_id
$$;
revoke all on function resolve_channel(text) from public;
grant execute on function resolve_channel(text) to ${app_role};

-- The reply sweeper retries queued replies of every business; it learns only which have some.
create function tenants_with_queued_replies()
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select distinct m.tenant_id from messages m where m.status = 'queued'
$$;
revoke all on function tenants_with_queued_replies() from public;
grant execute on function tenants_with_queued_replies() to ${app_role};
