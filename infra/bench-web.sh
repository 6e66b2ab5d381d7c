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

TMP="$(mktemp -d /tmp/rs-bench-web-XXXXXX)"
chmod 755 "$TMP"
PASSWORD="Bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-9x"
export RS_DATA_DIR="$TMP/data" RS_SEED_PASSWORD="$PASSWORD"
export RS_PG_PORT="$(pg_free_port)" RS_API_PORT="$(pg_free_port)" RS_WORKER_PORT="$(pg_free_port)" RS_WEB_PORT="$(pg_free_port)"
# The API's per-user rate limit (300 requests a minute) would answer the load with 429s; the bench measures pages.
export Api__RateLimit__PermitLimit=10000000
API="http://127.0.0.1:$RS_API_PORT"
WEB="http://127.0.0.1:$RS_WEB_PORT"

infra/run.sh >"$TMP/run.log" 2>&1 &
RUN_PID=$!
cleanup() {
  local status=$?
  kill -TERM "$RUN_PID" 2>/dev/null || true; wait "$RUN_PID" 2>/dev/null || true
  if [[ $status -ne 0 ]]; then rm -rf /tmp/rs-bench-web-logs; cp -r "$TMP/data/logs" /tmp/rs-bench-web-logs 2>/dev/null && cp "$TMP/run.log" /tmp/rs-bench-web-logs/; echo "!! failed; logs kept in /tmp/rs-bench-web-logs" >&2; fi
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
echo "==> starting the product (log: $TMP/run.log)" >&2
for _ in $(seq 1 600); do
  grep -q "ResearchSecurity is running." "$TMP/run.log" && break
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$TMP/run.log" >&2; exit 1; }
  sleep 1
done
grep -q "ResearchSecurity is running." "$TMP/run.log" || { echo "!! the product did not start" >&2; exit 1; }

# Data: 30 submitted proposals of the seeded investigator with partners screened against the real lists.
dev() { curl -sS --fail-with-body -H "X-Dev-User: $1" -H "X-Dev-Roles: $2" -H "Content-Type: application/json" "${@:3}"; }
INVESTIGATOR_ID="$(dev bench-admin Administrator "$API/api/v1/users?pageSize=100" | jq -r '.items[] | select(.userName=="investigator") | .id')"
PARTNERS=("School of Aeronautics, Northwestern Polytechnical University, Xi'an" "Beihang University, Beijing" "University of Oxford"
          "Harbin Engineering University" "ETH Zurich" "National University of Defense Technology, Changsha")
echo "==> recording 30 proposals" >&2
IDS=()
for i in $(seq 1 30); do
  partner="${PARTNERS[$((i % ${#PARTNERS[@]}))]}"
  person="$(dev "$INVESTIGATOR_ID" Investigator -X POST "$API/api/v1/people" -d "{\"name\":\"Visiting Researcher $i\",\"email\":\"visitor$i@example.edu\"}" | jq -r .id)"
  id="$(dev "$INVESTIGATOR_ID" Investigator -X POST "$API/api/v1/proposals" -d "{\"title\":\"Bench proposal $i\",
    \"partners\":[{\"name\":$(jq -Rn --arg p "$partner" '$p'),\"country\":\"CN\",\"role\":\"Partner\"}],
    \"members\":[{\"personId\":\"$person\",\"role\":\"VisitingResearcher\"}],
    \"fundingSources\":[{\"funderName\":\"Example Research Council\",\"country\":\"GB\",\"amount\":1000,\"currency\":\"GBP\"}]}" | jq -r .id)"
  dev "$INVESTIGATOR_ID" Investigator -X POST "$API/api/v1/proposals/$id/submit" -d '{}' >/dev/null
  IDS+=("$id")
done
for id in "${IDS[@]}"; do
  for _ in $(seq 1 120); do
    [[ "$(dev "$INVESTIGATOR_ID" Investigator "$API/api/v1/proposals/$id/screening" | jq -r .status)" == done ]] && break
    sleep 0.5
  done
done
REVIEW_ID="${IDS[1]}"   # partner: Northwestern Polytechnical University (hits to show)

# Signs $1 in through the API's own form; leaves the cookie jar in $TMP/$1.jar.
sign_in() {
  local jar="$TMP/$1.jar" form token return_url
  form="$(curl -fsS -L -c "$jar" -b "$jar" "$WEB/")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//')"
  return_url="$(grep -o 'name="returnUrl" value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//;s/&amp;/\&/g')"
  curl -fsS -L -c "$jar" -b "$jar" -o /dev/null "$API/account/signin" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=$return_url" \
    --data-urlencode "userName=$1" --data-urlencode "password=$PASSWORD"
}
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$TMP/$1.jar"; }

measure() {
  local user="$1" page="$2" label="$3" cookie out
  cookie="$(cookie_header "$user")"
  curl -fsS -o /dev/null -H "Cookie: $cookie" "$WEB$page" || { echo "!! $user cannot open $page" >&2; return 1; }
  hey -n 40 -c "$CLIENTS" -H "Cookie: $cookie" "$WEB$page" >/dev/null   # warm-up
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
