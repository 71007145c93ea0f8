-- Live orders (seed 001 sections 2.8, 8, 9): an order with its lines and chosen options, snapshotted
-- at order time (name and price then), its status history, the commands it answered (idempotency
-- by command id) and a per-business reference counter. Orders stay here only until archive-service
-- confirms it stored them (section 4); nothing cascades into history elsewhere.

create table orders (
    id                     uuid primary key,
    tenant_id              uuid           not null references businesses (tenant_id),
    branch_id              uuid           not null,
    reference              text           not null,
    conversation_key       text,
    customer_phone_number  text           not null,
    customer_name          text,
    language_used          text           check (language_used in ('arabic', 'arabizi', 'english', 'french')),
    order_source           text           not null default 'whatsapp' check (order_source in ('whatsapp', 'dashboard')),
    delivery_type          text           not null check (delivery_type in ('takeaway', 'delivery', 'on_site')),
    delivery_address       text,
    delivery_latitude      numeric(10, 8),
    delivery_longitude     numeric(11, 8),
    status                 text           not null default 'pending'
        check (status in ('pending', 'accepted', 'preparing', 'ready', 'completed', 'cancelled')),
    cancel_reason          text,
    payment_method         text           not null check (payment_method in ('cash', 'card_on_delivery', 'card_on_site', 'online')),
    payment_status         text           not null default 'unpaid' check (payment_status in ('unpaid', 'paid', 'refunded')),
    subtotal               numeric(10, 2) not null check (subtotal >= 0),
    delivery_price         numeric(10, 2) not null default 0 check (delivery_price >= 0),
    total                  numeric(10, 2) not null check (total >= 0),
    currency               char(3)        not null,
    notes                  text,
    scheduled_for          timestamp,
    estimated_ready_at     timestamptz,
    created_at             timestamptz    not null default now(),
    updated_at             timestamptz    not null default now(),
    completed_at           timestamptz,
    cancelled_at           timestamptz,
    -- When the snapshot went to order.archive.v1; the row is deleted only on order.archived.v1.
    archive_requested_at   timestamptz,
    unique (tenant_id, id),
    unique (tenant_id, reference),
    foreign key (tenant_id, branch_id) references branches (tenant_id, id)
);
create index orders_tenant_created on orders (tenant_id, created_at);
create index orders_branch_created on orders (branch_id, created_at);
create index orders_customer_created on orders (customer_phone_number, created_at);
create index orders_tenant_status on orders (tenant_id, status);
create index orders_archivable on orders (coalesce(completed_at, cancelled_at))
    where status in ('completed', 'cancelled');

create table order_items (
    id            uuid primary key,
    tenant_id     uuid           not null,
    order_id      uuid           not null,
    item_id       uuid           not null,
    line_number   int            not null,
    quantity      int            not null check (quantity between 1 and 99),
    price_at_time numeric(10, 2) not null,
    name_at_time  text           not null,
    line_total    numeric(10, 2) not null,
    notes         text,
    unique (tenant_id, id),
    foreign key (tenant_id, order_id) references orders (tenant_id, id) on delete cascade
);
create index order_items_order on order_items (order_id, line_number);

create table order_item_options (
    id             uuid primary key,
    tenant_id      uuid           not null,
    order_item_id  uuid           not null,
    option_id      uuid           not null,
    group_name     text           not null,
    name_at_time   text           not null,
    price_delta    numeric(10, 2) not null,
    foreign key (tenant_id, order_item_id) references order_items (tenant_id, id) on delete cascade
);
create index order_item_options_item on order_item_options (order_item_id);

-- Who changed what when: from, to, the reason of a cancellation, and who (a user id, guest, system).
create table order_status_history (
    id          uuid primary key,
    seq         bigint      generated always as identity,
    tenant_id   uuid        not null,
    order_id    uuid        not null,
    from_status text,
    to_status   text        not null,
    reason      text,
    changed_by  text        not null,
    changed_at  timestamptz not null default now(),
    foreign key (tenant_id, order_id) references orders (tenant_id, id) on delete cascade
);
create index order_status_history_order on order_status_history (order_id, seq);

-- The reply each order command got: a repeated command id re-publishes it instead of acting twice.
create table order_commands (
    tenant_id        uuid        not null references businesses (tenant_id),
    command_id       uuid        not null,
    command_type     text        not null,
    conversation_key text        not null,
    reply_event_id   uuid        not null,
    reply_type       text        not null,
    reply            bytea       not null,
    order_id         uuid,
    received_at      timestamptz not null default now(),
    primary key (tenant_id, command_id)
);

-- Order references ("A-1042") count per business.
create table order_references (
    tenant_id   uuid primary key references businesses (tenant_id),
    last_number bigint not null
);

select enable_tenant_isolation('orders', 'order_items', 'order_item_options', 'order_status_history',
                               'order_commands', 'order_references');

-- The archival job runs before any tenant is known: this definer function reveals only which
-- businesses have closed orders due for archiving (never requested, or requested so long ago
-- without an acknowledgement that the request is made again).
create function tenants_with_archivable_orders(due_before timestamptz, unacknowledged_before timestamptz)
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select distinct o.tenant_id from orders o
    where o.status in ('completed', 'cancelled')
      and (o.archive_requested_at is null or o.archive_requested_at < unacknowledged_before)
      and coalesce(o.completed_at, o.cancelled_at) < due_before
$$;
revoke all on function tenants_with_archivable_orders(timestamptz, timestamptz) from public;
grant execute on function tenants_with_archivable_orders(timestamptz, timestamptz) to ${app_role};
