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

echo "==> building" >&2
dotnet build ResearchSecurity.sln -c Release -nologo -v q

echo "==> testing" >&2
set +e
dotnet test ResearchSecurity.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
STATUS=$?
set -e
exit $STATUS
