#!/usr/bin/env bash
# A two-node Keycloak cluster on this machine, in production mode, for development and the cluster tests (issue #14):
# PostgreSQL (scripts/postgres.sh), one `kc.sh build` with our build-time options, then two nodes started with
# `kc.sh start --optimized`: embedded Infinispan, discovery by jdbc-ping through the shared database, everything
# bound to 127.0.0.1 on distinct ports. The realm (and the demo citizens) is imported by node a on its first start.
#
#   cluster.sh start            builds if needed, starts PostgreSQL and both nodes, waits until each sees two members
#   cluster.sh stop             stops both nodes and PostgreSQL
#   cluster.sh status           what runs, and the cluster view each node last logged
#   cluster.sh start-node a|b   starts one node again (after a kill) and waits until the view has two members
#   cluster.sh stop-node a|b    stops one node gracefully (it leaves the cluster)
#   cluster.sh kill-node a|b    kill -9 of one node (what a crash looks like to the other)
#   cluster.sh build-options    the `kc.sh build` options, one a line (docker/Dockerfile must use the same: tested)
#
# Settings (environment): VNEID_CLUSTER_DIR (.cluster), VNEID_CLUSTER_PG_PORT (55440), VNEID_NODE_A_HTTP_PORT (8081),
# VNEID_NODE_B_HTTP_PORT (8082), VNEID_NODE_A_MANAGEMENT_PORT (9001), VNEID_NODE_B_MANAGEMENT_PORT (9002),
# VNEID_NODE_A_JGROUPS_PORT (7800), VNEID_NODE_B_JGROUPS_PORT (7810), VNEID_SMS_GATEWAY (outbox),
# VNEID_SUBSCRIBER_REGISTRY (local), VNEID_SMS_HTTP_PORT and VNEID_REGISTRY_HTTP_PORT (where the http providers would
# post; nothing listens unless a test starts it), VNEID_CLUSTER_TIMEOUT (600 s per wait), VNEID_DEMO_CLIENT (read by
# the first import: true enables the realm's demo client vneid-demo-rp, which ClusterIT logs in through).
# The nodes trust the simulator's test CSCA and write SMS codes in clear to the outbox: never a production setup
# (docker/ holds that one).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

cluster_dir="${VNEID_CLUSTER_DIR:-$root/.cluster}"
pg_port="${VNEID_CLUSTER_PG_PORT:-55440}"
sms_gateway="${VNEID_SMS_GATEWAY:-outbox}"
subscriber_registry="${VNEID_SUBSCRIBER_REGISTRY:-local}"
timeout="${VNEID_CLUSTER_TIMEOUT:-600}"
dist_home="$root/distribution/target/keycloak-26.7.3"
build_home="$cluster_dir/keycloak"
# The ports of the last start, unless the environment says otherwise: stop/status/start-node find the same nodes.
if [ -f "$cluster_dir/ports.env" ]; then
  while IFS='=' read -r name value; do
    [ -n "${!name:-}" ] || export "$name=$value"
  done <"$cluster_dir/ports.env"
fi

# Build-time options: `start --optimized` ignores any that differ from the last build. docker/Dockerfile passes the
# same list, with its ARGs for the two provider choices (ClusterBuildStepsTest compares them).
build_options=(
  --db=postgres
  --health-enabled=true
  --metrics-enabled=true
  --spi-vneid-sms--provider-default="$sms_gateway"
  --spi-vneid-subscriber-registry--provider-default="$subscriber_registry"
)

node_port() { # node, kind (HTTP, MANAGEMENT, JGROUPS)
  local var="VNEID_NODE_${1^^}_${2}_PORT"
  local default
  case "$1:$2" in
    a:HTTP) default=8081 ;; b:HTTP) default=8082 ;;
    a:MANAGEMENT) default=9001 ;; b:MANAGEMENT) default=9002 ;;
    # JGroups also opens bind port + 1 (FD_SOCK2's offset is 100 from the bind port): keep them ten apart.
    a:JGROUPS) default=7800 ;; b:JGROUPS) default=7810 ;;
  esac
  echo "${!var:-$default}"
}

check_node() {
  case "${1:-}" in a|b) ;; *) echo "cluster.sh: node a or b" >&2; exit 2 ;; esac
}

