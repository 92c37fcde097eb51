#!/usr/bin/env bash
# Local infrastructure for development, tests and CI, without Docker:
# PostgreSQL (Debian cluster), Kafka (KRaft, single node) and Keycloak as plain processes on 127.0.0.1.
#
#   deploy/infra.sh up              install what is missing (cached), start, wait until ready
#   deploy/infra.sh down [--wipe]   stop what this script started; --wipe also deletes the data
#   deploy/infra.sh status          show state; exit 0 only if all three answer
#   deploy/infra.sh smoke           prove it: psql login per role, Kafka produce/consume, token claims
#
# State lives in $REPO/.run (logs/, pids/, data/, conf/, keycloak/); downloads in ${SUANLI_CACHE:-~/.cache/suanli}.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$DEPLOY_DIR/.." && pwd)"
RUN="$REPO/.run"
LOGS="$RUN/logs"
PIDS="$RUN/pids"
DATA="$RUN/data"
CONF="$RUN/conf"
CACHE="${SUANLI_CACHE:-$HOME/.cache/suanli}"

# Services get one role + database each (password = name), a *_test database for @QuarkusTest and a
# *_e2e database for the end-to-end run (deploy/test.sh), so the two never wipe each other.
SERVICES=(catalog orders voucher settlement)
PG_PORT=5432
PG_MAX_CONNECTIONS=300

KAFKA_VERSION=4.4.0
KAFKA_PORT=9092
KAFKA_HOME="$CACHE/kafka-$KAFKA_VERSION"        # lib/ = broker jars resolved from Maven Central
KAFKA_HEAP="-Xms256m -Xmx768m"

KC_VERSION=26.7.3
KC_PORT=8180
KC_URL="http://127.0.0.1:$KC_PORT"
KC_REALM=suanli
KC_REALM_FILE="$DEPLOY_DIR/keycloak/suanli-realm.json"
KC_DIST="$CACHE/keycloak-$KC_VERSION"         # unzipped distribution, shared by all clones (holds its one-time build)
KC_HOME="$RUN/keycloak"                        # per-clone home: own bin/, conf/, data/ (H2 + import); lib/ etc. linked
KC_HEAP="-Xms128m -Xmx768m"

READY_TIMEOUT="${INFRA_READY_TIMEOUT:-180}"    # seconds per component

# ---------------------------------------------------------------- helpers
log()  { printf '[infra %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
warn() { printf '[infra %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# TCP connect test with bash's /dev/tcp (no nc needed); the subshell closes the socket again.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True if the pid file names a live process whose command line contains $2 (guards against pid reuse).
pid_alive() {
  local f="$PIDS/$1.pid" pid
  [[ -f $f ]] || return 1
  pid="$(<"$f")"
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2"
}

# Poll "$@" until it succeeds; fail early if the process behind pid file $2 died. $1 = name for messages.
wait_ready() {
  local name="$1" pidname="$2" logfile="$3" match="$4"; shift 4
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pidname ]] && ! pid_alive "$pidname" "$match"; then
      tail -n 40 "$logfile" >&2 || true
      die "$name exited during startup (log: $logfile)"
    fi
    ((SECONDS < deadline)) || { tail -n 40 "$logfile" >&2 || true; die "$name not ready after ${READY_TIMEOUT}s (log: $logfile)"; }
    sleep 0.5
  done
}

# TERM a process we started, wait, then KILL its whole process group (we start each one with setsid).
stop_pid() {
  local name="$1" match="$2" timeout="$3" pid
  if ! pid_alive "$name" "$match"; then
    rm -f "$PIDS/$name.pid"
    log "$name: not running (or not started by infra.sh)"
    return 0
  fi
  pid="$(<"$PIDS/$name.pid")"
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${timeout}s, killing process group $pid"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDS/$name.pid"
}

# Prefer the project's Maven wrapper (pinned Maven); fall back to the system mvn.
mvn_cmd() {
  if [[ -x $REPO/mvnw ]]; then echo "$REPO/mvnw"
  elif command -v mvn >/dev/null; then command -v mvn
  else die "neither $REPO/mvnw nor mvn found"; fi
}

