#!/usr/bin/env bash
# One load run: builds our jars, prepares Keycloak 26.7.3 in PRODUCTION mode (kc.sh build, then start --optimized)
# over TLS on 127.0.0.1 with PostgreSQL, imports our realm and a control realm with the same number of accounts, runs
# the Gatling simulation (stock password login and our level-1 login, refresh, userinfo, client credentials, each
# alternating with its stock equivalent, and the chip step-up with the simulator's test CSCA trusted: a load run is a
# test environment) and writes the summary:
# benchmarks/gatling/target/load-report/summary.{json,md} and latency.svg (Gatling's own report is under
# benchmarks/gatling/target/gatling/).
#
#   benchmarks/run-load.sh            # full run: 1000 accounts per realm, 8 concurrent users, 30 s warm-up,
#                                     # then 3 rounds of 60 s per journey
#   benchmarks/run-load.sh --smoke    # seconds, tiny load: the scenarios still work (CI runs this)
#
# Settings by environment: LOAD_ACCOUNTS, LOAD_CONCURRENCY, LOAD_WARM_UP_SECONDS (30), LOAD_PHASE_SECONDS, LOAD_ROUNDS, LOAD_HTTPS_PORT (8543),
# LOAD_PG_PORT (55460), LOAD_SMS_SINK_PORT (8099), LOAD_POPULATION (0: no more citizens than the run's accounts; N: N
# synthetic citizens more, written into PostgreSQL with COPY by benchmarks/stats/load-million.sh before the run),
# LOAD_REPORT_DIR (benchmarks/gatling/target/load-report), LOAD_JOURNEYS (all; or a comma-separated list of journeys,
# e.g. stock-login,vneid-login), LOAD_LOGINS_TOGETHER (false; true runs the logins of a round at the same time, each
# kind with its own LOAD_CONCURRENCY users: the same machine for all, no server CPU per kind).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

accounts="${LOAD_ACCOUNTS:-1000}"
concurrency="${LOAD_CONCURRENCY:-8}"
warm_up_seconds="${LOAD_WARM_UP_SECONDS:-30}"
phase_seconds="${LOAD_PHASE_SECONDS:-60}"
rounds="${LOAD_ROUNDS:-3}"
if [ "${1:-}" = "--smoke" ]; then
  accounts=4 concurrency=2 warm_up_seconds=0 phase_seconds=3 rounds=1
  LOAD_POPULATION="${LOAD_POPULATION:-1000}"  # the COPY generator runs in CI too, so it follows Keycloak's schema
  LOAD_LOGINS_TOGETHER="${LOAD_LOGINS_TOGETHER:-true}"  # the other phases alternate: CI sees both ways run
fi
https_port="${LOAD_HTTPS_PORT:-8543}"
management_port=$((https_port + 1000))
pg_port="${LOAD_PG_PORT:-55460}"
sink_port="${LOAD_SMS_SINK_PORT:-8099}"
population="${LOAD_POPULATION:-0}"
report_dir="${LOAD_REPORT_DIR:-$root/benchmarks/gatling/target/load-report}"
work="$root/benchmarks/gatling/target/load"
kc_home="$work/keycloak"
secret="load-run-$(date +%s)"

# A server already on these ports would answer the readiness check in place of ours: refuse to start instead.
for port in "$https_port" "$management_port" "$sink_port" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "load: port $port is taken; choose others (LOAD_HTTPS_PORT, LOAD_PG_PORT, LOAD_SMS_SINK_PORT)" >&2
    exit 1
  fi
done

./mvnw -B -q -DskipTests install -pl distribution,chip-simulator -am
./mvnw -B -q -f benchmarks/gatling/pom.xml process-test-classes

kc_pid=""
cleanup() {
  if [ -n "$kc_pid" ] && kill -0 "$kc_pid" 2>/dev/null; then
    pkill -TERM -P "$kc_pid" 2>/dev/null || true
    kill -TERM "$kc_pid" 2>/dev/null || true
    wait "$kc_pid" 2>/dev/null || true
  fi
  "$root/scripts/postgres.sh" stop "$work/pgdata" >/dev/null 2>&1 || true
}
trap cleanup EXIT

"$root/scripts/postgres.sh" stop "$work/pgdata" >/dev/null 2>&1 || true
rm -rf "$work"
mkdir -p "$work"
cp -r "$(ls -d "$root"/distribution/target/keycloak-*/ | head -n 1)" "$kc_home"
db_url="$("$root/scripts/postgres.sh" start "$work/pgdata" "$pg_port")"

