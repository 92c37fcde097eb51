#!/usr/bin/env bash
# Demo data through the real APIs with real tokens, as users would enter it: buyers registered by the
# bureau, the demo catalog (partners, vetting, offerings), then a few orders taken to completion.
# Safe to re-run: what exists already is left as it is.
set -euo pipefail
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DEPLOY_DIR/.." && pwd)"
# deploy/cluster.sh points it at its own instances; deploy/run.sh and deploy/test.sh use the defaults.
VOUCHER="${DEMO_VOUCHER_URL:-http://127.0.0.1:8083}"
ORDER="${DEMO_ORDER_URL:-http://127.0.0.1:8082}"
CATALOG="${DEMO_CATALOG_URL:-http://127.0.0.1:8081}"

log() { printf '[demo %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
token() { "$DEPLOY_DIR/token.sh" "$1"; }
# The first "name":"value" of a JSON document (the top-level field in our responses). No jq needed.
json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }

ADMIN="$(token admin1)"

# --- buyers (voucher-service registry) -------------------------------------------------------------
register() { # id name creditCode type sme foundationModel capOverride
  local cap="null"; [[ -n ${7:-} ]] && cap="\"$7\""
  curl -fsS -o /dev/null -X PUT "$VOUCHER/api/buyers/$1" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$2\",\"creditCode\":\"$3\",\"type\":\"$4\",\"sme\":$5,\"foundationModel\":$6,\"capOverride\":$cap,\"reason\":\"demo registration\"}"
}
register ent-xihu-ai        "西湖智能科技有限公司"         91330106MA28LXQ7KT ENTERPRISE true  false
register ent-qiantang-bio   "钱塘生物计算有限公司"         91330114MA2CX8W31N ENTERPRISE false false
register ent-binjiang-robot "滨江具身智能大模型有限公司"   91330108MA2HB7RP5U ENTERPRISE false true 20000000.00
register uni-zju-ai-lab     "浙江大学人工智能协同创新中心" 12330000470003352G UNIVERSITY false false
log "buyers registered (4)"

# --- catalog ------------------------------------------------------------------------------------------
CATALOG_URL="$CATALOG" "$REPO/catalog-service/src/main/demo/load-demo.sh"

# --- orders through the real path -------------------------------------------------------------------
SME1="$(token sme1)"
if curl -fsS "$ORDER/api/orders" -H "Authorization: Bearer $SME1" | grep -q '"total":[1-9]'; then
  log "demo orders exist already"
  exit 0
fi

offering() { # buyer-token query → id of the cheapest match
  curl -fsS "$CATALOG/api/offerings?$2&sort=price&size=1" -H "Authorization: Bearer $1" | json_field id
}
place() { # buyer-token offering hours mode → order id
  local start end
  start="$(date -u -d '+2 minutes' +%Y-%m-%dT%H:%M:%SZ)"; end="$(date -u -d '+14 days' +%Y-%m-%dT%H:%M:%SZ)"
  curl -fsS -X POST "$ORDER/api/orders" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: demo-$(date +%s%N)" \
    -d "{\"offeringId\":\"$2\",\"gpuHours\":\"$3\",\"windowStart\":\"$start\",\"windowEnd\":\"$end\",\"zhinengMode\":\"$4\"}" | json_field id
}
await_state() { # token order state...
  local tok="$1" id="$2"; shift 2
  for _ in $(seq 1 120); do
    local s; s="$(curl -fsS "$ORDER/api/orders/$id" -H "Authorization: Bearer $tok" | json_field state)"
    for want in "$@"; do [[ $s == "$want" ]] && { echo "$s"; return 0; }; done
    sleep 0.5
  done
  echo "order $id did not reach $* (last: $s)" >&2; return 1
}
deliver() { # partner-token order hours invoice (a retried report with the same key is recorded once)
  curl -fsS -o /dev/null -X POST "$ORDER/api/orders/$2/delivery" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: demo-delivery-$2" -d "{\"gpuHoursUsed\":\"$3\",\"invoiceNumber\":\"$4\"}"
}

SME2="$(token sme2)"; SME3="$(token sme3)"; UNI1="$(token uni1)"; P1="$(token partner1)"; P2="$(token partner2)"
ascend="$(offering "$SME1" 'acceleratorModel=910B&category=COMPUTE')"
h100="$(offering "$SME2" 'acceleratorModel=H100&category=COMPUTE')"
a800="$(offering "$UNI1" 'acceleratorModel=A800&category=COMPUTE')"

o1="$(place "$SME1" "$ascend" 500.0 NONE)"
o2="$(place "$SME2" "$h100" 1000.0 SEPARATE_APPLICATION)"
o3="$(place "$UNI1" "$a800" 200.0 EXEMPT_MATCHING)"
o4="$(place "$SME3" "$ascend" 300.0 NONE)"
await_state "$SME1" "$o1" CONFIRMED >/dev/null
await_state "$SME2" "$o2" CONFIRMED >/dev/null
await_state "$UNI1" "$o3" CONFIRMED >/dev/null
await_state "$SME3" "$o4" CONFIRMED >/dev/null
deliver "$P1" "$o1" 480.0 "ZJ-INV-$(date +%Y%m%d)-0001"
deliver "$P2" "$o2" 1000.0 "ZJ-INV-$(date +%Y%m%d)-0002"
curl -fsS -o /dev/null -X POST "$ORDER/api/orders/$o4/cancel" -H "Authorization: Bearer $SME3" -H 'Content-Type: application/json' \
  -d '{"reason":"项目延期"}'
await_state "$SME1" "$o1" COMPLETED >/dev/null
await_state "$SME2" "$o2" COMPLETED >/dev/null
log "orders: $o1 and $o2 completed, $o3 confirmed, $o4 cancelled"
