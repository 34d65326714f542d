#!/usr/bin/env bash
# A throw-away PostgreSQL for the test suite, from Debian's packages.
#   postgres.sh start <data-dir> <port>   installs PostgreSQL if absent, creates the cluster, starts it and a
#                                         database "keycloak" owned by user "keycloak" (password "keycloak")
#   postgres.sh stop  <data-dir>
# PostgreSQL refuses to run as root, so as root the cluster belongs to the "postgres" system user.
set -euo pipefail
cmd="${1:?start|stop}"
data_dir="${2:?data directory}"
port="${3:-55432}"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin="$(find_bin)"
if [ -z "$bin" ] && [ "$cmd" = start ]; then
  echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  bin="$(find_bin)"
fi
[ -n "$bin" ] || { echo "postgres.sh: no PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
  start)
    mkdir -p "$data_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data_dir"
    if [ ! -f "$data_dir/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # A busy CI machine once saw the server exit at start with no trace: try three times, and show its log each time.
    started=""
    for attempt in 1 2 3; do
      if as_owner "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 120 \
          -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null; then
        started=yes; break
      fi
      echo "postgres.sh: PostgreSQL did not start on port $port (attempt $attempt); its log:" >&2
      tail -n 30 "$data_dir/server.log" >&2 || true
      sleep 5
    done
    [ -n "$started" ] || exit 1
    psql_cmd=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
    if [ -z "$("${psql_cmd[@]}" -c "select 1 from pg_roles where rolname='keycloak'")" ]; then
      "${psql_cmd[@]}" -c "create role keycloak login password 'keycloak'"
    fi
    if [ -z "$("${psql_cmd[@]}" -c "select 1 from pg_database where datname='keycloak'")" ]; then
      "${psql_cmd[@]}" -c "create database keycloak owner keycloak encoding 'UTF8'"
    fi
    echo "jdbc:postgresql://127.0.0.1:$port/keycloak"
    ;;
  stop)
    if [ -f "$data_dir/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: postgres.sh start|stop <data-dir> [port]" >&2; exit 2 ;;
esac
