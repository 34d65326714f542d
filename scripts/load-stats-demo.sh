#!/usr/bin/env bash
# Loads the campaign statistics demo (realm-config/demo/stats: units, targets, records; issue #15) into a running
# server started for development (./scripts/run-server.sh enables the demo loaders). Loading again replaces the demo
# records. Usage: load-stats-demo.sh [base-url=http://localhost:8080] [admin] [password]
set -euo pipefail
base="${1:-http://localhost:8080}"; user="${2:-admin}"; password="${3:-admin}"
dir="$(cd "$(dirname "$0")/../realm-config/demo/stats" && pwd)"
token="$(curl -fsS "$base/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
  --data-urlencode "username=$user" --data-urlencode "password=$password" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
api="$base/admin/realms/vneid/vneid-stats"
send() { curl -fsS -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv; charset=utf-8' \
  --data-binary "@$dir/$2" "$api/$3"; echo; }
send POST units.csv demo/units
send PUT targets.csv targets
send POST records.csv demo/records
echo "Open $base/realms/vneid/vneid-operator/ (period 2023) as a user with the realm role vneid-operator, or see $api/figures?period=2023"
