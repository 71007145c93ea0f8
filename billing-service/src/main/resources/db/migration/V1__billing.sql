-- billing-service owns each business's plan and Stripe subscription, its billing records and the
-- Stripe events already handled. Tenant tables are under FORCE ROW LEVEL SECURITY, keyed by
-- app.tenant_id, which the service sets per transaction; the runtime role owns none of them.

-- One row per business: the plan other services gate premium features on.
create table billing_accounts (
    tenant_id          uuid primary key,
    stripe_customer_id text unique,
    plan               text        not null default 'trial' check (plan in ('trial', 'standard', 'premium')),
    status             text        not null default 'trialing'
        check (status in ('trialing', 'active', 'past_due', 'canceled')),
    current_period_end timestamptz,
    -- How long a past_due business keeps its plan before it is downgraded.
    grace_until        timestamptz,
    updated_at         timestamptz not null default now()
);

-- Invoices, payments, refunds as Stripe reported them. Retention: 6 years (tax and accounting
-- law), which outlives the 30-day deletion after an account ends; only these rows survive it.
create table billing_records (
    id           uuid primary key,
    tenant_id    uuid        not null,
    kind         text        not null,
    -- Stripe's object id (in_..., ch_..., re_...): a redelivered webhook records nothing twice.
    stripe_id    text        not null unique,
    amount_minor bigint      not null,
    currency     text        not null check (currency ~ '^[a-z]{3}$'),
    occurred_at  timestamptz not null,
    payload      jsonb       not null
);
create index billing_records_by_tenant on billing_records (tenant_id, occurred_at);
-- Retention deletes by age.
create index billing_records_occurred on billing_records (occurred_at);

-- Stripe event ids already received. Not tenant-scoped on purpose: an event is deduplicated
-- before the business it concerns is known (a customer may not be linked yet), and it holds no
-- business data beyond its id and type.
create table stripe_events (
    event_id     text primary key,
    type         text        not null,
    received_at  timestamptz not null default now(),
    processed_at timestamptz
);

-- Row-level security per business (see enable_tenant_isolation in the platform migration).
select enable_tenant_isolation('billing_accounts', 'billing_records');
