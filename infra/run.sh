#!/usr/bin/env bash
# Runs the whole product on this machine: private PostgreSQL cluster (data kept in .data/pg),
# migrations, API, worker and web. Ctrl-C stops everything, the cluster included.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source infra/pg.sh

PG_PORT="${RS_PG_PORT:-55432}"
API_PORT="${RS_API_PORT:-5080}"
WORKER_PORT="${RS_WORKER_PORT:-5070}"
WEB_PORT="${RS_WEB_PORT:-5090}"
SMTP_PORT="${RS_SMTP_PORT:-2525}"
MAIL_UI_PORT="${RS_MAIL_UI_PORT:-5095}"
# RS_DATA_DIR: another data folder (cluster, index, keys, logs), e.g. a throwaway one for infra/bench-web.sh.
DATA="${RS_DATA_DIR:-$ROOT/.data}"
PGDATA_DIR="$DATA/pg"

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
pg_ensure_installed
mkdir -p "$DATA/logs" "$DATA/index"
chmod 755 "$DATA"

PIDS=()
STOPPING=0
cleanup() {
  trap - EXIT INT TERM
  STOPPING=1
  echo >&2; echo "==> stopping" >&2
  for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]:-}"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true; done
  pg_stop "$PGDATA_DIR"
  echo "==> stopped" >&2
}
trap cleanup EXIT INT TERM

# A previous run killed hard may have left the cluster up; stop it so the port and pid file are ours.
pg_stop "$PGDATA_DIR"
pg_init "$PGDATA_DIR"
pg_start "$PGDATA_DIR" "$PG_PORT"
echo "==> PostgreSQL on 127.0.0.1:$PG_PORT (data in $PGDATA_DIR)" >&2
pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='researchsecurity'" | grep -q 1 \
  || pg_as_owner "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres researchsecurity

