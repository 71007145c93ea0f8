-- Outbound delivery (the WhatsApp edge): what was sent and why it failed, notifications sent once,
-- numbers shared with the WhatsApp Business App (coexistence: lower throughput), and delivery
-- statuses that arrived before the send that caused them was recorded.

alter table messages add column error_code int;
alter table messages add column error_detail text;
-- notification.requests.v1: one message per notificationId, whatever the redeliveries.
alter table messages add column notification_id uuid;
alter table messages add column expires_at timestamptz;
-- A send that failed for a passing reason waits until then before the next attempt.
alter table messages add column next_attempt_at timestamptz;
create unique index messages_notification on messages (tenant_id, notification_id) where notification_id is not null;

-- Coexistence numbers are also used from the Business App; Meta allows them less throughput.
alter table whatsapp_channels add column coexistence boolean not null default false;

-- Meta may report "delivered" before our send's response (with the wamid) was committed: such a
-- status waits here and is applied when the wamid is recorded.
create table early_statuses (
    tenant_id           uuid        not null,
    whatsapp_message_id text        not null,
    status              text        not null,
    error_code          int,
    error_detail        text,
    received_at         timestamptz not null default now(),
    primary key (tenant_id, whatsapp_message_id, status)
);
create index early_statuses_received on early_statuses (received_at);

select enable_tenant_isolation('early_statuses');

-- The order a message moves through; a status never moves it backwards.
create function delivery_rank(p_status text) returns int
    language sql immutable
as $$
    select case p_status when 'queued' then 0 when 'sent' then 1 when 'delivered' then 2 when 'read' then 3
                         when 'failed' then 4 else -1 end
$$;
