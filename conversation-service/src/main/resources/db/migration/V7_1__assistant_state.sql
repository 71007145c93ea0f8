-- The assistant's persisted state per conversation (issue 7): the dialog state machine, the
-- command it waits for, the coalescing window of a pending turn, the handoff state and its
-- re-engagement timer. One row per conversation, updated in the same transaction as the turn
-- that changed it, so a restart at any point resumes from the last committed turn.

create table conversation_state (
    tenant_id          uuid        not null,
    conversation_key   text        not null,
    language           text,
    branch_id          uuid,
    -- the dialog state machine (stage, task, slots, offered choices, quote), as JSON
    dialog             jsonb       not null default '{}'::jsonb,
    -- the command whose answer the dialog waits for; answers to any other command are stale
    pending_command_id uuid,
    -- coalescing: inbound messages not yet answered form one turn at turn_due_at
    turn_due_at        timestamptz,
    turn_opened_at     timestamptz,
    handoff            text        not null default 'assistant' check (handoff in ('assistant', 'staff', 'escalated')),
    handoff_since      timestamptz,
    handoff_reason     text,
    reengage_at        timestamptz,
    unresolved_turns   int         not null default 0,
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, conversation_key),
    foreign key (tenant_id, conversation_key) references conversations (tenant_id, conversation_key) on delete cascade
);
create index conversation_state_due on conversation_state (turn_due_at) where turn_due_at is not null;
create index conversation_state_reengage on conversation_state (reengage_at) where reengage_at is not null;

-- Which inbound messages a turn answered; null = waiting for the next turn.
alter table messages add column turn_id uuid;
create index messages_unanswered on messages (tenant_id, conversation_key, created_at)
    where direction = 'inbound' and turn_id is null;
-- The conversation list of the dashboard reads the newest message per conversation.
create index conversations_recent on conversations (tenant_id, updated_at desc);

select enable_tenant_isolation('conversation_state');

-- The coalescing flusher and the re-engagement timer learn only which conversations are due.
create function conversations_with_due_turns(p_now timestamptz)
    returns table (tenant_id uuid, conversation_key text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select s.tenant_id, s.conversation_key from conversation_state s
    where s.turn_due_at is not null and s.turn_due_at <= p_now
    order by s.turn_due_at limit 200
$$;
revoke all on function conversations_with_due_turns(timestamptz) from public;
grant execute on function conversations_with_due_turns(timestamptz) to ${app_role};

create function conversations_to_reengage(p_now timestamptz)
    returns table (tenant_id uuid, conversation_key text)
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select s.tenant_id, s.conversation_key from conversation_state s
    where s.reengage_at is not null and s.reengage_at <= p_now
    order by s.reengage_at limit 200
$$;
revoke all on function conversations_to_reengage(timestamptz) from public;
grant execute on function conversations_to_reengage(timestamptz) to ${app_role};

-- Retention: the businesses that hold messages older than the cut-off (deleted per tenant).
create function tenants_with_messages_before(p_before timestamptz)
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select distinct m.tenant_id from messages m where m.created_at < p_before
$$;
revoke all on function tenants_with_messages_before(timestamptz) from public;
grant execute on function tenants_with_messages_before(timestamptz) to ${app_role};

-- Per-business assistant settings: which engine understands guests (offline|llm; null = the
-- service default) and the owner's personal WhatsApp number for escalation alerts.
create table assistant_settings (
    tenant_id         uuid primary key,
    engine            text check (engine in ('offline', 'llm')),
    owner_alert_phone text,
    updated_at        timestamptz not null default now()
);
select enable_tenant_isolation('assistant_settings');