# Run a command as the postgres OS user (local socket, peer auth), from / to avoid cwd permission noise.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u postgres -- "$@")
  else (cd / && sudo -n -u postgres "$@"); fi
}
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

# ---------------------------------------------------------------- PostgreSQL
PG_INSTALLED_NOW=0
pg_version() { pg_lsclusters -h 2>/dev/null | awk '$2 == "main" { print $1 }' | sort -n | tail -n 1; }
pg_running() { [[ -n ${PG_VER:-} ]] && pg_ctlcluster "$PG_VER" main status >/dev/null 2>&1; }
pg_ready()   { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

pg_install() {
  if ! command -v pg_ctlcluster >/dev/null || [[ -z $(pg_version) ]]; then
    [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; run as root (apt-get install -y postgresql)"
    log "postgres: installing Debian package postgresql (apt-get, log: $LOGS/apt.log)"
    export DEBIAN_FRONTEND=noninteractive
    # Try without 'apt-get update' first (fast when the lists are fresh), then with it.
    apt-get install -y -q postgresql >"$LOGS/apt.log" 2>&1 \
      || { apt-get update -q >>"$LOGS/apt.log" 2>&1 && apt-get install -y -q postgresql >>"$LOGS/apt.log" 2>&1; } \
      || { tail -n 20 "$LOGS/apt.log" >&2; die "apt-get install postgresql failed"; }
    PG_INSTALLED_NOW=1
    # The package normally creates cluster 'main'; create it if a policy prevented that.
    if [[ -z $(pg_version) ]]; then
      local v; v="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -n 1)"
      pg_createcluster "$v" main >>"$LOGS/apt.log" 2>&1
    fi
  fi
  PG_VER="$(pg_version)"
}

# Loopback only and enough connections for several services + tests + benchmarks.
# A conf.d drop-in keeps the Debian postgresql.conf untouched.
pg_configure() {
  local dropin="/etc/postgresql/$PG_VER/main/conf.d/50-suanli.conf"
  local want
  want="# Written by deploy/infra.sh (suanli local infrastructure).
listen_addresses = '127.0.0.1'
max_connections = $PG_MAX_CONNECTIONS"
  if [[ ! -f $dropin || "$(cat "$dropin")" != "$want" ]]; then
    [[ -w $(dirname "$dropin") ]] || die "cannot write $dropin (need root)"
    printf '%s\n' "$want" >"$dropin"
    log "postgres: wrote $dropin"
  fi
}

pg_start() {
  if pg_running; then
    # max_connections / listen_addresses only change on restart.
    local mc la
    mc="$(psql_admin -At -c 'SHOW max_connections')"
    la="$(psql_admin -At -c 'SHOW listen_addresses')"
    if ((mc < PG_MAX_CONNECTIONS)) || [[ $la != 127.0.0.1 ]]; then
      log "postgres: restarting to apply max_connections=$PG_MAX_CONNECTIONS listen_addresses=127.0.0.1 (was $mc, $la)"
      pg_ctlcluster "$PG_VER" main restart
    else
      log "postgres: already running (cluster $PG_VER/main)"
    fi
    # Freshly installed by us counts as ours, so 'down' stops it again.
    ((PG_INSTALLED_NOW)) && touch "$PIDS/postgres.started-by-infra"
    PG_STATE="already running"
  else
    log "postgres: starting cluster $PG_VER/main"
    pg_ctlcluster "$PG_VER" main start
    touch "$PIDS/postgres.started-by-infra"   # marker: 'down' stops postgres only if we started it
    PG_STATE="started"
  fi
}

# Idempotent: roles get LOGIN + password every time (so a changed/missing password is repaired),
# databases are created only when missing. \gexec runs the generated CREATE DATABASE statements.
pg_provision() {
  local roles="" dbs="" s
  for s in "${SERVICES[@]}"; do
    roles+="${roles:+,}'$s'"
    dbs+="${dbs:+,}('$s','$s'),('${s}_test','$s'),('${s}_e2e','$s')"
  done
  psql_admin -d postgres <<SQL
DO \$\$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[$roles] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', r, r);
    ELSE
      EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', r, r);
    END IF;
  END LOOP;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER %I', d, o)
  FROM (VALUES $dbs) AS t(d, o)
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)
\gexec
SQL
}

pg_wipe() {
  if ! pg_running; then
    warn "postgres not running: databases/roles of ${SERVICES[*]} not dropped"
    return 0
  fi
  local s sql=""
  for s in "${SERVICES[@]}"; do
    sql+="DROP DATABASE IF EXISTS \"$s\" WITH (FORCE); DROP DATABASE IF EXISTS \"${s}_test\" WITH (FORCE); DROP DATABASE IF EXISTS \"${s}_e2e\" WITH (FORCE); DROP ROLE IF EXISTS \"$s\";"
  done
  log "postgres: dropping databases and roles (${SERVICES[*]} + *_test)"
  # One statement per -c: DROP DATABASE cannot run inside the implicit transaction of a multi-statement string.
  local stmt
  IFS=';' read -ra stmts <<<"$sql"
  for stmt in "${stmts[@]}"; do
    [[ -n ${stmt// /} ]] && psql_admin -d postgres -c "$stmt"
  done
}

pg_stop() {
  PG_VER="$(pg_version)"
  if [[ -f $PIDS/postgres.started-by-infra ]]; then
    if pg_running; then
      log "postgres: stopping cluster $PG_VER/main"
      pg_ctlcluster "$PG_VER" main stop -m fast
    fi
    rm -f "$PIDS/postgres.started-by-infra"
  else
    log "postgres: not started by infra.sh, leaving it alone"
  fi
}

# ---------------------------------------------------------------- Kafka
kafka_install() {
  # The stamp ties the cached jars to the pom, so editing the pom re-resolves.
  local stamp; stamp="$KAFKA_VERSION $(sha256sum "$DEPLOY_DIR/kafka/pom.xml" | cut -c1-16)"
  if [[ -f $KAFKA_HOME/.complete && "$(<"$KAFKA_HOME/.complete")" == "$stamp" ]]; then return 0; fi
  log "kafka: resolving broker jars with Maven (once; cached in $KAFKA_HOME, log: $LOGS/maven-kafka.log)"
  local tmp="$KAFKA_HOME/lib.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$KAFKA_HOME"
  "$(mvn_cmd)" -B -ntp -f "$DEPLOY_DIR/kafka/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" \
    >"$LOGS/maven-kafka.log" 2>&1 || { tail -n 30 "$LOGS/maven-kafka.log" >&2; die "Kafka jar resolution failed"; }
  [[ -f $tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || die "kafka_2.13-$KAFKA_VERSION.jar missing after resolution"
  rm -rf "${KAFKA_HOME:?}/lib"; mv "$tmp" "$KAFKA_HOME/lib"
  printf '%s\n' "$stamp" >"$KAFKA_HOME/.complete"
}

kafka_java() {
  # Same logging setup for the storage tool and the broker: log4j2 file appender into $LOGS/kafka.log.
  java -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.xml" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_HOME/lib/*" "$@"
}

kafka_configure() {
  mkdir -p "$DATA/kafka" "$CONF"
  # Effective properties = template with this clone's data dir.
  sed "s#@KAFKA_DATA_DIR@#$DATA/kafka#" "$DEPLOY_DIR/kafka/server.properties" >"$CONF/kafka-server.properties"
  # KRaft storage must be formatted once (writes meta.properties + bootstrap checkpoint).
  if [[ ! -f $DATA/kafka/meta.properties ]]; then
    local cid; cid="$(kafka_java kafka.tools.StorageTool random-uuid)"
    log "kafka: formatting storage (cluster id $cid)"
    kafka_java kafka.tools.StorageTool format -t "$cid" -c "$CONF/kafka-server.properties" --standalone \
      >>"$LOGS/kafka-format.log" 2>&1 || { cat "$LOGS/kafka-format.log" >&2; die "kafka storage format failed"; }
  fi
}

# Port 9092 opens when the broker enables request processing; for a broker we just started, also
# wait for its "Kafka Server started" line (after metadata catch-up and unfencing).
KAFKA_LOG_OFFSET=""
kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  [[ -z $KAFKA_LOG_OFFSET ]] || tail -c "+$((KAFKA_LOG_OFFSET + 1))" "$LOGS/kafka.log" 2>/dev/null | grep -q 'Kafka Server started'
}

kafka_start() {
  if pid_alive kafka kafka.Kafka; then
    log "kafka: already running (pid $(<"$PIDS/kafka.pid"))"; KAFKA_STATE="already running"; return 0
  fi
  if port_open "$KAFKA_PORT"; then
    warn "kafka: 127.0.0.1:$KAFKA_PORT is taken by a process infra.sh did not start; using it as is"
    KAFKA_STATE="foreign"; return 0
  fi
  log "kafka: starting broker (log: $LOGS/kafka.log)"
  # Remember where this start's log lines begin, for kafka_ready.
  KAFKA_LOG_OFFSET="$(stat -c %s "$LOGS/kafka.log" 2>/dev/null || echo 0)"
  # setsid: own session/process group, so the broker outlives this shell and can be killed as a group.
  # shellcheck disable=SC2086
  setsid java $KAFKA_HEAP -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.xml" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_HOME/lib/*" kafka.Kafka "$CONF/kafka-server.properties" \
    >"$LOGS/kafka.out" 2>&1 </dev/null &
  echo $! >"$PIDS/kafka.pid"
  KAFKA_STATE="started"
}

# ---------------------------------------------------------------- Keycloak
kc_install() {
  [[ -f $KC_DIST/.complete ]] && return 0
  log "keycloak: fetching keycloak-quarkus-dist $KC_VERSION zip with Maven (once; cached in $KC_DIST)"
  local tmp="$CACHE/keycloak-download.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  # Run from the empty temp dir: no project pom is involved (the root pom may be mid-edit).
  (cd "$tmp" && "$(mvn_cmd)" -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$tmp") \
    >"$LOGS/maven-keycloak.log" 2>&1 || { tail -n 30 "$LOGS/maven-keycloak.log" >&2; die "Keycloak download failed"; }
  unzip -q "$tmp/keycloak-quarkus-dist-$KC_VERSION.zip" -d "$tmp"
  rm -rf "$KC_DIST"; mv "$tmp/keycloak-$KC_VERSION" "$KC_DIST"; rm -rf "$tmp"
  touch "$KC_DIST/.complete"
}

# Keycloak keeps its H2 database and import dir under <home>/data and has no option to move them.
# A per-clone home with real bin/ (kc.sh derives the home from its own path), conf/ and data/,
# and symlinks to the shared lib/ themes/ providers/ keeps data per clone (--wipe removes it) while
# the slow first-start build (lib/quarkus) is done once per machine.
kc_prepare_home() {
  if [[ ! -f $KC_HOME/.dist || "$(<"$KC_HOME/.dist")" != "$KC_DIST" ]]; then
    rm -rf "${KC_HOME:?}/bin" "${KC_HOME:?}/conf"
    mkdir -p "$KC_HOME"
    cp -a "$KC_DIST/bin" "$KC_DIST/conf" "$KC_HOME/"
    local d; for d in lib themes providers; do ln -sfn "$KC_DIST/$d" "$KC_HOME/$d"; done
    printf '%s\n' "$KC_DIST" >"$KC_HOME/.dist"
  fi
  mkdir -p "$KC_HOME/data/import"
}

# --import-realm skips a realm that already exists (IGNORE_EXISTING). When the realm file changed since
# the last successful import, drop the H2 database (dev data only) so the new file is imported.
kc_sync_realm() {
  local want have
  want="$(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1)"
  have="$(cat "$KC_HOME/realm.sha256" 2>/dev/null || true)"
  if [[ $want != "$have" && -d $KC_HOME/data/h2 ]]; then
    log "keycloak: $(basename "$KC_REALM_FILE") changed since last import: resetting Keycloak's H2 data to re-import"
    stop_pid keycloak "$KC_HOME/" 60
    rm -rf "$KC_HOME/data/h2" "$KC_HOME/realm.sha256"
  fi
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/$KC_REALM-realm.json"
  KC_REALM_SHA="$want"
}

kc_discovery() { curl -fsS --max-time 5 -o /dev/null "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration"; }

kc_start() {
  if pid_alive keycloak "$KC_HOME/"; then
    log "keycloak: already running (pid $(<"$PIDS/keycloak.pid"))"; KC_STATE="already running"; return 0
  fi
  if port_open "$KC_PORT"; then
    warn "keycloak: 127.0.0.1:$KC_PORT is taken by a process infra.sh did not start; using it as is"
    KC_STATE="foreign"; return 0
  fi
  log "keycloak: starting start-dev on $KC_URL (log: $LOGS/keycloak.log)"
  # --hostname pins the token issuer to $KC_URL whichever host name a client used (localhost vs 127.0.0.1),
  # so services can validate 'iss' strictly. JAVA_OPTS_KC_HEAP only replaces kc.sh's heap flags
  # (JAVA_OPTS would replace all its JVM defaults), so JAVA_OPTS is cleared in case the caller exported one.
  # kc.sh forwards TERM to its Java child and re-execs itself (same pid) after the first-start build.
  env -u JAVA_OPTS JAVA_OPTS_KC_HEAP="$KC_HEAP" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    setsid bash "$KC_HOME/bin/kc.sh" start-dev \
      --http-host 127.0.0.1 --http-port "$KC_PORT" --hostname "$KC_URL" --import-realm \
    >"$LOGS/keycloak.log" 2>&1 </dev/null &
  echo $! >"$PIDS/keycloak.pid"
  KC_STATE="started"
}

# ---------------------------------------------------------------- commands
cmd_up() {
  local t_all; t_all="$(now_ms)"
  mkdir -p "$LOGS" "$PIDS" "$DATA" "$CONF" "$CACHE"
  command -v java >/dev/null || die "java not found (JDK 17+ needed)"

  # 1. Installs / downloads (no-ops when cached).
  pg_install
  kafka_install
  kc_install

  # 2. PostgreSQL first (fast), provisioned before anything else needs it.
  local t; t="$(now_ms)"
  pg_configure
  pg_start
  wait_ready postgres "" "/var/log/postgresql/postgresql-$PG_VER-main.log" "" pg_ready
  pg_provision
  local pg_time; pg_time="$(secs_since "$t")"
  log "postgres: ready on 127.0.0.1:$PG_PORT (${pg_time}s)"

  # 3. Kafka and Keycloak boot in parallel; then wait for each.
  kafka_configure
  kc_prepare_home
  kc_sync_realm          # may restart a running Keycloak, so before the clocks start
  local t_kafka; t_kafka="$(now_ms)"
  kafka_start
  local t_kc; t_kc="$(now_ms)"
  kc_start

  wait_ready kafka "$([[ $KAFKA_STATE == foreign ]] || echo kafka)" "$LOGS/kafka.log" kafka.Kafka kafka_ready
  local kafka_time; kafka_time="$(secs_since "$t_kafka")"
  log "kafka: ready on 127.0.0.1:$KAFKA_PORT (${kafka_time}s)"

  wait_ready keycloak "$([[ $KC_STATE == foreign ]] || echo keycloak)" "$LOGS/keycloak.log" "$KC_HOME/" kc_discovery
  local kc_time; kc_time="$(secs_since "$t_kc")"
  [[ $KC_STATE == foreign ]] || printf '%s\n' "$KC_REALM_SHA" >"$KC_HOME/realm.sha256"
  log "keycloak: realm $KC_REALM ready at $KC_URL/realms/$KC_REALM (${kc_time}s)"

  printf '\n%-9s %-16s %s\n' component state "ready after"
  printf '%-9s %-16s %ss\n' postgres "$PG_STATE" "$pg_time" kafka "$KAFKA_STATE" "$kafka_time" keycloak "$KC_STATE" "$kc_time"
  log "up done in $(secs_since "$t_all")s"
}

cmd_down() {
  local wipe="$1"
  mkdir -p "$PIDS"
  stop_pid keycloak "$KC_HOME/" 60
  stop_pid kafka kafka.Kafka 60
  if ((wipe)); then PG_VER="$(pg_version)"; pg_wipe; fi
  pg_stop
  if ((wipe)); then
    log "wiping $DATA $KC_HOME $CONF (logs kept)"
    rm -rf "$DATA" "$KC_HOME" "$CONF"
  fi
}

cmd_status() {
  local ok=0 pgv
  pgv="$(pg_version)"
  local who="not started by infra.sh"
  [[ -f $PIDS/postgres.started-by-infra ]] && who="started by infra.sh"
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
    printf '%-9s UP    127.0.0.1:%s  cluster %s/main, %s\n' postgres "$PG_PORT" "$pgv" "$who"
  else
    printf '%-9s DOWN  127.0.0.1:%s\n' postgres "$PG_PORT"; ok=1
  fi

  who="not started by infra.sh"
  pid_alive kafka kafka.Kafka && who="pid $(<"$PIDS/kafka.pid")"
  if port_open "$KAFKA_PORT"; then
    printf '%-9s UP    127.0.0.1:%s  %s\n' kafka "$KAFKA_PORT" "$who"
  else
    printf '%-9s DOWN  127.0.0.1:%s%s\n' kafka "$KAFKA_PORT" "$([[ $who == pid* ]] && echo "  ($who alive, not accepting yet)")"; ok=1
  fi

  who="not started by infra.sh"
  pid_alive keycloak "$KC_HOME/" && who="pid $(<"$PIDS/keycloak.pid")"
  if kc_discovery 2>/dev/null; then
    printf '%-9s UP    %s/realms/%s  %s\n' keycloak "$KC_URL" "$KC_REALM" "$who"
  else
    printf '%-9s DOWN  %s/realms/%s%s\n' keycloak "$KC_URL" "$KC_REALM" "$([[ $who == pid* ]] && echo "  ($who alive, realm not answering yet)")"; ok=1
  fi
  return "$ok"
}

# End-to-end proof that the stack is usable the way the services use it.
cmd_smoke() {
  local fail=0 s db
  log "postgres: password login over TCP as each role"
  for s in "${SERVICES[@]}"; do
    for db in "$s" "${s}_test"; do
      if PGPASSWORD="$s" PGCONNECT_TIMEOUT=5 psql -X -At -h 127.0.0.1 -p "$PG_PORT" -U "$s" -d "$db" \
          -c "select current_user || '@' || current_database() || ' ok'"; then :; else fail=1; fi
    done
  done

  log "kafka: produce + consume one record"
  [[ -f $KAFKA_HOME/.complete ]] || die "kafka jars not in cache; run up first"
  java -cp "$KAFKA_HOME/lib/*" "$DEPLOY_DIR/kafka/KafkaSmoke.java" "127.0.0.1:$KAFKA_PORT" || fail=1

  log "keycloak: token claims"
  local user expect tok payload
  for user in sme1 partner1; do
    tok="$("$DEPLOY_DIR/token.sh" "$user")" || { fail=1; continue; }
    payload="$(jwt_payload "$tok")"
    case $user in
      sme1)     expect='"enterprise_id":"ent-xihu-ai"' ;;
      partner1) expect='"partner_id":"ptn-hz-ascend"' ;;
    esac
    local role; role="$([[ $user == sme1 ]] && echo sme || echo partner)"
    if grep -q "$expect" <<<"$payload" \
        && grep -Eq '"aud":(\[[^]]*)?"marketplace"' <<<"$payload" \
        && grep -Eq "\"realm_access\":\\{\"roles\":\\[[^]]*\"$role\"" <<<"$payload" \
        && grep -q "\"iss\":\"$KC_URL/realms/$KC_REALM\"" <<<"$payload"; then
      echo "$user: iss, aud=marketplace, realm role $role, $expect ok"
    else
      echo "$user: claims missing: $payload" >&2; fail=1
    fi
  done
  if ((fail == 0)); then log "smoke: all OK"; else die "smoke: failures above"; fi
}

# base64url-decode the middle part of a JWT.
jwt_payload() {
  local p; p="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#p} % 4 )); do p+="="; done
  base64 -d <<<"$p"
}

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

main() {
  local cmd="${1:-}" wipe=0
  shift || true
  for a in "$@"; do
    case $a in
      --wipe) wipe=1 ;;
      *) usage ;;
    esac
  done
  [[ $wipe -eq 0 || $cmd == down ]] || die "--wipe only goes with down"
  case $cmd in
    up) cmd_up ;;
    down) cmd_down "$wipe" ;;
    status) cmd_status ;;
    smoke) cmd_smoke ;;
    *) usage ;;
  esac
}

main "$@"
