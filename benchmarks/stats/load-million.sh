#!/usr/bin/env bash
# Loads synthetic citizens and their records into the PostgreSQL database of a Keycloak that has started once with
# our providers (so that our tables exist), with COPY (not the admin API). Issue #15 part 6.
#   load-million.sh <psql-url> [count=1000000] [province=40] [districts=20] [communes-per-district=25]
# e.g. load-million.sh postgresql://keycloak:keycloak@127.0.0.1:55444/keycloak
# Records of an earlier run (desk "bench-desk") and its units are removed first; ends with VACUUM ANALYZE so that
# the planner knows the new sizes and the statistics query can use index-only scans.
set -euo pipefail
url="${1:?psql connection URL}"
count="${2:-1000000}"; province="${3:-40}"; districts="${4:-20}"; communes="${5:-25}"
here="$(cd "$(dirname "$0")" && pwd)"
psql_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql"
[ -x "$psql_bin" ] || psql_bin=psql
psql() { "$psql_bin" "$url" -v ON_ERROR_STOP=1 -qtA "$@"; }
gen() { java "$here/GenerateCitizens.java" "$@"; }

realm="$(psql -c "select id from realm where name = 'vneid'")"
[ -n "$realm" ] || { echo "no realm vneid in $url: start Keycloak on this database once first" >&2; exit 1; }

started=$(date +%s)
psql -c "delete from vneid_record_status_event where record_id like 'bench-%'"
psql -c "delete from vneid_enrolment_record where desk_id = 'bench-desk'"
psql -c "delete from vneid_admin_unit where kind = 'COMMUNE' and code like 'X${province}%'"
psql -c "delete from vneid_admin_unit where kind = 'DISTRICT' and code like 'X${province}%'"
gen units "$province" "$districts" "$communes" \
  | psql -c "\\copy vneid_admin_unit (id, kind, code, name, parent_id) from stdin with (format csv)"
gen records "$realm" "$province" "$districts" "$communes" "$count" \
  | psql -c "\\copy vneid_enrolment_record (id, realm_id, desk_id, desk_record_id, national_id, full_name, birth_date, sex, phone, requested_level, commune_id, status, fingerprint, received_at, updated_at) from stdin with (format csv)"
gen events "$realm" "$province" "$districts" "$communes" "$count" \
  | psql -c "\\copy vneid_record_status_event (id, record_id, status, reason, actor, created_at) from stdin with (format csv)"
psql -c "vacuum analyze vneid_admin_unit" -c "vacuum analyze vneid_enrolment_record" -c "vacuum analyze vneid_record_status_event"
echo "loaded $count records ($(psql -c "select count(*) from vneid_record_status_event where record_id like 'bench-%'") status events) into province $province in $(( $(date +%s) - started )) s"
