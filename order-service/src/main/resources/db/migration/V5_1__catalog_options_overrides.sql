-- Catalog additions of the ordering work (seed 001, sections 2.3, 2.4, 2.7, 8 and 9): item options
-- and modifiers, date overrides of opening hours, delivery rules of branches, and the item and menu
-- fields the dashboard edits. Every new table is tenant-scoped under forced row-level security.

alter table businesses
    add column whatsapp_phone_number    text,
    add column whatsapp_phone_number_id text;
-- A WhatsApp number belongs to one business (seed 001 section 8, optional uniqueness).
create unique index businesses_whatsapp_phone_number_id on businesses (whatsapp_phone_number_id)
    where whatsapp_phone_number_id is not null;

alter table branches
    add column whatsapp_phone_number   text,
    add column service_radius_km       numeric(6, 2) check (service_radius_km > 0),
    add column delivery_fee_base       numeric(10, 2) check (delivery_fee_base >= 0),
    add column delivery_fee_free_above numeric(10, 2) check (delivery_fee_free_above >= 0),
    add column delivery_fee_per_km     numeric(10, 2) check (delivery_fee_per_km >= 0);

alter table menus
    add column image_url text;

alter table items
    add column cost                     numeric(10, 2) check (cost >= 0),
    add column preparation_time_minutes int check (preparation_time_minutes >= 0),
    add column image_url                text,
    add column ingredients              text[] not null default '{}',
    add constraint items_tenant_id_id unique (tenant_id, id);
-- Seed 001 section 8: items by business and by menu exist (items_tenant, items_menu).
create index items_featured on items (tenant_id) where is_featured and deleted_at is null;

-- Sizes, add-ons and extras of an item; options carry a price delta per unit.
create table item_option_groups (
    id          uuid primary key,
    tenant_id   uuid        not null,
    item_id     uuid        not null,
    name        text        not null,
    kind        text        not null default 'other' check (kind in ('size', 'addon', 'extra', 'other')),
    is_required boolean     not null default false,
    min_choices int         not null default 0,
    max_choices int         not null default 1,
    sort_order  int         not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (min_choices >= 0 and max_choices >= 1 and min_choices <= max_choices),
    check (not is_required or min_choices >= 1),
    unique (tenant_id, id),
    foreign key (tenant_id, item_id) references items (tenant_id, id)
);
create index item_option_groups_item on item_option_groups (item_id, sort_order);
create index item_option_groups_tenant on item_option_groups (tenant_id);

create table item_options (
    id           uuid primary key,
    tenant_id    uuid           not null,
    group_id     uuid           not null,
    name         text           not null,
    price_delta  numeric(10, 2) not null default 0,
    is_available boolean        not null default true,
    sort_order   int            not null default 0,
    created_at   timestamptz    not null default now(),
    updated_at   timestamptz    not null default now(),
    foreign key (tenant_id, group_id) references item_option_groups (tenant_id, id) on delete cascade
);
create index item_options_group on item_options (group_id, sort_order);
create index item_options_tenant on item_options (tenant_id);

-- Seed 001 section 2.4 "date_overrides": holidays and special hours of the business or a branch.
create table hour_overrides (
    id             uuid primary key,
    tenant_id      uuid        not null references businesses (tenant_id),
    branch_id      uuid,
    override_date  date        not null,
    is_closed      boolean     not null default false,
    opens_at       time,
    closes_at      time,
    note           text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check ((is_closed and opens_at is null and closes_at is null)
        or (not is_closed and opens_at is not null and closes_at is not null)),
    foreign key (tenant_id, branch_id) references branches (tenant_id, id)
);
create index hour_overrides_tenant on hour_overrides (tenant_id, override_date);

select enable_tenant_isolation('item_option_groups', 'item_options', 'hour_overrides');
