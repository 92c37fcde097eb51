#!/usr/bin/env bash
# Print an access token for a demo user of the local Keycloak (realm suanli), e.g.
#   curl -H "Authorization: Bearer $(deploy/token.sh sme1)" http://127.0.0.1:8081/...
# Password grant on the confidential client 'marketplace'. Default password: demo.
# KC_URL may point elsewhere (default http://127.0.0.1:8180).
set -euo pipefail

user="${1:?usage: deploy/token.sh USER [PASSWORD]}"
password="${2:-demo}"
kc_url="${KC_URL:-http://127.0.0.1:8180}"

resp="$(curl -sS --max-time 15 \
  -d grant_type=password -d client_id=marketplace -d client_secret=marketplace-secret -d scope=openid \
  --data-urlencode "username=$user" --data-urlencode "password=$password" \
  "$kc_url/realms/suanli/protocol/openid-connect/token")" \
  || { echo "token.sh: cannot reach $kc_url (is 'deploy/infra.sh up' running?)" >&2; exit 1; }

# Plain sed instead of jq: the token itself never contains quotes, and jq may not be installed.
token="$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$resp")"
if [[ -z $token ]]; then
  echo "token.sh: no access token for '$user': $resp" >&2
  exit 1
fi
printf '%s\n' "$token"