# A certificate for 127.0.0.1 only: Keycloak marks its login cookies Secure, so the load generator (like a browser)
# must reach it over TLS to keep them; the server's cookies are not weakened for the run.
keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -validity 7 -dname "CN=127.0.0.1" \
  -ext "SAN=ip:127.0.0.1" -keystore "$work/tls.p12" -storetype PKCS12 -storepass "$secret" >/dev/null 2>&1

# Import: our production realm (code limits raised, still on), the control realm and the accounts of both.
rm -rf "$kc_home/data/import" && mkdir -p "$kc_home/data/import"
java -cp "$root/benchmarks/gatling/target/test-classes:$(cat "$root/benchmarks/gatling/target/load-classpath.txt")" \
  vn.vneid.sso.load.LoadRealms \
  "$root/realm-config/vneid-realm.json" "$kc_home/data/import" "$accounts" "$work/client-key.json"

# Build-time options belong to kc.sh build; start --optimized then runs exactly that build.
"$kc_home/bin/kc.sh" build --db=postgres --health-enabled=true \
  --spi-vneid-sms--provider-default=http \
  --spi-vneid-subscriber-registry--provider-default=local >"$work/build.log" 2>&1

# Production mode needs the key of the activation codes' hashes (a file outside the database).
(umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' > "$work/activation-code.key")

export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$secret"
export VNEID_DEMO_CLIENT=true  # the load run's relying party is the realm's demo client, disabled by default
"$kc_home/bin/kc.sh" start --optimized --import-realm \
  --db-url="$db_url" --db-username=keycloak --db-password=keycloak \
  --hostname="https://127.0.0.1:$https_port" --http-enabled=false --https-port="$https_port" \
  --https-key-store-file="$work/tls.p12" --https-key-store-password="$secret" \
  --http-management-port="$management_port" \
  --spi-realm-restapi-extension--vneid-chip--allow-test-csca=true \
  --spi-vneid-sms--http--url="http://127.0.0.1:$sink_port/sms" \
  --spi-vneid-sms--http--read-timeout-ms=10000 \
  --spi-admin-realm-restapi-extension--vneid-approval--activation-code-key-file="$work/activation-code.key" \
  >"$work/keycloak.log" 2>&1 &
kc_pid=$!

echo "load: waiting for Keycloak (production mode, importing $accounts accounts per realm)"
for _ in $(seq 1 600); do
  if curl -skf "https://127.0.0.1:$management_port/health/ready" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$kc_pid" 2>/dev/null; then
    tail -n 60 "$work/keycloak.log" >&2
    exit 1
  fi
  sleep 1
done
curl -skf "https://127.0.0.1:$management_port/health/ready" >/dev/null || { tail -n 60 "$work/keycloak.log" >&2; exit 1; }
# The server's JVM (kc.sh runs it as a child): the summary reports its CPU time per journey, which the load
# generator on the same cores cannot blur.
server_pid="$(pgrep -P "$kc_pid" java | head -n 1 || true)"

if [ "$population" -gt 0 ]; then
  # The run's own accounts stay as imported; the synthetic citizens share the first one's password hash.
  echo "load: writing $population more citizens into PostgreSQL"
  TEMPLATE_USER="$(printf '001090%06d' 1)" "$root/benchmarks/stats/load-million.sh" \
    "postgresql://keycloak:keycloak@127.0.0.1:$pg_port/keycloak" "$population" 40 20 25
fi

echo "load: $concurrency concurrent users, $rounds rounds of $phase_seconds s per journey"
./mvnw -B -q -f benchmarks/gatling/pom.xml gatling:test \
  -Dload.base-url="https://127.0.0.1:$https_port" -Dload.citizens="$accounts" \
  -Dload.concurrency="$concurrency" -Dload.warm-up-seconds="$warm_up_seconds" -Dload.phase-seconds="$phase_seconds" -Dload.rounds="$rounds" \
  -Dload.sms-sink-port="$sink_port" -Dload.client-key="$work/client-key.json" -Dload.report-dir="$report_dir" \
  -Dload.journeys="${LOAD_JOURNEYS:-}" -Dload.server-pid="${server_pid:-0}" \
  -Dload.logins-together="${LOAD_LOGINS_TOGETHER:-false}"

cat "$report_dir/summary.md"