# One build for both nodes, in a copy of the distribution: the single-node tests keep using start-dev on theirs.
build() {
  local stamp="$build_home/lib/quarkus/vneid-build-options"
  # Built already with these options and these jars: nothing to do.
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(printf '%s\n' "${build_options[@]}")" ] \
      && [ -z "$(find "$dist_home/providers" -name '*.jar' -newer "$stamp")" ]; then
    return
  fi
  [ -x "$dist_home/bin/kc.sh" ] || { echo "cluster.sh: no $dist_home: run ./mvnw install -DskipTests first" >&2; exit 1; }
  echo "cluster.sh: kc.sh build ${build_options[*]}"
  rm -rf "$build_home"
  mkdir -p "$cluster_dir"
  cp -a "$dist_home" "$build_home"
  "$build_home/bin/kc.sh" build "${build_options[@]}" >"$cluster_dir/build.log" 2>&1 \
    || { cat "$cluster_dir/build.log" >&2; exit 1; }
  printf '%s\n' "${build_options[@]}" >"$stamp"
  # Each node gets its own home (data/tmp, logs) sharing the built files through hard links: light and quick.
  rm -rf "$cluster_dir/node-a" "$cluster_dir/node-b"
}

node_home() {
  local home="$cluster_dir/node-$1"
  if [ ! -d "$home" ]; then
    cp -al "$build_home" "$home"
  fi
  echo "$home"
}

