#!/usr/bin/env bash
# Server time of the web pages under load: starts the whole product (infra/run.sh) on a throwaway data folder and
# free ports, records a small realistic data set through the API, signs each role in through the real sign-in form
# (cookie jar, as a browser would), then runs `hey` with 8 concurrent clients against each page and prints p50/p95/p99.
# Usage: infra/bench-web.sh [requests per page, default 400]
# Needs `hey` (apt-get install hey) and the lists beside the repository (../shared/data/watchlists).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source infra/pg.sh

REQUESTS="${1:-400}"
CLIENTS=8
command -v hey >/dev/null || { [[ $EUID -eq 0 ]] && apt-get install -y -qq hey >/dev/null; } || { echo "Install hey: apt-get install hey" >&2; exit 1; }

source infra/bench-lib.sh

measure() {
  local user="$1" page="$2" label="$3" cookie out
  cookie="$(cookie_header "$user")"
  curl -fsS -o /dev/null -H "Cookie: $cookie" "$WEB$page" || { echo "!! $user cannot open $page" >&2; return 1; }
  # Warm-up: until the JIT has tiered up the page's code paths, the first page measured would carry start-up cost.
  hey -n 200 -c "$CLIENTS" -H "Cookie: $cookie" "$WEB$page" >/dev/null
  out="$(hey -n "$REQUESTS" -c "$CLIENTS" -H "Cookie: $cookie" "$WEB$page")"
  local p50 p95 p99 codes
  p50="$(awk '/50%+ in/ {print $3*1000}' <<<"$out")"
  p95="$(awk '/95%+ in/ {print $3*1000}' <<<"$out")"
  p99="$(awk '/99%+ in/ {print $3*1000}' <<<"$out")"
  codes="$(awk '/Status code distribution/ {f=1; next} f && /\[/ {printf "%s%s ", $1, $2}' <<<"$out")"
  printf "| %-34s | %-13s | %7.1f | %7.1f | %7.1f | %s |\n" "$label" "$user" "$p50" "$p95" "$p99" "$codes"
}

for user in investigator reviewer grant-officer administrator auditor; do sign_in "$user"; done
echo "==> $REQUESTS requests per page, $CLIENTS clients ($(nproc) cores)" >&2
echo "| page                               | user          | p50 ms  | p95 ms  | p99 ms  | status codes |"
echo "|------------------------------------|---------------|---------|---------|---------|--------------|"
measure investigator  /                          "Investigator dashboard"
measure investigator  /Proposals                 "My proposals"
measure reviewer      /                          "Reviewer dashboard"
measure reviewer      /Review                    "Review queue"
measure reviewer      "/Review/Proposal/$REVIEW_ID" "Review page (hits, history)"
measure grant-officer /                          "Grant officer dashboard"
measure administrator /                          "Administrator dashboard"
measure auditor       /                          "Auditor dashboard"
