-- The built-in table book and the reservation flows: booking rules per branch, the opening hours
-- read model (from catalog.snapshots.v1), command replies kept for idempotency, external provider
-- connections with sealed credentials, and the reminders already sent.

-- Tables that share a combination group and are combinable can be pushed together for one party.
alter table dining_tables add column combination_group text;

alter table reservations add column language text;
alter table reservations add column cancelled_by text check (cancelled_by in ('guest', 'staff', 'provider'));
alter table reservations add column cancel_reason text;
-- The zone the booking was made in, so reminders and replies speak the restaurant's local time.
alter table reservations add column time_zone text;
create index reservations_guest on reservations (tenant_id, guest_phone, starts_at) where guest_phone is not null;

-- How a branch takes bookings. A branch without a row uses the defaults below.
create table booking_rules (
    tenant_id                 uuid    not null,
    branch_id                 uuid    not null,
    -- Bookable start times fall on this grid from opening time (every 15 minutes).
    slot_minutes              int     not null default 15 check (slot_minutes between 5 and 120),
    -- Cleaning and resetting between seatings; the table is held this long after the turn.
    buffer_minutes            int     not null default 15 check (buffer_minutes between 0 and 120),
    -- [{"upToPartySize": 2, "minutes": 90}, ..., {"upToPartySize": null, "minutes": 150}]
    turn_times                jsonb   not null default
        '[{"upToPartySize":2,"minutes":90},{"upToPartySize":4,"minutes":120},{"upToPartySize":null,"minutes":150}]',
    -- Guests arriving in one slot, all tables together (the kitchen's limit); null = no limit.
    max_covers_per_slot       int check (max_covers_per_slot > 0),
    lead_time_minutes         int     not null default 60 check (lead_time_minutes >= 0),
    max_days_ahead            int     not null default 60 check (max_days_ahead >= 0),
    max_party_size            int     not null default 12 check (max_party_size > 0),
    -- Parties larger than this are booked as pending until staff approve; null = never.
    approval_above_party_size int check (approval_above_party_size > 0),
    blackout_dates            date[]  not null default '{}',
    updated_at                timestamptz not null default now(),
    primary key (tenant_id, branch_id)
);

-- The newest catalog snapshot of each business (time zone, branches, hours, hour overrides).
create table catalog_read_model (
    tenant_id  uuid primary key,
    version    bigint      not null,
    snapshot   jsonb       not null,
    updated_at timestamptz not null default now()
);

-- Each command's reply, so a redelivered command gets the same answer again and no second effect.
create table reservation_commands (
    tenant_id      uuid        not null,
    command_id     uuid        not null,
    reply_event_id uuid        not null,
    reply_type     text        not null,
    reply          bytea       not null,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, command_id)
);
create index reservation_commands_age on reservation_commands (created_at);

-- An external reservation platform a branch already uses. The secret is sealed with the
-- platform's AEAD bound to the tenant and never leaves the service.
create table provider_connections (
    id                   uuid primary key,
    tenant_id            uuid        not null,
    branch_id            uuid        not null,
    kind                 text        not null check (kind in ('sevenrooms')),
    base_url             text        not null,
    venue_id             text        not null,
    client_id            text        not null,
    client_secret_sealed text        not null,
    timeout_ms           int         not null default 2500 check (timeout_ms between 200 and 20000),
    enabled              boolean     not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    unique (tenant_id, id),
    unique (tenant_id, branch_id)
);

create table reservation_reminders (
    tenant_id      uuid        not null,
    reservation_id uuid        not null,
    offset_minutes int         not null,
    sent_at        timestamptz not null default now(),
    primary key (reservation_id, offset_minutes),
    foreign key (tenant_id, reservation_id) references reservations (tenant_id, id) on delete cascade
);
create index reservation_reminders_tenant on reservation_reminders (tenant_id);

select enable_tenant_isolation('booking_rules', 'catalog_read_model', 'reservation_commands',
        'provider_connections', 'reservation_reminders');

-- The reminder scheduler learns only which businesses have bookings starting in a window.
create function tenants_with_reservations_between(p_from timestamptz, p_to timestamptz)
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select distinct r.tenant_id from reservations r
    where r.starts_at >= p_from and r.starts_at <= p_to and r.status in ('pending', 'confirmed')
$$;
revoke all on function tenants_with_reservations_between(timestamptz, timestamptz) from public;
grant execute on function tenants_with_reservations_between(timestamptz, timestamptz) to ${app_role};

-- Retention learns only which businesses have reservations (or command replies) past the cutoff.
create function tenants_with_expired_records(p_reservations_before timestamptz, p_replies_before timestamptz)
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select r.tenant_id from reservations r where r.ends_at < p_reservations_before
    union
    select c.tenant_id from reservation_commands c where c.created_at < p_replies_before
$$;
revoke all on function tenants_with_expired_records(timestamptz, timestamptz) from public;
grant execute on function tenants_with_expired_records(timestamptz, timestamptz) to ${app_role};
