#!/usr/bin/env bash
# Builds and starts the relying-party example (examples/portal-example) against the development server:
# https://localhost:8443 for the browser (self-signed certificate, made on the first start), and on
# http://127.0.0.1:8090 the client's JWKS and back-channel logout endpoint, which the server calls itself.
# Its client key and certificate live in .dev/portal-example/ (never committed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

./mvnw -B -q -DskipTests package -pl examples/portal-example -am

exec java -jar examples/portal-example/target/vneid-portal-example-app.jar "$@"
