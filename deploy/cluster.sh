#!/usr/bin/env bash
# Cluster mode on one machine, with real engines: a three-broker KRaft Kafka cluster and two instances of each
# service, against the PostgreSQL and Keycloak that deploy/infra.sh runs (databases of its own: <db>_cluster).
# The default local path (deploy/run.sh, deploy/test.sh) is untouched by it and can run beside it.
#
#   deploy/cluster.sh up         wipe and start: 3 brokers (combined broker+controller), every topic created with
#                                replication factor 3 and min.insync.replicas 2, the *_cluster databases made anew,
#                                two instances of each service, the demo data of deploy/demo.sh; prints time to ready
#   deploy/cluster.sh test       under a steady order load SIGKILL one broker and one instance of each service
#                                (together), check nothing is lost and decisions never stall > 15 s; exit 1 on a
#                                breach; appends to bench/orders/CLUSTER.md (bench/orders, -Dbench.mode=cluster)
#   deploy/cluster.sh start      start what is not running (after a kill) and wait until it is ready
#   deploy/cluster.sh kill NAME  SIGKILL one process: kafka-1..3, catalog-service-a, order-service-b, …
#   deploy/cluster.sh status     one line per process and the topics' leaders and ISRs; exit 0 only if all are up
#   deploy/cluster.sh down       stop everything it started; delete the brokers' data, drop the *_cluster databases
#                                (logs are kept in .run/cluster/logs)
#
# Needs deploy/infra.sh up (PostgreSQL for the roles, Keycloak with the realm; also its cached Kafka jars) and the
# services' jars (./mvnw -B package -DskipTests). Ports (127.0.0.1): brokers 9192-9194, controllers 9292-9294,
# instance a 8181-8184, instance b 8281-8284 (catalog, order, voucher, settlement).
# Settings: CLUSTER_POOL (JDBC pool per instance, 10), CLUSTER_SERVICE_HEAP, CLUSTER_KAFKA_HEAP, CLUSTER_FETCH; for test,
# arguments after "test" go to the load generator (e.g. -Dbench.rate=12 -Dbench.fault-seconds=30).
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DEPLOY_DIR/.." && pwd)"
CRUN="$REPO/.run/cluster"
LOGS="$CRUN/logs"
PIDS="$CRUN/pids"
CONF="$CRUN/conf"
CACHE="${SUANLI_CACHE:-$HOME/.cache/suanli}"

KAFKA_VERSION=4.4.0
KAFKA_HOME="$CACHE/kafka-$KAFKA_VERSION"      # the jars deploy/infra.sh resolved and cached
KAFKA_HEAP="${CLUSTER_KAFKA_HEAP:--Xms128m -Xmx384m}"
BROKERS=(1 2 3)
broker_port() { echo $((9191 + $1)); }
controller_port() { echo $((9291 + $1)); }
BOOTSTRAP="127.0.0.1:9192,127.0.0.1:9193,127.0.0.1:9194"
VOTERS="1@127.0.0.1:9292,2@127.0.0.1:9293,3@127.0.0.1:9294"

# Topics as the services meet them locally (deploy/kafka/server.properties: 4 partitions), here made explicitly:
# the event topics, the one published but not yet consumed, and the dead-letter topics (<group>.<topic>.dlq).
TOPICS=(orders:4 catalog.offerings:4 vouchers:4 catalog.partners:4 settlements:4
        catalog-service.orders.dlq:4 order-service.catalog.offerings.dlq:4 order-service.vouchers.dlq:4
        voucher-service.orders.dlq:4 voucher-service.catalog.offerings.dlq:4 voucher-service.catalog.partners.dlq:4
        settlement-service.orders.dlq:4 settlement-service.vouchers.dlq:4)