# The migrations were squashed into one initial migration per context (December 2026). A database migrated with the
# earlier ones cannot be upgraded in place: say how to reset it instead of failing half-way through the migration.
FIRST_MIGRATION="$(basename "$(ls api/ResearchSecurity.Core/Data/Migrations/*_Initial.cs | head -1)" .cs)"
pg_query() { pg_as_owner "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d researchsecurity -tAc "$1"; }
if [[ "$(pg_query "SELECT to_regclass('public.__ef_migrations_history') IS NOT NULL")" == t ]] \
   && [[ "$(pg_query "SELECT count(*) FROM __ef_migrations_history WHERE migration_id = '$FIRST_MIGRATION'")" == 0 ]]; then
  echo "!! $PGDATA_DIR was migrated before the migrations were squashed; reset it (this deletes local data):" >&2
  echo "!!   rm -rf .data/pg .data/index && infra/run.sh" >&2
  exit 1
fi

echo "==> building" >&2
dotnet build ResearchSecurity.sln -c Release -nologo -v q

export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=researchsecurity;Username=postgres"
export Screening__IndexPath="$DATA/index"
export Api__BaseUrl="http://127.0.0.1:$API_PORT"
# The API is also the OpenID Connect issuer; its signing keys are generated once into .data/keys (Development only).
export Auth__Issuer="http://127.0.0.1:$API_PORT/"
export Auth__DevelopmentKeyFolder="$DATA/keys"
# The audit chain's head is signed (worker: every 5 minutes and after each decision) with a key the database does not
# hold, and the digests are appended to a folder outside PostgreSQL; POST /api/v1/audit/verify checks against them.
export Audit__Anchor__DigestDirectory="$DATA/audit-digests"
export Audit__Anchor__SigningKeyPath="$DATA/keys/audit-anchor.key.pem"
export Audit__Anchor__VerificationKeyPath="$DATA/keys/audit-anchor.pub.pem"
export Audit__Anchor__GenerateKeysIfMissing=true
# The web app is the API's OIDC client rs-web (code + PKCE); its callback URLs follow the web port. The client is seeded
# once: after changing RS_WEB_PORT on an existing .data, delete .data or update the client's redirect URIs.
export Auth__WebClient__RedirectUris__0="http://127.0.0.1:$WEB_PORT/signin-oidc"
export Auth__WebClient__PostLogoutRedirectUris__0="http://127.0.0.1:$WEB_PORT/signout-callback-oidc"
# Notifications: e-mail goes to a local SMTP sink (smtp4dev, a local dotnet tool) whose web page shows every message.
export Notifications__Smtp__Host=127.0.0.1
export Notifications__Smtp__Port="$SMTP_PORT"
export Notifications__WebBaseUrl="http://127.0.0.1:$WEB_PORT/"
export Web__ApiBaseUrl="http://127.0.0.1:$API_PORT/"
export Web__Authority="http://127.0.0.1:$API_PORT/"

echo "==> applying migrations, seeding sign-in users and OIDC clients" >&2
# EF logs a failed probe of the history table on a brand-new database; that is expected, so keep it quiet.
# --seed-users is idempotent: it creates one user per role (passwords from RS_SEED_PASSWORD_<NAME> or RS_SEED_PASSWORD,
# else generated and printed once, when the user is created) and the rs-web / rs-grants clients.
env "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Fatal" dotnet api/ResearchSecurity.Api/bin/Release/net10.0/ResearchSecurity.Api.dll --contentRoot "$ROOT/api/ResearchSecurity.Api" --migrate-only --seed-users

# From here on the product connects as rs_api, a login in the application role rs_app that the migrations set up:
# full DML on its tables but no UPDATE/DELETE on audit_events. Migrations above ran as the cluster owner. Hangfire's
# schema (its job queue, which it creates and upgrades itself) belongs to rs_app.
pg_as_owner "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d researchsecurity -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rs_api') THEN CREATE ROLE rs_api LOGIN; END IF;
END $$;
GRANT rs_app TO rs_api;
CREATE SCHEMA IF NOT EXISTS hangfire AUTHORIZATION rs_app;
ALTER SCHEMA hangfire OWNER TO rs_app;
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'hangfire' LOOP
    EXECUTE format('ALTER TABLE hangfire.%I OWNER TO rs_app', r.tablename);
  END LOOP;
  FOR r IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'hangfire' LOOP
    EXECUTE format('ALTER SEQUENCE hangfire.%I OWNER TO rs_app', r.sequence_name);
  END LOOP;
END $$;
SQL
export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=researchsecurity;Username=rs_api"

# Watchlists: the real lists beside the repository (or RS_LISTS_DIR) are imported and put in force on first run;
# unchanged files change nothing on later runs. Without them the product starts with no lists and an administrator
# uploads them through /api/v1/watchlists.
LISTS="${RS_LISTS_DIR:-$ROOT/../shared/data/watchlists}"
if [[ -d "$LISTS" ]]; then
  echo "==> watchlists from $LISTS" >&2
  dotnet worker/ResearchSecurity.Cli/bin/Release/net10.0/ResearchSecurity.Cli.dll import-lists --list \
    "aspi=$LISTS/aspi-china-defence-universities.json" \
    "us-1286=$LISTS/ftm/us-dod-section-1286.ftm.jsonl" \
    "us-1260h=$LISTS/ftm/us-dod-1260h.ftm.jsonl" \
    "us-csl=$LISTS/us-trade-csl-sample.csv" || echo "!! some watchlists were refused (see above)" >&2
fi

echo "==> mail sink (smtp4dev): SMTP 127.0.0.1:$SMTP_PORT, messages at http://127.0.0.1:$MAIL_UI_PORT/" >&2
dotnet tool restore >/dev/null
mkdir -p "$DATA/mail"
dotnet tool run smtp4dev --urls="http://127.0.0.1:$MAIL_UI_PORT" --smtpport="$SMTP_PORT" --bindaddress=127.0.0.1 --imapport= --pop3port= \
  --db= --nousersettings --baseappdatapath="$DATA/mail" >"$DATA/logs/mail.log" 2>&1 &
PIDS+=($!)
dotnet api/ResearchSecurity.Api/bin/Release/net10.0/ResearchSecurity.Api.dll --contentRoot "$ROOT/api/ResearchSecurity.Api" --urls "http://127.0.0.1:$API_PORT" >"$DATA/logs/api.log" 2>&1 &
PIDS+=($!)
dotnet worker/ResearchSecurity.Worker/bin/Release/net10.0/ResearchSecurity.Worker.dll --contentRoot "$ROOT/worker/ResearchSecurity.Worker" --urls "http://127.0.0.1:$WORKER_PORT" >"$DATA/logs/worker.log" 2>&1 &
PIDS+=($!)
dotnet web/ResearchSecurity.Web/bin/Release/net10.0/ResearchSecurity.Web.dll --contentRoot "$ROOT/web/ResearchSecurity.Web" --urls "http://127.0.0.1:$WEB_PORT" >"$DATA/logs/web.log" 2>&1 &
PIDS+=($!)

wait_up() {
  local url="$1" i
  for i in $(seq 1 120); do curl -fsS "$url" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "!! $url did not come up; see $DATA/logs" >&2; return 1
}
wait_up "http://127.0.0.1:$API_PORT/health/live"
wait_up "http://127.0.0.1:$WORKER_PORT/health/live"
wait_up "http://127.0.0.1:$WEB_PORT/health/live"
wait_up "http://127.0.0.1:$MAIL_UI_PORT/"

cat >&2 <<MSG

ResearchSecurity is running.
  Web        http://127.0.0.1:$WEB_PORT/   <- open this and sign in as one of the users above
  API        http://127.0.0.1:$API_PORT/api/v1
  OpenAPI UI http://127.0.0.1:$API_PORT/scalar/v1   (document: /openapi/v1.json)
  Worker     http://127.0.0.1:$WORKER_PORT/health/live
  Mail       http://127.0.0.1:$MAIL_UI_PORT/   <- every notification e-mail lands here (SMTP 127.0.0.1:$SMTP_PORT)
  Logs       $DATA/logs/
  Sign-in    http://127.0.0.1:$API_PORT/account/signin   (users listed above; OIDC discovery: /.well-known/openid-configuration)
Development sign-in (local run only): send headers  X-Dev-User: <user id>  and  X-Dev-Roles: Investigator|IntegrityReviewer|GrantOfficer|Administrator|Auditor
Press Ctrl-C to stop.
MSG
wait -n "${PIDS[@]}" || true
if [[ $STOPPING -eq 0 ]]; then echo "!! a process exited; see $DATA/logs" >&2; fi
