-- Sign-in through an external OpenID Connect provider (when one is configured). Both tables are
-- global, like users and sessions: they are read before any business is known and hold nothing
-- of a business's own data.

-- A sign-in started at the provider and not finished yet: the state parameter (hash), the browser
-- that started it (hash of its short-lived cookie, so nobody can finish a sign-in in another
-- browser), the nonce the ID token must carry and the PKCE verifier. Taken (deleted) once.
create table oidc_sign_ins (
    state_hash    bytea primary key,
    browser_hash  bytea       not null,
    nonce         text        not null,
    code_verifier text        not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null
);
create index oidc_sign_ins_expiry on oidc_sign_ins (expires_at);

-- Which provider account is which user: linked on the first sign-in whose verified email matched
-- the user (an invitation, or an account that used to sign in with a password), and found by the
-- provider's stable subject afterwards, so a later email change at the provider moves nothing.
create table external_identities (
    issuer          text        not null,
    subject         text        not null check (length(subject) between 1 and 255),
    user_id         uuid        not null references users (id) on delete cascade,
    linked_at       timestamptz not null default now(),
    last_sign_in_at timestamptz not null default now(),
    primary key (issuer, subject)
);
-- One account per user and provider: a second provider account with the same email cannot take it over.
create unique index external_identities_one_per_user on external_identities (user_id, issuer);
