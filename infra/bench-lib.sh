# Shared by the bench scripts (sourced, not run): starts the whole product (infra/run.sh) on a throwaway data folder
# and free ports, records 30 submitted proposals of the seeded investigator screened against the real lists, and
# signs users in through the API's own form. Extra environment (e.g. Auth__Revocation__CacheFor) reaches the hosts.
# Sets TMP, API, WEB, PASSWORD, INVESTIGATOR_ID, IDS, REVIEW_ID; defines dev, sign_in, cookie_header.
TMP="$(mktemp -d /tmp/rs-bench-XXXXXX)"
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
  if [[ $status -ne 0 ]]; then rm -rf /tmp/rs-bench-logs; cp -r "$TMP/data/logs" /tmp/rs-bench-logs 2>/dev/null && cp "$TMP/run.log" /tmp/rs-bench-logs/; echo "!! failed; logs kept in /tmp/rs-bench-logs" >&2; fi
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

# The sign-in form's hidden fields are HTML-encoded (&amp;, &#x2B; ...).
html_decode() { python3 -c 'import html, sys; sys.stdout.write(html.unescape(sys.stdin.read().strip()))'; }

# Signs $1 in through the API's own form; leaves the cookie jar in $TMP/$1.jar.
sign_in() {
  local jar="$TMP/$1.jar" form token return_url
  form="$(curl -fsS -L -c "$jar" -b "$jar" "$WEB/")"
  token="$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//')"
  return_url="$(grep -o 'name="returnUrl" value="[^"]*"' <<<"$form" | sed 's/.*value="//;s/"$//' | html_decode)"
  curl -fsS -L -c "$jar" -b "$jar" -o /dev/null "$API/account/signin" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "returnUrl=$return_url" \
    --data-urlencode "userName=$1" --data-urlencode "password=$PASSWORD"
}
cookie_header() { awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$TMP/$1.jar"; }
