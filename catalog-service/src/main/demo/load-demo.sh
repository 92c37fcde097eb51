#!/usr/bin/env bash
# Loads the demo catalog into a RUNNING catalog-service through its real API with real Keycloak tokens:
# each partner applies (as its own user), the bureau (admin1) approves those with an approval.json, and
# approved partners create their offerings and publish them (files named *.draft.json stay drafts).
#
#   catalog-service/src/main/demo/load-demo.sh            # catalog on http://127.0.0.1:8081
#   CATALOG_URL=http://host:8081 catalog-service/src/main/demo/load-demo.sh
#
# Data: catalog-service/src/main/resources/demo/catalog/<NN-partner-id>/{user,application.json,approval.json,offerings/*.json}
# Offerings' validity windows: @VALID_FROM@ = the first day of this month (UTC), @VALID_TO@ = a year later.
# Re-running is safe: a partner already applied is not applied again, one that already has offerings
# gets none added. Needs only bash, curl, sed and deploy/token.sh (no jq).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
data="${DEMO_DATA:-$root/catalog-service/src/main/resources/demo/catalog}"
url="${CATALOG_URL:-http://127.0.0.1:8081}"
token() { "$root/deploy/token.sh" "$1"; }

year="$(date -u +%Y)"
month="$(date -u +%m)"
valid_from="${year}-${month}-01T00:00:00Z"
valid_to="$((year + 1))-${month}-01T00:00:00Z"

tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

# call METHOD PATH TOKEN [BODY_FILE] → sets $status (HTTP status) and $body (response body)
call() {
  local method="$1" path="$2" tok="$3" file="${4:-}"
  if [[ -n $file ]]; then
    status="$(sed -e "s/@VALID_FROM@/$valid_from/g" -e "s/@VALID_TO@/$valid_to/g" "$file" |
      curl -sS --max-time 20 -X "$method" -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
        --data-binary @- -o "$tmp" -w '%{http_code}' "$url$path")"
  else
    status="$(curl -sS --max-time 20 -X "$method" -H "Authorization: Bearer $tok" -o "$tmp" -w '%{http_code}' "$url$path")"
  fi
  body="$(cat "$tmp")"
}

expect() { # expect STATUS WHAT
  if [[ $status != "$1" ]]; then
    echo "load-demo: $2 failed with HTTP $status: $body" >&2
    exit 1
  fi
}

curl -sS --max-time 5 -o /dev/null "$url/q/health/live" \
  || { echo "load-demo: catalog-service is not answering at $url" >&2; exit 1; }

admin="$(token admin1)"
for dir in "$data"/*/; do
  dir="${dir%/}"
  partner="$(basename "$dir")"; partner="${partner#*-}"
  user="$(tr -d '[:space:]' < "$dir/user")"
  tok="$(token "$user")"

  call GET /api/partners/me "$tok"
  if [[ $status == 404 ]]; then
    call PUT /api/partners/me "$tok" "$dir/application.json"
    expect 200 "application of $partner"
    echo "  $partner applied"
  fi
  expect 200 "reading partner $partner"
  if [[ -f $dir/approval.json ]] && grep -q '"status":"PENDING"' <<<"$body"; then
    call POST "/api/partners/$partner/approve" "$admin" "$dir/approval.json"
    expect 200 "approval of $partner"
    echo "  $partner approved by admin1"
  fi

  [[ -d $dir/offerings ]] || continue
  call GET /api/partners/me/offerings "$tok"
  expect 200 "listing offerings of $partner"
  if [[ $body != "[]" ]]; then
    echo "  $partner already has offerings: skipped"
    continue
  fi
  for file in "$dir"/offerings/*.json; do
    call POST /api/partners/me/offerings "$tok" "$file"
    expect 201 "offering $(basename "$file") of $partner"
    id="$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' <<<"$body")"
    if [[ $file == *.draft.json ]]; then
      echo "  $partner drafted $id ($(basename "$file"))"
      continue
    fi
    call POST "/api/partners/me/offerings/$id/publish" "$tok"
    expect 200 "publishing $id of $partner"
    echo "  $partner published $id ($(basename "$file"))"
  done
done
echo "load-demo: catalog loaded at $url"
