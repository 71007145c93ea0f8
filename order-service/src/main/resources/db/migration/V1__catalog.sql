-- order-service owns each business's catalog (seed 001, sections 2.1-2.7): the business profile
-- and settings, branches with their address, opening hours, policies, menus, the branches that
-- serve them, and items. A business is a tenant: its id IS the tenant id.
-- Every table is under FORCE ROW LEVEL SECURITY keyed by app.tenant_id, which the service sets
-- per transaction; the runtime role owns none of them. Child rows reference their parent by
-- (tenant_id, id), so a row can never point at another business's branch or menu.

create table businesses (
    tenant_id              uuid primary key,
    name                   text        not null,
    business_type          text        not null default 'restaurant'
        check (business_type in ('restaurant', 'cafe', 'salon', 'sports_court', 'other')),
    default_language       text        not null default 'english'
        check (default_language in ('arabic', 'arabizi', 'english', 'french')),
    time_zone              text        not null default 'Asia/Beirut',
    currency               char(3)     not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
    allow_scheduled_orders boolean     not null default true,
    allow_delivery         boolean     not null default true,
    allow_takeaway         boolean     not null default true,
    allow_on_site          boolean     not null default true,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    deleted_at             timestamptz
);

create table branches (
    id                           uuid primary key,
    tenant_id                    uuid          not null references businesses (tenant_id),
    name                         text          not null,
    city                         text,
    street                       text,
    building                     text,
    floor                        text,
    notes                        text,
    latitude                     numeric(10, 8) check (latitude between -90 and 90),
    longitude                    numeric(11, 8) check (longitude between -180 and 180),
    contact_phone_number         text,
    whatsapp_phone_number_id     text,
    min_order_value              numeric(10, 2) check (min_order_value >= 0),
    avg_preparation_time_minutes int           check (avg_preparation_time_minutes >= 0),
    is_active                    boolean       not null default true,
    created_at                   timestamptz   not null default now(),
    updated_at                   timestamptz   not null default now(),
    deleted_at                   timestamptz,
    unique (tenant_id, id)
);
create index branches_tenant on branches (tenant_id);
-- A WhatsApp number routes to exactly one branch of one business.
create unique index branches_whatsapp_phone_number_id on branches (whatsapp_phone_number_id)
    where whatsapp_phone_number_id is not null;

-- Weekly hours of the whole business (branch_id null) or of one branch. A day may have several
-- rows (lunch and dinner). closes_at earlier than opens_at means the day closes past midnight.
create table opening_hours (
    id          uuid primary key,
    tenant_id   uuid        not null references businesses (tenant_id),
    branch_id   uuid,
    day_of_week text        not null
        check (day_of_week in ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
    opens_at    time,
    closes_at   time,
    is_closed   boolean     not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check ((is_closed and opens_at is null and closes_at is null)
        or (not is_closed and opens_at is not null and closes_at is not null)),
    foreign key (tenant_id, branch_id) references branches (tenant_id, id)
);
create index opening_hours_tenant on opening_hours (tenant_id, branch_id);

create table policies (
    id          uuid primary key,
    tenant_id   uuid        not null references businesses (tenant_id),
    branch_id   uuid,
    policy_type text        not null check (policy_type in ('delivery', 'refund', 'cancellation', 'custom')),
    title       text,
    description text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    foreign key (tenant_id, branch_id) references branches (tenant_id, id)
);
create index policies_tenant on policies (tenant_id, branch_id);

create table menus (
    id          uuid primary key,
    tenant_id   uuid        not null references businesses (tenant_id),
    name        text        not null,
    description text,
    is_shared   boolean     not null default false,
    is_active   boolean     not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    deleted_at  timestamptz,
    unique (tenant_id, id)
);
create index menus_tenant on menus (tenant_id);

-- Which branches serve which menu (a shared menu is attached to every branch that serves it).
create table branch_menus (
    id        uuid primary key,
    tenant_id uuid not null,
    branch_id uuid not null,
    menu_id   uuid not null,
    unique (branch_id, menu_id),
    foreign key (tenant_id, branch_id) references branches (tenant_id, id),
    foreign key (tenant_id, menu_id) references menus (tenant_id, id)
);
create index branch_menus_menu on branch_menus (menu_id);
create index branch_menus_tenant on branch_menus (tenant_id);

create table items (
    id          uuid primary key,
    tenant_id   uuid          not null,
    menu_id     uuid          not null,
    name        text          not null,
    description text,
    price       numeric(10, 2) not null check (price >= 0),
    availability text         not null default 'available'
        check (availability in ('available', 'out_of_stock', 'hidden')),
    tags        text[]        not null default '{}',
    allergens   text[]        not null default '{}',
    is_featured boolean       not null default false,
    sort_order  int           not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    deleted_at  timestamptz,
    foreign key (tenant_id, menu_id) references menus (tenant_id, id)
);
create index items_tenant on items (tenant_id);
create index items_menu on items (menu_id, sort_order);

-- The version of the last catalog snapshot published per business (catalog.snapshots.v1):
-- consumers keep a snapshot only when its version is newer than the one they hold.
create table catalog_versions (
    tenant_id    uuid primary key references businesses (tenant_id),
    version      bigint      not null default 0 check (version >= 0),
    published_at timestamptz
);

-- Row-level security per business (see enable_tenant_isolation in the platform migration).
select enable_tenant_isolation('businesses', 'branches', 'opening_hours', 'policies', 'menus', 'branch_menus', 'items', 'catalog_versions');

-- The startup republisher walks every business before any tenant is known: this definer
-- function reveals only which businesses exist, nothing else of any tenant.
create function catalog_tenants()
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select b.tenant_id from businesses b where b.deleted_at is null order by b.tenant_id
$$;
revoke all on function catalog_tenants() from public;
grant execute on function catalog_tenants() to ${app_role};
