#!/usr/bin/env bash
# The statistics benchmark (issue #15 part 6; not a test): a throw-away PostgreSQL, Keycloak with our providers on it,
# a million synthetic citizens loaded with COPY (load-million.sh), then timed calls of the statistics endpoint:
# one province's table (its districts, over all its records), the country's table, and one district's communes.
#   run-benchmark.sh [count=1000000] [pg-port=55444, or "auto" for any free port] [calls=20]
# Needs the distribution built (./mvnw install -DskipTests). Work files in target/stats-bench (deleted at the start).
set -euo pipefail
count="${1:-1000000}"; pg_port="${2:-55444}"; calls="${3:-20}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
[ "$pg_port" = auto ] && pg_port="$(free_port)"
here="$(cd "$(dirname "$0")" && pwd)"; root="$(cd "$here/../.." && pwd)"
work="$root/benchmarks/target/stats-bench"; kc_home="$root/distribution/target/keycloak-26.7.3"
[ -x "$kc_home/bin/kc.sh" ] || { echo "build first: ./mvnw -B install -DskipTests" >&2; exit 1; }
http_port="$(free_port)"; mgmt_port="$(free_port)"

bash "$root/scripts/postgres.sh" stop "$work/pgdata" 2>/dev/null || true
rm -rf "$work"; mkdir -p "$work"
jdbc="$(bash "$root/scripts/postgres.sh" start "$work/pgdata" "$pg_port")"
kc_pid=""
cleanup() {
  [ -n "$kc_pid" ] && kill "$kc_pid" 2>/dev/null && wait "$kc_pid" 2>/dev/null || true
  bash "$root/scripts/postgres.sh" stop "$work/pgdata" || true
}
trap cleanup EXIT

KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin "$kc_home/bin/kc.sh" start-dev \
  --http-port="$http_port" --http-management-port="$mgmt_port" --import-realm \
  --db=postgres --db-url="$jdbc" --db-username=keycloak --db-password=keycloak >"$work/keycloak.log" 2>&1 &
kc_pid=$!
base="http://127.0.0.1:$http_port"
for _ in $(seq 1 900); do
  curl -fsS -o /dev/null "$base/realms/vneid/.well-known/openid-configuration" 2>/dev/null && break
  kill -0 "$kc_pid" 2>/dev/null || { tail -50 "$work/keycloak.log"; exit 1; }
  sleep 1
done
echo "Keycloak up on $base"

bash "$here/load-million.sh" "postgresql://keycloak:keycloak@127.0.0.1:$pg_port/keycloak" "$count" 40 20 25

token() {
  curl -fsS "$base/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    -d username=admin -d password=admin | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
measure() {
  local label="$1" query="$2"
  # a fresh token for each call: the admin's tokens live 60 s, less than a slow series of calls
  curl -fsS -o "$work/$label.json" -H "Authorization: Bearer $(token)" "$base/admin/realms/vneid/vneid-stats/figures?$query"
  for _ in 1 2 3; do curl -fsS -o /dev/null -H "Authorization: Bearer $(token)" "$base/admin/realms/vneid/vneid-stats/figures?$query"; done
  : >"$work/$label.times"
  for _ in $(seq 1 "$calls"); do
    local tok; tok="$(token)"
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $tok" \
      "$base/admin/realms/vneid/vneid-stats/figures?$query" >>"$work/$label.times"
  done
  sort -n "$work/$label.times" | awk -v label="$label" -v q="$query" '{ t[NR] = $1 } END {
    printf "%-10s %-32s median %.3f s  p95 %.3f s  max %.3f s  (%d calls)\n", label, q, t[int((NR + 1) / 2)],
      t[int(NR * 0.95 + 0.999)], t[NR], NR }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
measure province "period=2026&province=40"
measure country "period=2026"
measure district "period=2026&district=X4001"
python3 -c "import json; u=json.load(open('$work/province.json'))['unit']; print('province 40 total: collected', u['collected'], 'activated', u['activated'], 'pending', u['pending'])"

# The accounts were written beside Keycloak, not through it: check that Keycloak reads one as its own (username,
# enabled, attributes, default roles) and that activated records and enabled accounts agree.
sql() { "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql" \
  "postgresql://keycloak:keycloak@127.0.0.1:$pg_port/keycloak" -qtA -c "$1"; }
tok="$(token)"
for n in 1 2 3; do
  id="$(printf 'bench-user-%025d' "$n")"
  row="$(sql "select u.username || ' ' || u.enabled || ' ' || a.value from user_entity u join user_attribute a on a.user_id = u.id and a.name = 'phoneNumber' where u.id = '$id'")"
  curl -fsS -H "Authorization: Bearer $tok" "$base/admin/realms/vneid/users/$id" >"$work/user-$n.json"
  curl -fsS -H "Authorization: Bearer $tok" "$base/admin/realms/vneid/users/$id/role-mappings/realm/composite" >"$work/user-$n-roles.json"
  python3 - "$work/user-$n.json" "$work/user-$n-roles.json" "$row" <<'PY'
import json, sys
user, roles, expected = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3].split()
seen = [user["username"], str(user["enabled"]).lower(), user["attributes"]["phoneNumber"][0]]
assert seen == expected, f"Keycloak reads {seen}, the database holds {expected}"
assert any(r["name"] == "default-roles-vneid" for r in roles), "no default roles"
PY
done
activated_accounts="$(sql "select count(*) from user_entity where id like 'bench-user-%' and enabled")"
python3 -c "import json,sys; u=json.load(open('$work/province.json'))['unit']; a=int(sys.argv[1]); \
  assert u['activated'] == a, f'{u[\"activated\"]} activated records but {a} enabled accounts'; \
  print('Keycloak reads the generated accounts; enabled accounts', a, '= activated records')" "$activated_accounts"

# This server imported the realm file as an operator does, without VNEID_DEMO_CLIENT: Keycloak's own import must have
# left the demo client (public, redirecting to http://localhost) disabled, and refuse an authorization request for it.
demo="$(curl -fsS -H "Authorization: Bearer $tok" "$base/admin/realms/vneid/clients?clientId=vneid-demo-rp")"
python3 -c "import json,sys; c=json.loads(sys.argv[1]); assert len(c) == 1 and c[0]['enabled'] is False, c" "$demo"
status="$(curl -s -o /dev/null -w '%{http_code}' "$base/realms/vneid/protocol/openid-connect/auth?client_id=vneid-demo-rp&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A8089%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")"
[ "$status" = 400 ] || { echo "the demo client answered $status to an authorization request (expected 400)" >&2; exit 1; }
echo "the realm file's demo client is imported disabled: authorization request refused ($status)"
