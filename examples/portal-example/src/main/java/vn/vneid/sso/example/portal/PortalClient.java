package vn.vneid.sso.example.portal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * A government service's side of a VNeID login, FAPI 2.0 with DPoP: a pushed authorization request (PAR)
 * authenticated with {@code private_key_jwt}, PKCE S256, the code exchanged for DPoP-bound tokens, the ID token
 * verified against the realm's keys and its {@code acr} checked. docs/integration-guide.md quotes the tagged
 * regions of this file; IntegrationGuideSnippetsTest keeps the two equal.
 */
public final class PortalClient {

    /** Level 1: national ID, password and an SMS code. */
    public static final ACR LEVEL_1 = new ACR("vneid-l1");
    /** Level 2: level 1 plus the chip ID card read by the VNeID app. */
    public static final ACR LEVEL_2 = new ACR("vneid-l2");

    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private final RSAKey clientKey;
    private final URI redirectUri;
    private final URI postLogoutRedirectUri;
    private final JWKSource<SecurityContext> realmKeys;
    private final IDTokenValidator idTokenValidator;

    private PortalClient(OIDCProviderMetadata provider, ClientID clientId, RSAKey clientKey, URI redirectUri,
                         URI postLogoutRedirectUri) throws IOException {
        this.provider = provider;
        this.clientId = clientId;
        this.clientKey = clientKey;
        this.redirectUri = redirectUri;
        this.postLogoutRedirectUri = postLogoutRedirectUri;
        // tag::id-token-validator[]
        // The realm signs this client's ID tokens with PS256 (client attribute id.token.signed.response.alg). Its
        // public keys come from jwks_uri, cached (a token signed with a new key refreshes them), with timeouts a busy
        // network does not break (Nimbus's default is 500 ms) and one retry, within the 15 s other
        // requests wait for a refresh.
        this.realmKeys = JWKSourceBuilder.<SecurityContext>create(provider.getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(3_000, 3_000, 512 * 1024))
                .retrying(true)
                .build();
        this.idTokenValidator = new IDTokenValidator(provider.getIssuer(), clientId,
                new JWSVerificationKeySelector<>(JWSAlgorithm.PS256, realmKeys), null);
        // end::id-token-validator[]
    }

    /** Reads the realm's discovery document once, at start. */
    public static PortalClient discover(URI issuer, String clientId, RSAKey clientKey, URI redirectUri,
                                        URI postLogoutRedirectUri) throws IOException, GeneralException {
        // tag::discovery[]
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        // Keycloak's discovery says require_pushed_authorization_requests=false for the whole realm: PAR is
        // required per client (ours is), so use the PAR endpoint whatever discovery says.
        URI parEndpoint = provider.getPushedAuthorizationRequestEndpointURI();
        // end::discovery[]
        if (parEndpoint == null) {
            throw new GeneralException("the server publishes no PAR endpoint: " + issuer);
        }
        return new PortalClient(provider, new ClientID(clientId), clientKey, redirectUri, postLogoutRedirectUri);
    }

    public OIDCProviderMetadata provider() {
        return provider;
    }

    /** The realm's public keys (jwks_uri), cached: for the other tokens the realm signs, such as logout tokens. */
    public JWKSource<SecurityContext> realmKeys() {
        return realmKeys;
    }