# name:index:database — instance a listens on 818<index>, instance b on 828<index>
SERVICES=(catalog-service:1:catalog order-service:2:orders voucher-service:3:voucher settlement-service:4:settlement)
INSTANCES=(a b)
port_of() { local idx="$1" inst="$2"; [[ $inst == a ]] && echo "818$idx" || echo "828$idx"; }
SERVICE_HEAP="${CLUSTER_SERVICE_HEAP:--Xms64m -Xmx320m}"
SERVICE_JIT="${SERVICE_JIT--XX:TieredStopAtLevel=1}" # C1 only on a small machine: see deploy/services.sh
# Consumers here return at the first record and otherwise wait 500 ms (Kafka's defaults), not the kernel's 64 KiB /
# 20 ms: eleven JVMs share two cores, and each consumer asking its broker 50 times a second cost this cluster its
# headroom (05:54 run: arrival→decided p50 25.6 s before any fault, against 3.9 s with the defaults). See
# deploy/PRODUCTION.md §6 for the trade-off.
FETCH="${CLUSTER_FETCH:--Dmp.messaging.connector.smallrye-kafka.fetch.min.bytes=1 -Dmp.messaging.connector.smallrye-kafka.fetch.max.wait.ms=500}"
# 8 instances × 10 = 80 connections at most, beside the single stack's 4 × 30 and the tests' (max_connections 300).
POOL="${CLUSTER_POOL:-10}"
READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-240}"
KC_URL="http://127.0.0.1:8180"

log()  { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die()  { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Every process this script starts carries -Dsuanli.cluster=<name>; a pid file counts only if that process is alive.
pid_alive() {
  local f="$PIDS/$1.pid" pid
  [[ -f $f ]] || return 1
  pid="$(<"$f")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dsuanli.cluster=$1 "
}

as_postgres() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@")
  else (cd / && sudo -n -u postgres "$@"); fi
}
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p 5432 "$@"; }

