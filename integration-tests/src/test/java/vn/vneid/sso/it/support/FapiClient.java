package vn.vneid.sso.it.support;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
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
 * A FAPI 2.0 relying party written with the Nimbus SDK, as a government service would write it: a pushed
 * authorization request authenticated with {@code private_key_jwt} (the assertion's {@code aud} is the issuer),
 * PKCE S256, DPoP-bound tokens, the ID token checked against the realm's JWKS. The public mobile app (no key)
 * sends a plain authorization request with PKCE and binds its tokens with DPoP too.
 */
public final class FapiClient {

    private final OIDCProviderMetadata metadata;
    private final URI redirectUri;
    private final JWSAlgorithm idTokenAlgorithm;
    private final ClientID clientId;
    private final JWK clientKey;
    private final ECKey dpopKey;
    private final DPoPProofFactory dpop;

    public FapiClient(KeycloakServer server, RelyingParties.Service service) {
        this(server, service.clientId, service.redirectUri, service.assertionAlgorithm == null ? null
                : server.relyingParties().key(service),
                service.assertionAlgorithm == null ? JWSAlgorithm.RS256 : service.assertionAlgorithm);
    }

    /** Any client: its key is null for a public one; the ID token algorithm is the one it registered. */
    public FapiClient(KeycloakServer server, String clientId, URI redirectUri, JWK clientKey,
                      JWSAlgorithm idTokenAlgorithm) {
        try {
            this.metadata = OIDCProviderMetadata.resolve(new Issuer(server.realmUri()));
            this.redirectUri = redirectUri;
            this.idTokenAlgorithm = idTokenAlgorithm;
            this.clientId = new ClientID(clientId);
            this.clientKey = clientKey;
            this.dpopKey = new ECKeyGenerator(Curve.P_256).generate();
            this.dpop = new DefaultDPoPProofFactory(dpopKey, JWSAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException("OIDC discovery failed", e);
        }
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    public ClientID clientId() {
        return clientId;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    /** {@code private_key_jwt} as FAPI 2.0 and Keycloak want it: the audience is the issuer, one string. */
    public ClientAuthentication assertion() {
        return assertion(new Audience(metadata.getIssuer().getValue()));
    }

    public ClientAuthentication assertion(Audience audience) {
        return assertion(audience, clientKey);
    }

    public ClientAuthentication assertion(Audience audience, JWK signingKey) {
        try {
            JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(clientId, audience);
            if (signingKey instanceof ECKey ec) {
                return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, ec.toECPrivateKey(), ec.getKeyID(), null);
            }
            return new PrivateKeyJWT(claims, JWSAlgorithm.PS256, signingKey.toRSAKey().toPrivateKey(),
                    signingKey.getKeyID(), null);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DPoP proof of this client's key for one request. */
    public SignedJWT proof(String method, URI uri, AccessToken token) {
        try {
            return token == null ? dpop.createDPoPJWT(method, uri) : dpop.createDPoPJWT(method, uri, token);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Login login(String scope) {
        return new Login(new Scope(scope.split(" ")), null);
    }

    public Login login(String scope, String acrValues) {
        return new Login(new Scope(scope.split(" ")), acrValues);
    }

    /** One login: what the service keeps between its redirect and the callback. */
    public final class Login {
        private final State state = new State();
        private final Nonce nonce = new Nonce();
        private final CodeVerifier verifier = new CodeVerifier();
        private final Scope scope;
        private final String acrValues;

        private Login(Scope scope, String acrValues) {
            this.scope = scope;
            this.acrValues = acrValues;
        }

        /** The authorization request itself, before it is pushed (or sent in the URL by the public app). */
        public AuthenticationRequest.Builder request() {
            AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                    new ResponseType(ResponseType.Value.CODE), scope, clientId, redirectUri)
                    .endpointURI(metadata.getAuthorizationEndpointURI())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256);
            if (acrValues != null) {
                request.acrValues(List.of(new ACR(acrValues)));
            }
            return request;
        }

        /**
         * Where the browser goes: for a confidential client, the {@code request_uri} its pushed request got;
         * for the public app, the request in the URL.
         */
        public URI authorizationUri() {
            if (clientKey == null) {
                return request().build().toURI();
            }
            HTTPResponse pushed = push(request().build(), assertion());
            try {
                PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(pushed);
                if (!response.indicatesSuccess()) {
                    throw new AssertionError("PAR refused: " + response.toErrorResponse().getErrorObject());
                }
                return new AuthorizationRequest.Builder(response.toSuccessResponse().getRequestURI(), clientId)
                        .endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();
            } catch (ParseException e) {
                throw new AssertionError("PAR response unreadable: " + pushed.getBody(), e);
            }
        }

        /** The code the callback carries, after the state is checked. */
        public AuthorizationCode code(URI callback) {
            try {
                AuthorizationResponse response = AuthorizationResponse.parse(callback);
                if (!response.indicatesSuccess()) {
                    throw new AssertionError("authorization failed: " + response.toErrorResponse().getErrorObject());
                }
                if (!state.equals(response.getState())) {
                    throw new AssertionError("state mismatch");
                }
                return response.toSuccessResponse().getAuthorizationCode();
            } catch (ParseException e) {
                throw new AssertionError("callback unreadable: " + callback, e);
            }
        }

        /** The token request for a code, with this client's authentication and a DPoP proof. */
        public HTTPRequest tokenRequest(AuthorizationCode code) {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirectUri, verifier);
            TokenRequest request = clientKey == null
                    ? new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant)
                    : new TokenRequest(metadata.getTokenEndpointURI(), assertion(), grant);
            HTTPRequest http = request.toHTTPRequest();
            http.setDPoP(proof("POST", metadata.getTokenEndpointURI(), null));
            return http;
        }

        /** Exchanges the callback's code and returns the verified tokens. */
        public Tokens finish(URI callback) {
            return tokens(send(tokenRequest(code(callback))));
        }

        public Tokens tokens(HTTPResponse response) {
            try {
                TokenResponse parsed = OIDCTokenResponseParser.parse(response);
                if (!parsed.indicatesSuccess()) {
                    throw new AssertionError("token request failed: " + response.getStatusCode() + " "
                            + response.getBody());
                }
                OIDCTokenResponse tokens = (OIDCTokenResponse) parsed.toSuccessResponse();
                IDTokenClaimsSet idToken = validator().validate(tokens.getOIDCTokens().getIDToken(), nonce);
                return new Tokens(idToken, tokens.getOIDCTokens().getIDTokenString(),
                        tokens.getOIDCTokens().getAccessToken(), tokens.getOIDCTokens().getRefreshToken());
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("token response or ID token invalid: " + response.getBody(), e);
            }
        }
    }

    private IDTokenValidator validator() throws IOException {
        // Nimbus's default retriever gives the key fetch 500 ms: one pause of a loaded server would fail the login.
        return new IDTokenValidator(metadata.getIssuer(), clientId, idTokenAlgorithm, metadata.getJWKSetURI().toURL(),
                new DefaultResourceRetriever(10_000, 30_000));
    }

    public record Tokens(IDTokenClaimsSet idToken, String idTokenString, AccessToken accessToken,
                         RefreshToken refreshToken) {
    }

    public HTTPResponse push(AuthorizationRequest request, ClientAuthentication authentication) {
        return send(new PushedAuthorizationRequest(metadata.getPushedAuthorizationRequestEndpointURI(),
                authentication, request).toHTTPRequest());
    }

    /** userinfo with the DPoP-bound token and a fresh proof for it. */
    public HTTPResponse userInfoResponse(AccessToken token, SignedJWT proof) {
        HTTPRequest request = new UserInfoRequest(metadata.getUserInfoEndpointURI(), token).toHTTPRequest();
        if (proof != null) {
            request.setDPoP(proof);
        }
        return send(request);
    }

    public UserInfo userInfo(AccessToken token) {
        HTTPResponse response = userInfoResponse(token, proof("GET", metadata.getUserInfoEndpointURI(), token));
        try {
            UserInfoResponse parsed = UserInfoResponse.parse(response);
            if (!parsed.indicatesSuccess()) {
                throw new AssertionError("userinfo failed: " + response.getStatusCode() + " "
                        + response.getHeaderValue("WWW-Authenticate"));
            }
            return parsed.toSuccessResponse().getUserInfo();
        } catch (ParseException e) {
            throw new AssertionError("userinfo unreadable: " + response.getBody(), e);
        }
    }

    /** A refresh with this client's authentication and proof: the status tells whether the session lives. */
    public HTTPResponse refresh(RefreshToken token) {
        RefreshTokenGrant grant = new RefreshTokenGrant(token);
        TokenRequest request = clientKey == null
                ? new TokenRequest(metadata.getTokenEndpointURI(), clientId, grant)
                : new TokenRequest(metadata.getTokenEndpointURI(), assertion(), grant);
        HTTPRequest http = request.toHTTPRequest();
        http.setDPoP(proof("POST", metadata.getTokenEndpointURI(), null));
        return send(http);
    }

    public static HTTPResponse send(HTTPRequest request) {
        try {
            request.setConnectTimeout(10_000);
            request.setReadTimeout(60_000);
            return request.send();
        } catch (IOException e) {
            throw new AssertionError("request to " + request.getURI() + " failed", e);
        }
    }

    public static ErrorObject error(HTTPResponse response) {
        return ErrorObject.parse(response);
    }
}
