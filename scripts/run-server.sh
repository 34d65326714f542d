#!/usr/bin/env bash
# Builds our jars, prepares Keycloak 26.7.3 from Maven Central with our providers, theme and the vneid realm,
# and starts it in development mode on http://localhost:8080 with an on-disk H2 database under .dev/.
# The realm is imported on the first start only: later starts keep what the database holds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

port="${VNEID_HTTP_PORT:-8080}"
dev_dir="$root/.dev"
outbox="$dev_dir/sms-outbox.jsonl"
mkdir -p "$dev_dir"

./mvnw -B -q -DskipTests package -pl distribution,chip-simulator -am

kc_home="$(ls -d "$root"/distribution/target/keycloak-*/ | head -n 1)"
cat <<INFO

  VNeID SSO (development) starting on http://localhost:$port
  Login (demo relying party):
    http://localhost:$port/realms/vneid/protocol/openid-connect/auth?client_id=vneid-demo-rp&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A8089%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256
  Discovery: http://localhost:$port/realms/vneid/.well-known/openid-configuration
  Demo citizens (password VNeID-demo-2024): 001085012345 (level 2), 040192004321 (level 1),
    079188005566 (no verified phone); README lists all six.
  SMS messages (codes in clear, development only): $outbox
  Admin console: http://localhost:$port/admin (admin / admin)
  Relying-party example (client dvc-portal, FAPI 2.0): ./examples/run-portal-example.sh, then https://localhost:8443/

INFO

# The realm's dvc-portal client points to the relying-party example (examples/run-portal-example.sh) unless these
# are set. Read at the realm import only, i.e. on the first start: delete .dev/ to import again with other values.
# The JWKS and back-channel URLs are plain http on the loopback address: the server calls them itself and would
# refuse the example's self-signed certificate (an import runs no client policy, so secure-client-uris allows it).
# The production realm ships the README's demo client (vneid-demo-rp, redirect to http://localhost:8089) disabled.
export VNEID_DEMO_CLIENT="${VNEID_DEMO_CLIENT:-true}"
export VNEID_PORTAL_REDIRECT_URI="${VNEID_PORTAL_REDIRECT_URI:-https://localhost:8443/callback}"
export VNEID_PORTAL_POST_LOGOUT_REDIRECT_URI="${VNEID_PORTAL_POST_LOGOUT_REDIRECT_URI:-https://localhost:8443/}"
export VNEID_PORTAL_JWKS_URL="${VNEID_PORTAL_JWKS_URL:-http://127.0.0.1:8090/jwks.json}"
export VNEID_PORTAL_BACKCHANNEL_LOGOUT_URL="${VNEID_PORTAL_BACKCHANNEL_LOGOUT_URL:-http://127.0.0.1:8090/backchannel-logout}"

# The key of the activation codes' hashes (a file outside the database): drawn once, kept with the dev database.
code_key="$dev_dir/activation-code.key"
if [ ! -s "$code_key" ]; then
  (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' > "$code_key")
fi

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "$kc_home/bin/kc.sh" start-dev \
  --http-port="$port" \
  --import-realm \
  --db=dev-file \
  --db-url="jdbc:h2:file:$dev_dir/h2/keycloakdb;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0" \
  --spi-vneid-sms--provider-default=outbox \
  --spi-vneid-sms--outbox--path="$outbox" \
  --spi-vneid-subscriber-registry--provider-default=local \
  --spi-vneid-population-registry--provider-default=local \
  --spi-realm-restapi-extension--vneid-chip--allow-test-csca=true \
  --spi-admin-realm-restapi-extension--vneid-stats--demo-data=true \
  --spi-admin-realm-restapi-extension--vneid-approval--activation-code-key-file="$code_key" \
  "$@"