# ---------------------------------------------------------------- Kafka
# Tools (storage format, topics) log to $LOGS/tools/kafka.log; the brokers each to $LOGS/kafka-N/kafka.log.
kafka_java() { java -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.xml" -Dkafka.logs.dir="$LOGS/tools" -cp "$KAFKA_HOME/lib/*" "$@"; }

kafka_configure() {
  local n="$1" dir="$CRUN/kafka-$1"
  mkdir -p "$dir" "$CONF"
  cat >"$CONF/kafka-$n.properties" <<PROPS
# Written by deploy/cluster.sh: node $n of three, broker and KRaft controller in one JVM, loopback only.
process.roles=broker,controller
node.id=$n
listeners=PLAINTEXT://127.0.0.1:$(broker_port "$n"),CONTROLLER://127.0.0.1:$(controller_port "$n")
advertised.listeners=PLAINTEXT://127.0.0.1:$(broker_port "$n")
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
controller.quorum.voters=$VOTERS
log.dirs=$dir

# Every topic is created by deploy/cluster.sh (deploy/kafka/ClusterTopics.java), none by the brokers.
auto.create.topics.enable=false
num.partitions=4
default.replication.factor=3
min.insync.replicas=2
unclean.leader.election.enable=false
offsets.topic.replication.factor=3
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
group.initial.rebalance.delay.ms=0

# A broker that stops heartbeating is fenced after 3 s (default 9 s): its partitions get new leaders and it leaves
# their ISRs, so acks=all writes go on with the two others. The groups it coordinated move with its partitions of
# __consumer_offsets, and only then does a dead instance's session (6 s) start to run out: with 6 s here the first
# decisions after the KRaft leader's kill came 15.2 s later (bench/orders/CLUSTER.md, 2026-12-02 04:52).
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=500
replica.lag.time.max.ms=10000

num.network.threads=2
num.io.threads=2
log.retention.hours=24
log.segment.bytes=67108864
PROPS
  if [[ ! -f $dir/meta.properties ]]; then
    kafka_java kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$CONF/kafka-$n.properties" \
      >>"$LOGS/kafka-format.log" 2>&1 || { cat "$LOGS/kafka-format.log" >&2; die "kafka-$n: storage format failed"; }
  fi
}

declare -A LOG_OFFSET
kafka_start() {
  local n="$1" name="kafka-$1"
  if pid_alive "$name"; then log "$name: already running (pid $(<"$PIDS/$name.pid"))"; return 0; fi
  port_open "$(broker_port "$n")" && die "127.0.0.1:$(broker_port "$n") is taken by a process this script did not start"
  mkdir -p "$LOGS/$name"
  LOG_OFFSET[$name]="$(stat -c %s "$LOGS/$name/kafka.log" 2>/dev/null || echo 0)"
  # shellcheck disable=SC2086
  setsid java $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true "-Dsuanli.cluster=$name" \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.xml" -Dkafka.logs.dir="$LOGS/$name" \
    -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$CONF/kafka-$n.properties" >"$LOGS/$name.out" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
  STARTED+=("$name")
}

kafka_ready() {
  local n="$1" name="kafka-$1"
  port_open "$(broker_port "$n")" || return 1
  tail -c "+$((${LOG_OFFSET[$name]:-0} + 1))" "$LOGS/$name/kafka.log" 2>/dev/null | grep -q 'Kafka Server started'
}

# ---------------------------------------------------------------- services
stork() { # config key, address list → system properties that send the REST client to both instances, round robin
  echo "-Dquarkus.rest-client.$1.url=stork://$1 -Dquarkus.stork.$1.service-discovery.type=static" \
       "-Dquarkus.stork.$1.service-discovery.address-list=$2 -Dquarkus.stork.$1.load-balancer.type=round-robin"
}
CATALOG_LIST="127.0.0.1:8181,127.0.0.1:8281"
ORDER_LIST="127.0.0.1:8182,127.0.0.1:8282"
VOUCHER_LIST="127.0.0.1:8183,127.0.0.1:8283"

service_start() {
  local svc="$1" idx="$2" db="$3" inst="$4" name="$1-$4" port jar="$REPO/$1/target/quarkus-app/quarkus-run.jar"
  port="$(port_of "$idx" "$inst")"
  if pid_alive "$name"; then log "$name: already running (pid $(<"$PIDS/$name.pid"))"; return 0; fi
  [[ -f $jar ]] || die "$jar is missing: build first (./mvnw -B package -DskipTests)"
  port_open "$port" && die "127.0.0.1:$port is taken by a process this script did not start"
  local calls=""
  case $svc in
    catalog-service) calls="$(stork voucher "$VOUCHER_LIST")" ;;
    order-service) calls="$(stork catalog "$CATALOG_LIST")" ;;
    settlement-service) calls="$(stork voucher "$VOUCHER_LIST") $(stork orders "$ORDER_LIST") $(stork catalog "$CATALOG_LIST")" ;;
  esac
  # The access log (in the instance's log) shows which instance each call reached (bench/orders counts them).
  # The development secrets as deploy/services.sh hands them; SUANLI_INSTANCE_ID names the static consumer-group
  # member (<id>-<channel>), so each instance has its own and keeps it across restarts.
  # shellcheck disable=SC2086
  setsid env "QUARKUS_DATASOURCE_PASSWORD=$db" "OIDC_CLIENT_SECRET=marketplace-secret" \
    "DASHBOARD_SESSION_SECRET=dev-only-dashboard-session-secret-change-me-0123456789" \
    "KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP" "SUANLI_INSTANCE_ID=$name" \
    java $SERVICE_HEAP $SERVICE_JIT $FETCH "-Dsuanli.cluster=$name" "-Dquarkus.http.port=$port" \
    "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/${db}_cluster" \
    "-Dquarkus.datasource.jdbc.max-size=$POOL" -Dquarkus.http.access-log.enabled=true $calls \
    -jar "$jar" >>"$LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$PIDS/$name.pid"
  STARTED+=("$name")
}

# As the manifests' readiness probe sees it (deploy/k8s: timeout 3 s, failureThreshold 2): an instance busy under
# load may answer one probe late without being taken out of service.
ready_http() {
  local try
  for try in 1 2; do
    curl -fsS --max-time 3 "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 && return 0
  done
  return 1
}

# name → how to tell it is ready
is_ready() {
  local name="$1" s svc idx db
  if [[ $name == kafka-* ]]; then kafka_ready "${name#kafka-}"; return; fi
  for s in "${SERVICES[@]}"; do
    IFS=: read -r svc idx db <<<"$s"
    [[ $name == "$svc-a" ]] && { ready_http "$(port_of "$idx" a)"; return; }
    [[ $name == "$svc-b" ]] && { ready_http "$(port_of "$idx" b)"; return; }
  done
  return 1
}

log_of() { [[ $1 == kafka-* ]] && echo "$LOGS/$1/kafka.log" || echo "$LOGS/$1.log"; }

# Waits for each name given, in parallel; prints seconds to ready per process.
wait_all() {
  local t0="$1"; shift
  local -A done_at=()
  local deadline=$((SECONDS + READY_TIMEOUT)) name pending
  while :; do
    pending=0
    for name in "$@"; do
      [[ -n ${done_at[$name]:-} ]] && continue
      if is_ready "$name"; then
        done_at[$name]="$(secs_since "$t0")"
        local rss; rss=$(awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$(<"$PIDS/$name.pid")/status" 2>/dev/null || echo "?")
        log "$name: ready after ${done_at[$name]} s, RSS $rss"
        continue
      fi
      pid_alive "$name" || { tail -n 30 "$(log_of "$name")" >&2 || true; die "$name exited during startup (log: $(log_of "$name"))"; }
      pending=1
    done
    ((pending)) || break
    ((SECONDS < deadline)) || die "not ready after ${READY_TIMEOUT}s: $(for n in "$@"; do [[ -n ${done_at[$n]:-} ]] || printf '%s ' "$n"; done)"
    sleep 0.5
  done
}

# ---------------------------------------------------------------- commands
preflight() {
  command -v java >/dev/null || die "java not found"
  [[ -f $KAFKA_HOME/lib/kafka_2.13-$KAFKA_VERSION.jar ]] || die "Kafka jars not cached in $KAFKA_HOME: run deploy/infra.sh up once"
  pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL does not answer on 127.0.0.1:5432: deploy/infra.sh up"
  curl -fsS --max-time 5 -o /dev/null "$KC_URL/realms/suanli/.well-known/openid-configuration" \
    || die "Keycloak realm suanli does not answer at $KC_URL: deploy/infra.sh up"
  mkdir -p "$LOGS" "$PIDS" "$CONF"
}

# The *_cluster databases, made anew (owned by the services' roles, which deploy/infra.sh creates).
databases_fresh() {
  local s svc idx db
  for s in "${SERVICES[@]}"; do
    IFS=: read -r svc idx db <<<"$s"
    psql_admin -d postgres -At -c "select 1 from pg_roles where rolname = '$db'" | grep -q 1 \
      || die "role $db missing: deploy/infra.sh up creates it"
    psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"${db}_cluster\" WITH (FORCE)"
    psql_admin -d postgres -c "CREATE DATABASE \"${db}_cluster\" OWNER \"$db\""
  done
  log "postgres: databases catalog_cluster orders_cluster voucher_cluster settlement_cluster made anew"
}

cmd_up() {
  preflight
  local any=0 b s svc idx db inst
  for b in "${BROKERS[@]}"; do pid_alive "kafka-$b" && any=1; done
  for s in "${SERVICES[@]}"; do IFS=: read -r svc idx db <<<"$s"; for inst in "${INSTANCES[@]}"; do pid_alive "$svc-$inst" && any=1; done; done
  ((any == 0)) || die "the cluster is running: deploy/cluster.sh down first (up starts from empty brokers and databases)"
  local t_all; t_all="$(now_ms)"
  rm -rf "$CRUN"/kafka-* "$CONF"; mkdir -p "$CONF"
  : >"$LOGS/kafka-format.log"
  databases_fresh

  CLUSTER_ID="$(kafka_java kafka.tools.StorageTool random-uuid)"
  log "kafka: formatting three nodes (cluster id $CLUSTER_ID, voters $VOTERS)"
  for b in "${BROKERS[@]}"; do kafka_configure "$b"; done
  STARTED=()
  local t_kafka; t_kafka="$(now_ms)"
  for b in "${BROKERS[@]}"; do kafka_start "$b"; done
  wait_all "$t_kafka" "${STARTED[@]}"
  local kafka_time; kafka_time="$(secs_since "$t_kafka")"
  log "kafka: three brokers ready in ${kafka_time} s; creating the topics"
  kafka_java "$DEPLOY_DIR/kafka/ClusterTopics.java" create "$BOOTSTRAP" 3 2 "${TOPICS[@]}" | sed 's/^/  /' \
    || die "topics not as wanted (above)"

  STARTED=()
  local t_svc; t_svc="$(now_ms)"
  for inst in "${INSTANCES[@]}"; do
    for s in "${SERVICES[@]}"; do IFS=: read -r svc idx db <<<"$s"; service_start "$svc" "$idx" "$db" "$inst"; done
  done
  wait_all "$t_svc" "${STARTED[@]}"
  local svc_time; svc_time="$(secs_since "$t_svc")"
  log "services: eight instances ready in ${svc_time} s"

  local t_demo; t_demo="$(now_ms)"
  DEMO_CATALOG_URL=http://127.0.0.1:8181 DEMO_ORDER_URL=http://127.0.0.1:8182 DEMO_VOUCHER_URL=http://127.0.0.1:8183 \
    "$DEPLOY_DIR/demo.sh"
  local demo_time; demo_time="$(secs_since "$t_demo")"
  printf '%s\n' "kafka ${kafka_time}" "services ${svc_time}" "demo ${demo_time}" "total $(secs_since "$t_all")" >"$CRUN/up-times"
  cat <<MSG

Cluster mode is up ($(secs_since "$t_all") s: brokers ${kafka_time} s, eight service instances ${svc_time} s, demo data ${demo_time} s).
  Kafka       $BOOTSTRAP (controllers 9292-9294), topics RF 3, min.insync.replicas 2
  instance a  catalog http://127.0.0.1:8181  order :8182  voucher :8183  settlement :8184
  instance b  catalog http://127.0.0.1:8281  order :8282  voucher :8283  settlement :8284
  databases   catalog_cluster orders_cluster voucher_cluster settlement_cluster (pool $POOL per instance)
  logs        $LOGS/
  next        deploy/cluster.sh test   ·   deploy/cluster.sh down
MSG
}

# Starts whatever is not running (a killed broker or instance) and waits for it.
cmd_start() {
  preflight
  local b s svc idx db inst
  STARTED=()
  local t0; t0="$(now_ms)"
  for b in "${BROKERS[@]}"; do
    [[ -f $CONF/kafka-$b.properties && -f $CRUN/kafka-$b/meta.properties ]] || die "kafka-$b was never formatted: deploy/cluster.sh up"
    kafka_start "$b"
  done
  for inst in "${INSTANCES[@]}"; do
    for s in "${SERVICES[@]}"; do IFS=: read -r svc idx db <<<"$s"; service_start "$svc" "$idx" "$db" "$inst"; done
  done
  ((${#STARTED[@]} == 0)) && { log "everything is running"; return 0; }
  wait_all "$t0" "${STARTED[@]}"
}

cmd_kill() {
  local name="${1:?usage: deploy/cluster.sh kill NAME (kafka-1, catalog-service-a, …)}"
  pid_alive "$name" || die "$name is not running"
  kill -KILL "$(<"$PIDS/$name.pid")"
  rm -f "$PIDS/$name.pid"
  log "$name: killed (SIGKILL)"
}

all_names() {
  local s svc idx db inst b
  for b in "${BROKERS[@]}"; do echo "kafka-$b"; done
  for inst in "${INSTANCES[@]}"; do for s in "${SERVICES[@]}"; do IFS=: read -r svc idx db <<<"$s"; echo "$svc-$inst"; done; done
}

cmd_status() {
  local ok=0 name s svc idx db inst b
  for b in "${BROKERS[@]}"; do
    if pid_alive "kafka-$b" && port_open "$(broker_port "$b")"; then
      printf '%-22s UP    127.0.0.1:%s  pid %s\n' "kafka-$b" "$(broker_port "$b")" "$(<"$PIDS/kafka-$b.pid")"
    else printf '%-22s DOWN  127.0.0.1:%s\n' "kafka-$b" "$(broker_port "$b")"; ok=1; fi
  done
  for inst in "${INSTANCES[@]}"; do
    for s in "${SERVICES[@]}"; do
      IFS=: read -r svc idx db <<<"$s"
      local port; port="$(port_of "$idx" "$inst")"
      if ready_http "$port"; then printf '%-22s UP    http://127.0.0.1:%s\n' "$svc-$inst" "$port"
      else printf '%-22s DOWN  http://127.0.0.1:%s\n' "$svc-$inst" "$port"; ok=1; fi
    done
  done
  local any=0
  for b in "${BROKERS[@]}"; do port_open "$(broker_port "$b")" && any=1; done
  if ((any)) && [[ -f $KAFKA_HOME/lib/kafka_2.13-$KAFKA_VERSION.jar ]]; then
    local names=(); for t in "${TOPICS[@]}"; do names+=("${t%%:*}"); done
    kafka_java "$DEPLOY_DIR/kafka/ClusterTopics.java" describe "$BOOTSTRAP" "${names[@]}" 2>/dev/null || true
  fi
  return "$ok"
}

stop_names() { # TERM all, wait up to $1 s, then KILL each process group left
  local timeout="$1"; shift
  local name pid
  local -a stopping=()
  for name in "$@"; do
    if pid_alive "$name"; then kill -TERM "$(<"$PIDS/$name.pid")" 2>/dev/null || true; stopping+=("$name")
    else rm -f "$PIDS/$name.pid"; fi
  done
  for name in "${stopping[@]}"; do
    pid="$(<"$PIDS/$name.pid")"
    local deadline=$((SECONDS + timeout))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.3; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; log "$name: killed after ${timeout}s"
    else log "$name: stopped"; fi
    rm -f "$PIDS/$name.pid"
  done
}

cmd_down() {
  mkdir -p "$PIDS"
  local names; mapfile -t names < <(all_names)
  stop_names 30 "${names[@]:3}"       # the instances first, while the brokers still take their goodbyes
  stop_names 30 "${names[@]:0:3}"
  rm -rf "$CRUN"/kafka-[0-9] "$CONF" "$CRUN/up-times"
  log "kafka: data deleted ($CRUN/kafka-N)"
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    local s svc idx db
    for s in "${SERVICES[@]}"; do
      IFS=: read -r svc idx db <<<"$s"
      psql_admin -d postgres -c "DROP DATABASE IF EXISTS \"${db}_cluster\" WITH (FORCE)"
    done
    log "postgres: *_cluster databases dropped"
  fi
  log "down; logs kept in $LOGS"
}

cmd_test() {
  cmd_status >/dev/null || { cmd_status || true; die "not everything is up: deploy/cluster.sh up (or start)"; }
  local here="$REPO/bench/orders"
  cd "$here"
  # The load generator (bench/orders, cluster mode), pointed at both instances of each service; the invariants
  # read the *_cluster databases; kills and restarts go through this script.
  "$REPO/mvnw" -B -q ${MAVEN_OFFLINE:+-o} -f "$here/pom.xml" compile exec:java -Dbench.mode=cluster \
    -Dbench.repo="$REPO" -Dbench.dir="$here" -Dbench.cluster-script="$DEPLOY_DIR/cluster.sh" \
    -Dbench.catalog=http://127.0.0.1:8181,http://127.0.0.1:8281 -Dbench.order=http://127.0.0.1:8182,http://127.0.0.1:8282 \
    -Dbench.voucher=http://127.0.0.1:8183,http://127.0.0.1:8283 -Dbench.settlement=http://127.0.0.1:8184,http://127.0.0.1:8284 \
    -Dbench.db-suffix=_cluster -Dbench.orders-db=jdbc:postgresql://127.0.0.1:5432/orders_cluster \
    -Dbench.cluster-up-times="$(tr '\n' ';' <"$CRUN/up-times" 2>/dev/null || true)" \
    -Dbench.cluster-pool="$POOL" "$@"
}

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2; }

case "${1:-}" in
  up) cmd_up ;;
  start) cmd_start ;;
  kill) cmd_kill "${2:-}" ;;
  status) cmd_status ;;
  test) shift; cmd_test "$@" ;;
  down) cmd_down ;;
  *) usage ;;
esac
