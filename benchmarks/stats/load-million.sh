#!/usr/bin/env bash
# Loads synthetic citizens, their accounts and their records into the PostgreSQL database of a Keycloak that has
# started once with our providers (so that our tables exist), with COPY (not the admin API). Issue #15 part 6, and the
# population of issue #14's login benchmark at ten thousand and a million citizens.
#   load-million.sh <psql-url> [count=1000000] [province=40] [districts=20] [communes-per-district=25]
# e.g. load-million.sh postgresql://keycloak:keycloak@127.0.0.1:55444/keycloak
# With TEMPLATE_USER=<username> (an account of realm vneid with a password), every activated synthetic account gets a
# copy of that account's password credential (one Argon2 hash computed by Keycloak, not a million). Each account gets
# the realm's default roles, as one created by Keycloak would.
# What an earlier run loaded (desk "bench-desk", accounts "bench-user-…" and its units) is removed first; ends with
# VACUUM ANALYZE so that the planner knows the new sizes and the statistics query can use index-only scans.
set -euo pipefail
url="${1:?psql connection URL}"
count="${2:-1000000}"; province="${3:-40}"; districts="${4:-20}"; communes="${5:-25}"
template_user="${TEMPLATE_USER:-}"
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
for table in user_role_mapping credential user_attribute user_entity; do
  column=user_id; [ "$table" = user_entity ] && column=id
  psql -c "delete from $table where $column like 'bench-user-%'"
done
gen units "$province" "$districts" "$communes" \
  | psql -c "\\copy vneid_admin_unit (id, kind, code, name, parent_id) from stdin with (format csv)"
gen records "$realm" "$province" "$districts" "$communes" "$count" \
  | psql -c "\\copy vneid_enrolment_record (id, realm_id, desk_id, desk_record_id, national_id, full_name, birth_date, sex, phone, requested_level, commune_id, status, fingerprint, received_at, updated_at) from stdin with (format csv)"
gen events "$realm" "$province" "$districts" "$communes" "$count" \
  | psql -c "\\copy vneid_record_status_event (id, record_id, status, reason, actor, created_at) from stdin with (format csv)"
gen users "$realm" "$province" "$districts" "$communes" "$count" \
  | psql -c "\\copy user_entity (id, email_constraint, email_verified, enabled, realm_id, username, created_timestamp, not_before) from stdin with (format csv)"
gen attributes "$realm" "$province" "$districts" "$communes" "$count" \
  | psql -c "\\copy user_attribute (id, name, value, user_id) from stdin with (format csv)"
psql -c "insert into user_role_mapping (role_id, user_id)
         select r.id, u.id from keycloak_role r, user_entity u
         where r.realm_id = '$realm' and r.name = 'default-roles-vneid' and u.id like 'bench-user-%'"
if [ -n "$template_user" ]; then
  copied="$(psql -c "with copied as (insert into credential (id, salt, type, user_id, created_date, user_label, secret_data, credential_data, priority, version)
         select 'bench-cred-' || substr(u.id, 12), c.salt, c.type, u.id, c.created_date, c.user_label, c.secret_data,
                c.credential_data, c.priority, c.version
         from credential c join user_entity t on t.id = c.user_id, user_entity u
         where t.realm_id = '$realm' and t.username = '$template_user' and c.type = 'password'
           and u.id like 'bench-user-%' and u.enabled
         returning 1) select count(*) from copied")"
  [ "$copied" -gt 0 ] || { echo "no password credential of '$template_user' in realm vneid to copy" >&2; exit 1; }
fi
for table in vneid_admin_unit vneid_enrolment_record vneid_record_status_event user_entity user_attribute credential user_role_mapping; do
  psql -c "vacuum analyze $table"
done
echo "loaded $count citizens ($(psql -c "select count(*) from user_entity where id like 'bench-user-%' and enabled") accounts activated, $(psql -c "select count(*) from vneid_record_status_event where record_id like 'bench-%'") record status events) into province $province in $(( $(date +%s) - started )) s"
