// The National Public Service Portal (client dvc-portal) signing a citizen in, written with npm's openid-client
// (v6, by Filip Skokan), a certified OpenID relying-party library we did not write: it proves the server against
// someone else's reading of OpenID Connect, FAPI 2.0, PAR, DPoP and private_key_jwt. Only openid-client's public
// API and the platform's WebCrypto are used.
//
// A login needs a person (password, then the SMS code), so the script talks to whoever drives it (OutsideClientIT):
//   env    VNEID_ISSUER, VNEID_CLIENT_ID, VNEID_REDIRECT_URI, VNEID_CLIENT_JWK (the portal's private JWK, JSON: a key
//          generated for this run, never a file), VNEID_SCOPE (optional, default "openid"),
//          VNEID_REDEEM_WITH_OTHER_DPOP_KEY=true (optional: the stolen-code case below)
//   stdout line 1  {"authorizationUrl": "..."}      the browser opens it and signs in
//   stdin  line 1  the callback URL the browser was sent to (with code, state and iss)
//   stdout line 2  {"tokenType", "idToken": {claims}, "userinfo": {...}, "refreshed": {...}}
//   on failure     {"error", "cause"} on stdout and exit status 1
import * as client from 'openid-client';
import { createInterface } from 'node:readline';

function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`environment variable ${name} is missing`);
  return value;
}

function print(object) {
  process.stdout.write(JSON.stringify(object) + '\n');
}

// One stderr line per HTTP exchange (method, endpoint, DPoP proof sent, status, the server's DPoP/Bearer
// challenge): the test log shows where a refusal came from. Never bodies, tokens or query strings.
async function tracedFetch(url, options) {
  const response = await fetch(url, options);
  const challenge = response.headers.get('www-authenticate');
  process.stderr.write(`openid-client: ${options.method} ${url.split('?')[0]}`
    + `${options.headers?.dpop ? ' (DPoP proof)' : ''}`
    + ` -> ${response.status}${challenge ? ' ' + challenge : ''}\n`);
  return response;
}

async function readLine() {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.trim();
  }
  throw new Error('stdin closed before the callback URL arrived');
}

async function main() {
  const issuer = new URL(env('VNEID_ISSUER'));
  const redirectUri = env('VNEID_REDIRECT_URI');
  // The portal's key as a WebCrypto RSA-PSS/SHA-256 key: openid-client derives the assertion's alg (PS256) from it.
  const jwk = JSON.parse(env('VNEID_CLIENT_JWK'));
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);

  // private_key_jwt: openid-client signs the assertion with aud = the issuer identifier, one string, which is what
  // Keycloak (and FAPI 2.0) require.
  const config = await client.discovery(issuer, env('VNEID_CLIENT_ID'),
    { id_token_signed_response_alg: 'PS256' }, // refuse an ID token signed any other way
    client.PrivateKeyJwt({ key, kid: jwk.kid }),
    {
      // The test server is http://localhost: openid-client refuses plain HTTP unless told. Test only: the real
      // portal talks to https://sso.vneid.gov.vn and must never set this.
      execute: [client.allowInsecureRequests],
      // Seconds per request: CI is a loaded two-core machine (failures come from the server, never from haste).
      timeout: 120,
      [client.customFetch]: tracedFetch,
    });

  // One DPoP key for this login: PAR (dpop_jkt binding), the token request, refresh and userinfo all prove it.
  const DPoP = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'));
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();

  const authorizationUrl = await client.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: redirectUri,
    scope: process.env.VNEID_SCOPE || 'openid',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }, { DPoP });
  print({ authorizationUrl: authorizationUrl.href });

  // openid-client checks the callback's iss (RFC 9207, Keycloak announces it), state, then sends the PKCE verifier;
  // the ID token's signature (realm JWKS), alg, iss, aud, exp and nonce are checked before we see any claim.
  // VNEID_REDEEM_WITH_OTHER_DPOP_KEY=true plays a thief who has the code but not the key the pushed request was
  // bound to (dpop_jkt, RFC 9449 section 10): the server must refuse the exchange.
  const callback = new URL(await readLine());
  const redeemWith = process.env.VNEID_REDEEM_WITH_OTHER_DPOP_KEY === 'true'
    ? client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256')) : DPoP;
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  }, undefined, { DPoP: redeemWith });
  const claims = tokens.claims();

  // userinfo with the DPoP-bound token; openid-client checks that its sub is the ID token's.
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub, { DPoP });

  // A refresh, as the portal does when its access token expires: same client assertion, same DPoP key.
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token, undefined, { DPoP });
  const refreshedInfo = await client.fetchUserInfo(config, refreshed.access_token, claims.sub, { DPoP });

  print({
    tokenType: tokens.token_type,
    scope: tokens.scope,
    idToken: claims,
    userinfo,
    refreshed: { tokenType: refreshed.token_type, sub: refreshed.claims()?.sub, userinfoSub: refreshedInfo.sub },
  });
}

try {
  await main();
} catch (error) {
  // openid-client's errors carry the server's answer (an OAuth error body) or what failed a check as cause.
  const cause = error.cause instanceof Response ? `HTTP ${error.cause.status}` : error.cause;
  print({ error: `${error.name}: ${error.message}`, cause: cause === undefined ? undefined : JSON.stringify(cause) });
  process.exitCode = 1;
}