    public ClientID clientId() {
        return clientId;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /**
     * What the service keeps in the citizen's session between sending the browser away and the callback: the
     * values that bind the callback to this browser, and the DPoP key the tokens will be bound to.
     */
    public record PendingLogin(State state, Nonce nonce, CodeVerifier codeVerifier, DPoPProofFactory dpop,
                               ACR requiredAcr) {
    }

    /** Where to send the browser, and what to keep until it comes back. */
    public record Redirect(URI authorizationUri, PendingLogin pending) {
    }

    /** The verified outcome of a login. */
    public record Tokens(IDTokenClaimsSet idToken, JWT idTokenJwt, AccessToken accessToken,
                         RefreshToken refreshToken, DPoPProofFactory dpop) {
    }

    /** A refusal from the server, with the OAuth error code it sent (see the guide's error table). */
    public static final class LoginException extends Exception {
        private final ErrorObject error;

        public LoginException(ErrorObject error) {
            super(error.getCode() + (error.getDescription() == null ? "" : ": " + error.getDescription()));
            this.error = error;
        }

        public ErrorObject error() {
            return error;
        }
    }

    /** {@code private_key_jwt}: a short-lived JWT signed with the service's key, one per request. */
    public ClientAuthentication clientAssertion() {
        return clientAssertion(new Audience(provider.getIssuer().getValue()));
    }

    /** The same assertion with another audience: only for showing the error a wrong one gets. */
    public ClientAuthentication clientAssertion(Audience audience) {
        try {
            // tag::client-assertion[]
            // aud is the issuer (https://.../realms/vneid), as a single string: FAPI 2.0 wants the issuer and
            // Keycloak refuses a list. iss = sub = client_id, a fresh jti and a 5-minute expiry come from Nimbus.
            JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(clientId, audience);
            return new PrivateKeyJWT(claims, JWSAlgorithm.PS256, clientKey.toPrivateKey(), clientKey.getKeyID(),
                    null);
            // end::client-assertion[]
        } catch (JOSEException e) {
            throw new IllegalStateException("the client key cannot sign", e);
        }
    }

    /**
     * Pushes the authorization request and returns the URI to send the browser to.
     *
     * @param scope       {@code openid} plus the scopes whose claims the service needs
     * @param requiredAcr {@code null} for the client's minimum (level 1), or {@link #LEVEL_2} for a step-up
     */
    public Redirect startLogin(Scope scope, ACR requiredAcr) throws IOException, LoginException {
        try {
            // tag::par[]
            State state = new State();               // ties the callback to this browser (CSRF)
            Nonce nonce = new Nonce();               // ties the ID token to this login
            CodeVerifier verifier = new CodeVerifier(); // PKCE: only we can redeem the code
            // One DPoP key per login: the tokens will be usable only with proofs signed by it.
            DPoPProofFactory dpop = new DefaultDPoPProofFactory(
                    new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);

            AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                    ResponseType.CODE, scope, clientId, redirectUri)
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256);
            if (requiredAcr != null) {
                request.acrValues(List.of(requiredAcr));
            }
            // The request goes to the server directly, authenticated: the browser only ever sees a request_uri.
            HTTPResponse pushed = new PushedAuthorizationRequest(
                    provider.getPushedAuthorizationRequestEndpointURI(), clientAssertion(), request.build())
                    .toHTTPRequest().send();
            PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(pushed);
            if (!response.indicatesSuccess()) {
                throw new LoginException(response.toErrorResponse().getErrorObject());
            }
            // The request_uri is valid for 60 seconds and once: send the browser there at once.
            URI authorizationUri = new AuthorizationRequest.Builder(
                    response.toSuccessResponse().getRequestURI(), clientId)
                    .endpointURI(provider.getAuthorizationEndpointURI())
                    .build().toURI();
            // end::par[]
            return new Redirect(authorizationUri, new PendingLogin(state, nonce, verifier, dpop, requiredAcr));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a DPoP key", e);
        } catch (ParseException e) {
            throw new IOException("unreadable PAR response", e);
        }
    }

    /** Handles the callback: checks it, redeems the code with a DPoP proof, verifies the ID token and its acr. */
    public Tokens finishLogin(URI callback, PendingLogin pending) throws IOException, LoginException {
        try {
            // tag::callback[]
            AuthorizationResponse response = AuthorizationResponse.parse(callback);
            if (!pending.state().equals(response.getState())) {
                throw new LoginException(new ErrorObject("state_mismatch", "the callback is not for this browser"));
            }
            if (!response.indicatesSuccess()) {
                // e.g. access_denied: the citizen went back to the service from the login
                throw new LoginException(response.toErrorResponse().getErrorObject());
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            // end::callback[]

            // tag::token[]
            TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(), clientAssertion(),
                    new AuthorizationCodeGrant(code, redirectUri, pending.codeVerifier()));
            HTTPRequest http = tokenRequest.toHTTPRequest();
            // A proof of possession of the login's DPoP key: the tokens come back bound to it (token_type DPoP).
            http.setDPoP(pending.dpop().createDPoPJWT(http.getMethod().name(), http.getURI()));
            TokenResponse tokenResponse = OIDCTokenResponseParser.parse(http.send());
            if (!tokenResponse.indicatesSuccess()) {
                throw new LoginException(tokenResponse.toErrorResponse().getErrorObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
            // end::token[]

            // tag::verify-id-token[]
            // Signature (realm key, PS256), iss, aud = our client_id, exp/iat and our nonce.
            IDTokenClaimsSet idToken = idTokenValidator.validate(tokens.getOIDCTokens().getIDToken(),
                    pending.nonce());
            // acr_values is a request, not a guarantee: the level reached is the acr in the signed ID token.
            ACR required = pending.requiredAcr() == null ? LEVEL_1 : pending.requiredAcr();
            if (!reaches(idToken.getACR(), required)) {
                throw new LoginException(new ErrorObject("acr_not_reached",
                        "asked for " + required + ", the ID token says " + idToken.getACR()));
            }
            // end::verify-id-token[]
            return new Tokens(idToken, tokens.getOIDCTokens().getIDToken(), tokens.getOIDCTokens().getAccessToken(),
                    tokens.getOIDCTokens().getRefreshToken(), pending.dpop());
        } catch (ParseException e) {
            throw new IOException("unreadable callback or token response", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof", e);
        } catch (com.nimbusds.jose.proc.BadJOSEException e) {
            throw new LoginException(new ErrorObject("invalid_id_token", e.getMessage()));
        }
    }

    /** Levels are ordered: a level-2 login satisfies a level-1 requirement. */
    static boolean reaches(ACR actual, ACR required) {
        if (actual == null) {
            return false;
        }
        if (required.equals(LEVEL_1)) {
            return actual.equals(LEVEL_1) || actual.equals(LEVEL_2);
        }
        return actual.equals(required);
    }

    /** The userinfo endpoint with the DPoP-bound access token and a fresh proof for this one request. */
    public UserInfo userInfo(Tokens tokens) throws IOException, LoginException {
        try {
            // tag::userinfo[]
            HTTPRequest http = new UserInfoRequest(provider.getUserInfoEndpointURI(), tokens.accessToken())
                    .toHTTPRequest();   // Authorization: DPoP <token>
            // Each proof names the method and URL and carries the token's hash (ath); it is good for one request.
            http.setDPoP(tokens.dpop().createDPoPJWT(http.getMethod().name(), http.getURI(),
                    tokens.accessToken()));
            UserInfoResponse response = UserInfoResponse.parse(http.send());
            if (!response.indicatesSuccess()) {
                // 401 with WWW-Authenticate: DPoP error="invalid_token" (see the guide's error table)
                throw new LoginException(response.toErrorResponse().getErrorObject());
            }
            UserInfo userInfo = response.toSuccessResponse().getUserInfo();
            // end::userinfo[]
            return userInfo;
        } catch (ParseException e) {
            throw new IOException("unreadable userinfo response", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof", e);
        }
    }

    /** A new access token from the refresh token, with the same client assertion and DPoP key. */
    public Tokens refresh(Tokens tokens) throws IOException, LoginException {
        try {
            // tag::refresh[]
            TokenRequest refresh = new TokenRequest(provider.getTokenEndpointURI(), clientAssertion(),
                    new RefreshTokenGrant(tokens.refreshToken()));
            HTTPRequest http = refresh.toHTTPRequest();
            // A confidential client's refresh token is bound to its client authentication, not to the DPoP key
            // (RFC 9449, section 5); the new access token is bound to the key of this proof: keep the login's.
            http.setDPoP(tokens.dpop().createDPoPJWT(http.getMethod().name(), http.getURI()));
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                // invalid_grant once the citizen's session has ended (logout, expiry)
                throw new LoginException(response.toErrorResponse().getErrorObject());
            }
            // end::refresh[]
            OIDCTokenResponse refreshed = (OIDCTokenResponse) response.toSuccessResponse();
            RefreshToken next = refreshed.getTokens().getRefreshToken();
            return new Tokens(tokens.idToken(), tokens.idTokenJwt(), refreshed.getTokens().getAccessToken(),
                    next == null ? tokens.refreshToken() : next, tokens.dpop());
        } catch (ParseException e) {
            throw new IOException("unreadable token response", e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof", e);
        }
    }

    /** RP-initiated logout: where to send the browser to end the citizen's VNeID session too. */
    public URI logoutUri(Tokens tokens, State state) {
        // tag::logout[]
        // id_token_hint names the session; the post-logout URI must be one registered for the client.
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), tokens.idTokenJwt(),
                postLogoutRedirectUri, state).toURI();
        // end::logout[]
        return logout;
    }
}
