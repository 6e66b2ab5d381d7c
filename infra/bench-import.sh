#!/usr/bin/env bash
# Bulk import of visiting researchers, end to end: starts the whole product (infra/run.sh) on a throwaway data folder,
# writes a CSV of N visitors whose affiliations are the real, noisy ROR/Springer strings (../shared/data/affiliations),
# posts it to POST /api/v1/imports/visitors as an investigator, and times (1) the import request — rows checked,
# people, audit events and screening outbox rows committed in one transaction, jobs scheduled — and (2) the screening
# the worker then does, until no run of those people is pending or running.
# Usage: infra/bench-import.sh [rows, default 5000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
source infra/pg.sh
pg_find_bin

ROWS="${1:-5000}"
DATA="${RS_SHARED_DATA:-$ROOT/../shared/data}"
source infra/bench-lib.sh

CSV="$TMP/visitors.csv"
python3 - "$DATA/affiliations/ror-springer-2023.json" "$ROWS" "$CSV" <<'PY'
import csv, json, random, sys
affiliations = [a["affiliation"] for a in json.load(open(sys.argv[1]))]
rows, out = int(sys.argv[2]), sys.argv[3]
random.seed(5)
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Name", "Native name", "E-mail", "ORCID", "Affiliation", "Affiliation country", "Affiliation kind", "Affiliation start",
                "Host department", "Host PI", "Visit start", "Visit end", "Sponsor", "Proposal id"])
    for i in range(rows):
        month = 1 + i % 12
        w.writerow([f"Bench Visitor {i}", "", f"bench.visitor{i}@example.edu", "", random.choice(affiliations)[:1000], "", "Employment", "",
                    "Department of Physics", "Prof. A. Smith", f"2027-{month:02d}-01", f"2027-{month:02d}-28", "China Scholarship Council", ""])
PY
echo "==> $(wc -l <"$CSV") lines, $(du -h "$CSV" | cut -f1) of CSV" >&2

psql_count() { "$PG_BIN/psql" -h 127.0.0.1 -p "$RS_PG_PORT" -U postgres -d researchsecurity -Atc "$1"; }
START=$(date +%s.%N)
RESULT="$(curl -sS --fail-with-body -H "X-Dev-User: $INVESTIGATOR_ID" -H "X-Dev-Roles: Investigator" \
  -F "file=@$CSV;type=text/csv" "$API/api/v1/imports/visitors?mode=AllOrNothing")"
IMPORTED=$(date +%s.%N)
echo "==> import answered: $(jq -c '{imported, skipped}' <<<"$RESULT")" >&2
RUNS="$(psql_count "SELECT count(*) FROM screening_runs r JOIN people p ON p.id = r.person_id WHERE p.name LIKE 'Bench Visitor %'")"
while :; do
  LEFT="$(psql_count "SELECT count(*) FROM screening_runs r JOIN people p ON p.id = r.person_id WHERE p.name LIKE 'Bench Visitor %' AND r.outcome IN ('Pending', 'Running')")"
  [[ "$LEFT" == 0 ]] && break
  sleep 1
done
SCREENED=$(date +%s.%N)
FAILED="$(psql_count "SELECT count(*) FROM screening_runs r JOIN people p ON p.id = r.person_id WHERE p.name LIKE 'Bench Visitor %' AND r.outcome = 'Failed'")"
HITS="$(psql_count "SELECT count(*) FROM screening_hits h JOIN people p ON p.id = h.person_id WHERE p.name LIKE 'Bench Visitor %'")"
python3 - "$START" "$IMPORTED" "$SCREENED" "$ROWS" "$RUNS" "$FAILED" "$HITS" <<'PY'
import sys
start, imported, screened = map(float, sys.argv[1:4]); rows, runs, failed, hits = map(int, sys.argv[4:8])
print(f"| visitors | import request | screening after it | total | screening runs | failed | hits |")
print(f"|---|---|---|---|---|---|---|")
print(f"| {rows:,} | {imported - start:.1f} s | {screened - imported:.1f} s | {screened - start:.1f} s | {runs:,} | {failed} | {hits:,} |")
PY
