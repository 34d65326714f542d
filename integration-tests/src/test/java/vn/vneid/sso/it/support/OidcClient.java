package vn.vneid.sso.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
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
 * The relying party's side, with the Nimbus OIDC SDK: discovery, authorization code with PKCE S256, the token
 * exchange, the ID token's signature checked against the realm's JWKS, userinfo.
 */
public final class OidcClient {

    public static final String DEMO_CLIENT = "vneid-demo-rp";
    public static final URI DEMO_REDIRECT = URI.create("http://localhost:8089/callback");

    private final OIDCProviderMetadata metadata;
    private final ClientID clientId;
    private final URI redirectUri;
    private final IDTokenValidator validator;

    public OidcClient(URI realmUri, String clientId, URI redirectUri) {
        try {
            this.metadata = OIDCProviderMetadata.resolve(new Issuer(realmUri));
            this.clientId = new ClientID(clientId);
            this.redirectUri = redirectUri;
            URL jwks = metadata.getJWKSetURI().toURL();
            // Generous timeouts for the JWKS (Nimbus's default read timeout is 500 ms): a loaded machine is slow.
            this.validator = new IDTokenValidator(metadata.getIssuer(), this.clientId, JWSAlgorithm.RS256, jwks,
                    new DefaultResourceRetriever(10_000, 30_000));
        } catch (Exception e) {
            throw new IllegalStateException("OIDC discovery failed for " + realmUri, e);
        }
    }

    public static OidcClient demo(KeycloakServer server) {
        return new OidcClient(server.realmUri(), DEMO_CLIENT, DEMO_REDIRECT);
    }

    public OIDCProviderMetadata metadata() {
        return metadata;
    }

    /** One authorization request: what the relying party keeps between the redirect and the callback. */
    public final class Login {
        private final State state = new State();
        private final Nonce nonce = new Nonce();
        private final CodeVerifier verifier = new CodeVerifier();
        private final String acrValues;
        private final String kcAction;

        private Login(String acrValues, String kcAction) {
            this.acrValues = acrValues;
            this.kcAction = kcAction;
        }

        public URI authorizationUri() {
            AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                    new ResponseType(ResponseType.Value.CODE), new Scope("openid"), clientId, redirectUri)
                    .endpointURI(metadata.getAuthorizationEndpointURI())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256);
            if (acrValues != null) {
                request.acrValues(java.util.List.of(new ACR(acrValues)));
            }
            if (kcAction != null) {
                // Keycloak's application-initiated action: the client asks for a required action by name.
                request.customParameter("kc_action", kcAction);
            }
            return request.build().toURI();
        }

        /** Exchanges the code from the callback and returns the verified tokens. */
        public Tokens finish(URI callback) {
            try {
                AuthorizationResponse response = AuthorizationResponse.parse(callback);
                if (!response.indicatesSuccess()) {
                    throw new AssertionError("authorization failed: " + response.toErrorResponse().getErrorObject());
                }
                if (!state.equals(response.getState())) {
                    throw new AssertionError("state mismatch");
                }
                AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
                TokenRequest tokenRequest = new TokenRequest(metadata.getTokenEndpointURI(), clientId,
                        new AuthorizationCodeGrant(code, redirectUri, verifier));
                TokenResponse tokenResponse = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
                if (!tokenResponse.indicatesSuccess()) {
                    throw new AssertionError("token request failed: "
                            + ((TokenErrorResponse) tokenResponse).getErrorObject().toJSONObject());
                }
                OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();
                IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), nonce);
                return new Tokens(idToken, tokens.getOIDCTokens().getBearerAccessToken(),
                        tokens.getOIDCTokens().getRefreshToken());
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("token exchange or ID token validation failed", e);
            }
        }
    }

    public record Tokens(IDTokenClaimsSet idToken, BearerAccessToken accessToken, RefreshToken refreshToken) {
    }

    /** The refresh grant of this public client; the new ID token's signature is checked like the first one's. */
    public Tokens refresh(RefreshToken refreshToken) {
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                    clientId, new RefreshTokenGrant(refreshToken)).toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("refresh failed: "
                        + ((TokenErrorResponse) response).getErrorObject().toJSONObject());
            }
            OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
            IDTokenClaimsSet idToken = validator.validate(tokens.getOIDCTokens().getIDToken(), null);
            return new Tokens(idToken, tokens.getOIDCTokens().getBearerAccessToken(),
                    tokens.getOIDCTokens().getRefreshToken());
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("refresh or ID token validation failed", e);
        }
    }

    public Login login() {
        return new Login(null, null);
    }

    public Login login(String acrValues) {
        return new Login(acrValues, null);
    }

    public Login action(String kcAction) {
        return new Login(null, kcAction);
    }

    public UserInfo userInfo(BearerAccessToken token) {
        try {
            UserInfoResponse response = UserInfoResponse.parse(
                    new UserInfoRequest(metadata.getUserInfoEndpointURI(), token).toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("userinfo failed: " + response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse().getUserInfo();
        } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("userinfo request failed", e);
        }
    }

    /** The HTTP status of a userinfo call: 200 while the token's session lives, 401 once it ended. */
    public int userInfoStatus(BearerAccessToken token) {
        try {
            return new UserInfoRequest(metadata.getUserInfoEndpointURI(), token).toHTTPRequest().send()
                    .getStatusCode();
        } catch (IOException e) {
            throw new AssertionError("userinfo request failed", e);
        }
    }
}
