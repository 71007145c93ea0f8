#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d). Creates each
# service's database exactly as production (CloudNativePG, k8s/base/postgres.yaml) and the tests
# (embedded-infra's PostgresServer.database) do: dinechat_<service> owned by <service>_owner, which
# Flyway migrates as, and <service>_app, the runtime role: it owns nothing, is no superuser and has
# no BYPASSRLS, so row-level security binds every query it makes (the services refuse to start
# otherwise). Passwords come from the environment (deploy/compose/.env.example locally).
set -euo pipefail

for service in gateway conversation reservation order billing; do
  prefix=${service^^}
  owner_password_var="${prefix}_DB_OWNER_PASSWORD"
  app_password_var="${prefix}_DB_APP_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="dinechat_${service}" -v owner="${service}_owner" -v app="${service}_app" \
    -v owner_password="${!owner_password_var:?$owner_password_var is not set}" \
    -v app_password="${!app_password_var:?$app_password_var is not set}" <<'SQL'
create role :"owner" login password :'owner_password' nosuperuser nobypassrls nocreatedb nocreaterole;
create role :"app" login password :'app_password' nosuperuser nobypassrls nocreatedb nocreaterole;
create database :"db" owner :"owner";
-- Only the two roles of this service connect to its database.
revoke all on database :"db" from public;
grant connect, temporary on database :"db" to :"app";
SQL
  echo "created dinechat_${service} (owner ${service}_owner, runtime ${service}_app)"
done
