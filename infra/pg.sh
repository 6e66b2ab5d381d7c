#!/usr/bin/env bash
# Private PostgreSQL cluster helpers, sourced by run.sh and test.sh.
# The cluster runs from Debian's postgresql binaries as a plain process: no Docker, no system service.
set -euo pipefail

PG_BIN="${PG_BIN:-}"

pg_find_bin() {
  if [[ -n "$PG_BIN" && -x "$PG_BIN/initdb" ]]; then return 0; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" ]]; then PG_BIN="$d"; return 0; fi
  done
  return 1
}

# Installs the postgresql server package when missing (root only), else explains what to install.
pg_ensure_installed() {
  if pg_find_bin; then return 0; fi
  if [[ $(id -u) -eq 0 ]]; then
    echo "==> installing PostgreSQL server (apt-get install postgresql)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    # Debian's package starts a system cluster on 5432; we never use it, so stop it to free resources.
    (service postgresql stop >/dev/null 2>&1 || true)
    pg_find_bin || { echo "PostgreSQL binaries still not found after install" >&2; exit 1; }
  else
    echo "PostgreSQL server binaries not found. Install them with: sudo apt-get install postgresql" >&2
    exit 1
  fi
}

# Runs a command as the cluster owner: postgres when we are root (initdb refuses root), else ourselves.
pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_init DIR PORT [extra postgres options]: initialises DIR once (trust auth on loopback only).
pg_init() {
  local dir="$1"
  if [[ -f "$dir/PG_VERSION" ]]; then return 0; fi
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
}

# pg_start DIR PORT [extra -c options...]
pg_start() {
  local dir="$1" port="$2"; shift 2
  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1 $*"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null
}

pg_stop() {
  local dir="$1"
  if [[ -f "$dir/postmaster.pid" ]]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

pg_free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}