pid_of() {
  local file="$cluster_dir/node-$1.pid"
  if [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then
    cat "$file"
  fi
}

# The last cluster view a node logged, e.g. "ISPN000094: Received new cluster view ... (2) [node-a, node-b]".
view_size() {
  local log="$cluster_dir/node-$1.log"
  [ -f "$log" ] || return 0
  grep -E 'ISPN00009[34]' "$log" | tail -n 1 | sed -nE 's/.*\(([0-9]+)\) \[.*/\1/p'
}

start_node() {
  local node="$1" import="${2:-}"
  if [ -n "$(pid_of "$node")" ]; then
    echo "cluster.sh: node $node already runs (pid $(pid_of "$node"))"
    return
  fi
  local home http management jgroups
  home="$(node_home "$node")"
  http="$(node_port "$node" HTTP)"
  management="$(node_port "$node" MANAGEMENT)"
  jgroups="$(node_port "$node" JGROUPS)"
  local options=(
    start --optimized
    --http-enabled=true --http-host=127.0.0.1 --http-port="$http" --http-management-port="$management"
    # No fixed hostname: each node answers for the address it is called at (directly, or through a proxy that
    # sends X-Forwarded-*). Cookies stay as Keycloak sets them (Secure): browsers treat localhost as secure.
    --hostname-strict=false
    --proxy-headers=xforwarded
    --db-url="jdbc:postgresql://127.0.0.1:$pg_port/keycloak" --db-username=keycloak --db-password=keycloak
    --cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port="$jgroups"
    --spi-vneid-sms--outbox--path="$cluster_dir/sms-outbox.jsonl"
    --spi-vneid-sms--http--url="http://127.0.0.1:${VNEID_SMS_HTTP_PORT:-8095}/sms"
    --spi-vneid-subscriber-registry--http--url="http://127.0.0.1:${VNEID_REGISTRY_HTTP_PORT:-8096}/subscribers"
    --spi-realm-restapi-extension--vneid-chip--allow-test-csca=true
    # One key of the activation codes' hashes for both nodes: a file outside the database.
    --spi-admin-realm-restapi-extension--vneid-approval--activation-code-key-file="$cluster_dir/activation-code.key"
  )
  mkdir -p "$cluster_dir"
  if [ ! -s "$cluster_dir/activation-code.key" ]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' > "$cluster_dir/activation-code.key")
  fi
  [ "$import" = import ] && options+=(--import-realm)
  # Readiness is read from the management port: it must not be some other process answering there.
  if curl -s -o /dev/null "http://127.0.0.1:$management/" || curl -s -o /dev/null "http://127.0.0.1:$http/"; then
    echo "cluster.sh: port $http or $management of node $node is taken by another process" >&2
    exit 1
  fi
  # A fresh log per start: the view size is read from the last view line this run logged.
  [ -f "$cluster_dir/node-$node.log" ] && mv "$cluster_dir/node-$node.log" "$cluster_dir/node-$node.previous.log"
  echo "cluster.sh: starting node $node (http $http, management $management, jgroups $jgroups)"
  (
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    exec nohup "$home/bin/kc.sh" "${options[@]}" >>"$cluster_dir/node-$node.log" 2>&1 </dev/null
  ) &
  local script_pid=$! java_pid=""
  # kc.sh runs java as its child: the pid kept is the server's own, so that kill-node really kills the server.
  for _ in $(seq 1 300); do
    java_pid="$(pgrep -P "$script_pid" java || true)"
    [ -n "$java_pid" ] && break
    kill -0 "$script_pid" 2>/dev/null || { tail -n 40 "$cluster_dir/node-$node.log" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$java_pid" ] || { echo "cluster.sh: no java process under kc.sh ($script_pid)" >&2; exit 1; }
  echo "$java_pid" >"$cluster_dir/node-$node.pid"
  wait_ready "$node"
}

wait_ready() {
  local node="$1" management deadline
  management="$(node_port "$node" MANAGEMENT)"
  deadline=$((SECONDS + timeout))
  until curl -fs -o /dev/null "http://127.0.0.1:$management/health/ready"; do
    if [ -z "$(pid_of "$node")" ]; then
      echo "cluster.sh: node $node exited:" >&2; tail -n 60 "$cluster_dir/node-$node.log" >&2; exit 1
    fi
    [ "$SECONDS" -lt "$deadline" ] || { echo "cluster.sh: node $node not ready after ${timeout}s" >&2; exit 1; }
    # Each probe while the node starts logs a "health down" line: not too many of them.
    sleep 3
  done
}

wait_for_two() {
  local deadline=$((SECONDS + timeout))
  until [ "$(view_size a)" = 2 ] && [ "$(view_size b)" = 2 ]; do
    [ "$SECONDS" -lt "$deadline" ] || {
      echo "cluster.sh: no cluster of two after ${timeout}s (views: a=$(view_size a) b=$(view_size b))" >&2; exit 1; }
    sleep 1
  done
  echo "cluster.sh: both nodes see a cluster of two"
}

stop_node() {
  local pid
  pid="$(pid_of "$1")"
  [ -n "$pid" ] || return 0
  kill "$pid"
  # A graceful stop writes what is pending to the database: give a loaded machine two minutes for it.
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$cluster_dir/node-$1.pid"
}

case "${1:-}" in
  start)
    build
    # Where everything listens, for the tests and for `status`.
    for node in a b; do
      for kind in HTTP MANAGEMENT JGROUPS; do
        echo "VNEID_NODE_${node^^}_${kind}_PORT=$(node_port "$node" "$kind")"
      done
    done >"$cluster_dir/ports.env"
    pg_pid_file="$cluster_dir/pgdata/postmaster.pid"
    if ! { [ -f "$pg_pid_file" ] && kill -0 "$(head -n 1 "$pg_pid_file")" 2>/dev/null; }; then
      bash "$root/scripts/postgres.sh" start "$cluster_dir/pgdata" "$pg_port" >/dev/null
    fi
    if [ -f "$cluster_dir/imported" ]; then
      start_node a
    else
      start_node a import
      touch "$cluster_dir/imported"
    fi
    start_node b
    wait_for_two
    ;;
  stop)
    stop_node b
    stop_node a
    bash "$root/scripts/postgres.sh" stop "$cluster_dir/pgdata"
    ;;
  status)
    for node in a b; do
      pid="$(pid_of "$node")"
      if [ -n "$pid" ]; then
        echo "node $node: running (pid $pid), http://127.0.0.1:$(node_port "$node" HTTP), cluster view of $(view_size "$node")"
      else
        echo "node $node: stopped"
      fi
    done
    ;;
  start-node)
    check_node "${2:-}"
    start_node "$2"
    wait_for_two
    ;;
  stop-node)
    check_node "${2:-}"
    stop_node "$2"
    ;;
  kill-node)
    check_node "${2:-}"
    pid="$(pid_of "$2")"
    if [ -n "$pid" ]; then
      kill -9 "$pid"
      # Return only once the process is gone and its sockets with it: a caller then meets a dead node, not a dying
      # one that still accepts connections.
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$cluster_dir/node-$2.pid"
    ;;
  build-options)
    printf '%s\n' "${build_options[@]}"
    ;;
  *)
    echo "usage: cluster.sh start|stop|status|start-node a|b|stop-node a|b|kill-node a|b|build-options" >&2; exit 2 ;;
esac
