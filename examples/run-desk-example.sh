#!/usr/bin/env bash
# Builds and runs the one-stop desk example (examples/desk-example, issue #15) against a server, by default the
# development server of scripts/run-server.sh. Keys of registered desks live in .dev/desk-example/ (never committed).
#   examples/run-desk-example.sh register [server=http://localhost:8080] [desk-id=desk-badinh]   (admin / admin)
#   examples/run-desk-example.sh send     [server=http://localhost:8080] [desk-id=desk-badinh] [batch=sample] [vi|en]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
command="${1:?register or send}"
server="${2:-http://localhost:8080}"
desk="${3:-desk-badinh}"

jar=examples/desk-example/target/vneid-desk-example-app.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl examples/desk-example -am

case "$command" in
  register) exec java -jar "$jar" register "$server" "${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
              "${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" "$desk" ;;
  send)     exec java -jar "$jar" send "$server" "$desk" "${4:-examples/desk-example/sample-batch.json}" "${5:-vi}" ;;
  *)        echo "register or send" >&2; exit 2 ;;
esac
