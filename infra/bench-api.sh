#!/usr/bin/env bash
# Cost per request of the API's security path: starts the product (infra/bench-lib.sh), takes real access tokens
# through authorization code + PKCE (the seeded rs-web client, the API's own sign-in form), then runs `hey` with 8
# clients against one proposal. The reviewer's read is audited (ProposalViewed), the owner's own read is not: those
# two rows differ by the read audit. The development headers (Development only) skip token validation. Every bearer
# request passes the revocation check; run again with Auth__Revocation__CacheFor=00:00:00 to pay its database lookup
# on every request instead of once per user per 5 s.
# Usage: [Auth__Revocation__CacheFor=00:00:00] infra/bench-api.sh [requests per row, default 2000]
# Needs `hey`, `jq`, `openssl` and the lists beside the repository (../shared/data/watchlists).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source infra/pg.sh

REQUESTS="${1:-2000}"
CLIENTS=8
command -v hey >/dev/null || { [[ $EUID -eq 0 ]] && apt-get install -y -qq hey >/dev/null; } || { echo "Install hey: apt-get install hey" >&2; exit 1; }

source infra/bench-lib.sh

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
# An access token of $1 for the API, taken as the web app takes it: authorize -> sign-in form -> code -> token.
api_token() {
  local jar="$TMP/$1.api.jar" verifier challenge redirect form token return_url next callback code
  rm -f "$jar"
  verifier="$(head -c 32 /dev/urandom | b64url)"
  challenge="$(printf %s "$verifier" | openssl dgst -sha256 -binary | b64url)"
  redirect="$WEB/signin-oidc"
  next="$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' -G "$API/connect/authorize" \
    --data-urlencode client_id=rs-web --data-urlencode response_type=code --data-urlencode "redirect_uri=$redirect" \
    --data-urlencode "scope=openid profile roles api" --data-urlencode state=bench \
    --data-urlencode "code_challenge=$challenge" --data-urlencode code_challenge_method=S256)"
  form="$(curl -fsS -c "$jar" -b "$jar" "$next")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//')"
  return_url="$(grep -o 'name="returnUrl" value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//' | html_decode)"
  next="$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$API/account/signin" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=$return_url" \
    --data-urlencode "userName=$1" --data-urlencode "password=$PASSWORD")"
  callback="$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$next")"
  code="$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$callback")"
  [[ -n "$code" ]] || { echo "!! no authorization code for $1 (got $callback)" >&2; return 1; }
  curl -fsS "$API/connect/token" --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
    --data-urlencode "redirect_uri=$redirect" --data-urlencode client_id=rs-web --data-urlencode "code_verifier=$verifier" | jq -r .access_token
}

measure() {
  local label="$1" url="$2" auth="${3:-}" out
  local args=()
  case "$auth" in
    "") ;;
    dev:*) args=(-H "X-Dev-User: ${auth#dev:}" -H "X-Dev-Roles: Investigator") ;;
    *) args=(-H "Authorization: Bearer $auth") ;;
  esac
  curl -fsS -o /dev/null "${args[@]}" "$url" || { echo "!! cannot read $url" >&2; return 1; }
  hey -n 200 -c "$CLIENTS" "${args[@]}" "$url" >/dev/null   # warm-up
  out="$(hey -n "$REQUESTS" -c "$CLIENTS" "${args[@]}" "$url")"
  local rps p50 p95 p99 codes
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '/50%+ in/ {print $3*1000}' <<<"$out")"
  p95="$(awk '/95%+ in/ {print $3*1000}' <<<"$out")"
  p99="$(awk '/99%+ in/ {print $3*1000}' <<<"$out")"
  codes="$(awk '/Status code distribution/ {f=1; next} f && /\[/ {printf "%s%s ", $1, $2}' <<<"$out")"
  printf "| %-44s | %8.0f | %7.2f | %7.2f | %7.2f | %s |\n" "$label" "$rps" "$p50" "$p95" "$p99" "$codes"
}

REVIEWER_TOKEN="$(api_token reviewer)"
OWNER_TOKEN="$(api_token investigator)"
PROPOSAL="$API/api/v1/proposals/$REVIEW_ID"
echo "==> $REQUESTS requests per row, $CLIENTS clients ($(nproc) cores), revocation cache ${Auth__Revocation__CacheFor:-default (5 s)}" >&2
echo "| request                                      | req/s    | p50 ms  | p95 ms  | p99 ms  | status codes |"
echo "|----------------------------------------------|----------|---------|---------|---------|--------------|"
measure "GET /health/live (no auth)"                 "$API/health/live"
measure "GET proposal, owner, dev headers (no token)" "$PROPOSAL" "dev:$INVESTIGATOR_ID"
measure "GET proposal, owner's token (not audited)"  "$PROPOSAL" "$OWNER_TOKEN"
measure "GET proposal, reviewer's token (audited)"   "$PROPOSAL" "$REVIEWER_TOKEN"
