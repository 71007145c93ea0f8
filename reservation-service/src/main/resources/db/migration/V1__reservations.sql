-- reservation-service owns each business's floor (areas and tables) and its reservations
-- (24-month retention). Every tenant table is under FORCE ROW LEVEL SECURITY, keyed by
-- app.tenant_id, which the service sets per transaction; the runtime role owns none of them.

-- gist cannot index uuid equality on its own; btree_gist adds it so one exclusion constraint
-- can say "same table, overlapping time". Trusted extension: the database owner may create it.
create extension if not exists btree_gist;

create table dining_areas (
    id        uuid primary key,
    tenant_id uuid not null,
    branch_id uuid not null,
    name      text not null,
    -- Composite keys let children reference (tenant_id, id): a row can never point across businesses.
    unique (tenant_id, id),
    unique (tenant_id, branch_id, name)
);

create table dining_tables (
    id            uuid primary key,
    tenant_id     uuid    not null,
    branch_id     uuid    not null,
    area_id       uuid,
    label         text    not null,
    seats_min     int     not null default 1 check (seats_min >= 1),
    seats_max     int     not null check (seats_max >= seats_min),
    is_combinable boolean not null default false,
    is_active     boolean not null default true,
    unique (tenant_id, id),
    unique (tenant_id, branch_id, label),
    foreign key (tenant_id, area_id) references dining_areas (tenant_id, id)
);

create table reservations (
    id                      uuid primary key,
    tenant_id               uuid        not null,
    branch_id               uuid        not null,
    -- What the guest quotes back ("ABC123"); unique per business, not globally.
    reference               text        not null,
    guest_name              text        not null,
    guest_phone             text,
    party_size              int         not null check (party_size > 0),
    starts_at               timestamptz not null,
    ends_at                 timestamptz not null,
    status                  text        not null default 'pending'
        check (status in ('pending', 'confirmed', 'seated', 'completed', 'cancelled', 'no_show')),
    special_requests        text,
    -- The WhatsApp conversation that booked it, so replies and reminders go back there.
    conversation_key        text,
    -- A redelivered command carries the same key and finds the reservation it already made.
    idempotency_key         text,
    -- Null when DineChat's own book holds it; otherwise the external provider and its id.
    provider                text,
    provider_reservation_id text,
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    check (ends_at > starts_at),
    check (provider_reservation_id is null or provider is not null),
    unique (tenant_id, id),
    unique (tenant_id, reference),
    unique (tenant_id, idempotency_key),
    unique (tenant_id, provider, provider_reservation_id)
);
create index reservations_by_day on reservations (tenant_id, branch_id, starts_at);
create index reservations_conversation on reservations (tenant_id, conversation_key) where conversation_key is not null;
-- Retention (24 months) deletes by age.
create index reservations_ends on reservations (ends_at);

-- Which tables a reservation holds, and when (the slot may include turnover time beyond ends_at).
-- A reservation that is cancelled or a no-show releases its tables by deleting its rows here.
create table reservation_tables (
    tenant_id      uuid      not null,
    reservation_id uuid      not null,
    table_id       uuid      not null,
    during         tstzrange not null check (not isempty(during) and not lower_inf(during) and not upper_inf(during)),
    primary key (reservation_id, table_id),
    foreign key (tenant_id, reservation_id) references reservations (tenant_id, id) on delete cascade,
    foreign key (tenant_id, table_id) references dining_tables (tenant_id, id),
    -- The database, not the application, guarantees a table is never double-booked, even when two
    -- conversations race for it. Ranges are [start, end): back-to-back slots do not overlap.
    constraint reservation_tables_no_overlap exclude using gist (table_id with =, during with &&)
);
create index reservation_tables_tenant on reservation_tables (tenant_id);

-- Row-level security per business (see enable_tenant_isolation in the platform migration).
select enable_tenant_isolation('dining_areas', 'dining_tables', 'reservations', 'reservation_tables');
