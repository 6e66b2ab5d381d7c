#!/usr/bin/env bash
# Runs every test project of the solution against a throwaway PostgreSQL cluster.
# Usage: infra/test.sh [extra dotnet test args]   (exit status = the tests' status)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source infra/pg.sh

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://dot.net)." >&2; exit 1; }
pg_ensure_installed
source infra/browser.sh
browser_ensure_installed

TMP="$(mktemp -d /tmp/rs-test-XXXXXX)"
chmod 755 "$TMP"
PGDATA_DIR="$TMP/pg"
PORT="$(pg_free_port)"
cleanup() {
  pg_stop "$PGDATA_DIR"
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

echo "==> starting throwaway PostgreSQL on 127.0.0.1:$PORT" >&2
pg_init "$PGDATA_DIR"
# fsync off: test data is disposable, and it makes the suite several times faster.
pg_start "$PGDATA_DIR" "$PORT" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300

export RS_TEST_PG="Host=127.0.0.1;Port=$PORT;Username=postgres;Include Error Detail=true"
export RS_SHARED_DATA="${RS_SHARED_DATA:-$ROOT/../shared/data}"

# The OpenAPI contract checks: Redocly CLI (pinned in tools/openapi-lint, installed into its ignored node_modules) lints
# the served document in OpenApiLintTests; Kiota (pinned in .config/dotnet-tools.json) generates the client that
# tests/ResearchSecurity.Api.ClientTests compiles and calls.
command -v npm >/dev/null || { echo "Node.js 20.19+ (or 22.12+) with npm is required for the OpenAPI lint." >&2; exit 1; }
echo "==> installing the pinned OpenAPI tools (npm ci in tools/openapi-lint, dotnet tool restore)" >&2
(cd tools/openapi-lint && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dotnet tool restore >/dev/null
export RS_REDOCLY="$ROOT/tools/openapi-lint/node_modules/.bin/redocly"
export RS_OPENAPI_LINT_REPORT="$TMP/openapi-lint.txt"

echo "==> building" >&2
dotnet build ResearchSecurity.sln -c Release -nologo -v q

echo "==> testing" >&2
set +e
dotnet test ResearchSecurity.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
STATUS=$?
set -e
if [[ -f "$RS_OPENAPI_LINT_REPORT" ]]; then echo "==> $(cat "$RS_OPENAPI_LINT_REPORT")" >&2; fi
exit $STATUS
