-- Stripe subscriptions (issue 9): which subscription a business's plan follows, the version of
-- the plan events it published, what each Stripe event did, and the narrow cross-business lookups
-- the webhook, the grace-period check and retention need.

-- The subscription the plan follows. A newer subscription (by Stripe's `created`) replaces an
-- older one, and nothing about an older one ever changes the plan again.
alter table billing_accounts add column stripe_subscription_id text;
alter table billing_accounts add column subscription_created_at timestamptz;
-- What the last plan event said, so the grace check publishes the closing exactly once.
alter table billing_accounts add column premium_features boolean not null default false;
-- Version of the last io.dinechat.billing.plan.changed; consumers keep the highest.
alter table billing_accounts add column version bigint not null default 0;

-- What each Stripe event led to (handled, replaced, ignored, unknown_type, ...), for operators.
alter table stripe_events add column outcome text;

-- Stripe ids are the only payment data kept: no card number, expiry or CVC ever reaches us
-- (Checkout and the Customer Portal collect them on Stripe's pages).
comment on column billing_accounts.stripe_customer_id is 'Stripe customer id (cus_...); no card data is stored';

-- A webhook names a Stripe customer, not a business: find the business that owns it.
create function billing_tenant_of_customer(p_customer_id text)
    returns uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select a.tenant_id from billing_accounts a where a.stripe_customer_id = p_customer_id
$$;
revoke all on function billing_tenant_of_customer(text) from public;
grant execute on function billing_tenant_of_customer(text) to ${app_role};

-- The grace-period check: businesses still offered premium although past due beyond their grace.
create function billing_tenants_past_grace(p_now timestamptz)
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select a.tenant_id from billing_accounts a
    where a.premium_features and a.status = 'past_due' and a.grace_until is not null and a.grace_until <= p_now
    limit 500
$$;
revoke all on function billing_tenants_past_grace(timestamptz) from public;
grant execute on function billing_tenants_past_grace(timestamptz) to ${app_role};

-- Retention: the businesses holding billing records older than the cut-off (deleted per tenant).
create function billing_tenants_with_records_before(p_before timestamptz)
    returns setof uuid
    language sql stable security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
    select distinct r.tenant_id from billing_records r where r.occurred_at < p_before
$$;
revoke all on function billing_tenants_with_records_before(timestamptz) from public;
grant execute on function billing_tenants_with_records_before(timestamptz) to ${app_role};
