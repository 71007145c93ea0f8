-- The gateway owns dashboard identity: businesses (the tenants every service's rows belong to),
-- users, their memberships and roles, sessions, one-time password tokens and login attempts.
-- Tables keyed by a business are under row-level security like every other service's; the
-- tables read before any business is known (users by email, sessions by token hash, attempts)
-- are global on purpose, and hold nothing of a business's own data.

-- A business is a tenant: its id is the tenant_id of every row in every service.
create table businesses (
    id               uuid primary key,
    name             text        not null check (length(name) between 1 and 200),
    business_type    text        not null check (business_type in ('restaurant', 'cafe', 'salon', 'sports_court', 'other')),
    time_zone        text        not null,
    default_language text        not null check (default_language in ('english', 'french', 'arabic')),
    currency         text        not null check (currency ~ '^[A-Z]{3}$'),
    created_at       timestamptz not null default now()
);
alter table businesses enable row level security;
alter table businesses force row level security;
create policy tenant_isolation on businesses
    using (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
create policy owner_reads on businesses for select to current_user using (true);

-- People who sign in. Global: one person may work for several businesses. Platform admins are
-- made by an operator (update users set platform_admin = true ...), never through the API.
create table users (
    id             uuid primary key,
    email          text        not null check (length(email) between 3 and 320),
    name           text        not null check (length(name) between 1 and 200),
    -- BCrypt; null for an invited member who has not chosen a password yet.
    password_hash  text,
    -- The TOTP secret sealed with CredentialCipher (associated data: this user's id).
    totp_secret    text,
    totp_enabled   boolean     not null default false,
    -- The last TOTP time step accepted, so a code cannot be replayed inside its window.
    totp_last_step bigint      not null default 0,
    platform_admin boolean     not null default false,
    created_at     timestamptz not null default now()
);
create unique index users_by_email on users (lower(email));

-- Who works for which business, and as what.
create table memberships (
    tenant_id  uuid        not null references businesses (id) on delete cascade,
    user_id    uuid        not null references users (id) on delete cascade,
    role       text        not null check (role in ('owner', 'staff')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);
create index memberships_by_user on memberships (user_id);
select enable_tenant_isolation('memberships');

-- A user's businesses, for the login and "me" answers: the one read across businesses, revealing
-- only the user's own memberships. Runs as the owner, whose owner_reads policies let it see.
create function memberships_of(p_user uuid)
    returns table (tenant_id uuid, business_name text, role text)
    language sql stable security definer set search_path = ${flyway:defaultSchema}
as $$
    select m.tenant_id, b.name, m.role from memberships m join businesses b on b.id = m.tenant_id
    where m.user_id = p_user order by m.created_at, b.name
$$;
revoke all on function memberships_of(uuid) from public;
grant execute on function memberships_of(uuid) to ${app_role};

-- A platform admin acting as a business needs its name without being a member.
create function business_name_of(p_tenant uuid) returns text
    language sql stable security definer set search_path = ${flyway:defaultSchema}
as $$ select name from businesses where id = p_tenant $$;
revoke all on function business_name_of(uuid) from public;
grant execute on function business_name_of(uuid) to ${app_role};

-- Browser sessions, found by the SHA-256 of the cookie's secret (the secret itself is never
-- stored). active_tenant is the business the session works on; acting_as marks a platform
-- admin's audited act-as.
create table sessions (
    token_hash    bytea primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    active_tenant uuid,
    acting_as     boolean     not null default false,
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    expires_at    timestamptz not null
);
create index sessions_by_user on sessions (user_id);
create index sessions_expiry on sessions (expires_at);

-- One-time tokens to set a password: a reset asked for by the user, or an invitation.
create table password_tokens (
    token_hash bytea primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    purpose    text        not null check (purpose in ('reset', 'invite')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_tokens_by_user on password_tokens (user_id);

-- Every login attempt, for throttling by account and by client address (kept one day).
create table login_attempts (
    id             bigserial primary key,
    email          text        not null,
    client_address text        not null,
    succeeded      boolean     not null,
    at             timestamptz not null default now()
);
create index login_attempts_by_email on login_attempts (email, at);
create index login_attempts_by_address on login_attempts (client_address, at);
