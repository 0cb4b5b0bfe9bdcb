#!/bin/sh
# The role the app connects as (DATABASE_URL in docker-compose.yml): it owns nothing, and the
# app's migration runner, connected as the owner (POSTGRES_USER, MIGRATION_DATABASE_URL), grants
# it exactly what lib/db/app-role-grants.ts says after every migration run.
# The postgres image runs this once, on the first start of an empty volume. For a volume made
# before this file existed, run it once by hand:
#   docker compose exec db sh /docker-entrypoint-initdb.d/10-app-role.sh
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$NIANBAO_APP_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE nianbao_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
-- Only the app role (and the owner) may connect; nobody but the owner may create tables.
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO nianbao_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO nianbao_app;
SQL
