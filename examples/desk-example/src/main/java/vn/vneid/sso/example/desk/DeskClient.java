package vn.vneid.sso.example.desk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

/**
 * A one-stop desk system's client of record intake: its own token by client credentials, authenticated with
 * {@code private_key_jwt} (PS256), bound to a DPoP key of the process; then batches sent with a fresh DPoP proof each.
 */
public final class DeskClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final OIDCProviderMetadata provider;
    private final ClientID clientId;
    private final RSAKey clientKey;
    private final DPoPProofFactory dpop;
    private AccessToken token;

    /** A batch's answer: the HTTP status and the JSON body (one result per record, or an error). */
    public record Answer(int status, String body) {
    }

    public DeskClient(URI issuer, String clientId, RSAKey clientKey) throws IOException {
        try {
            this.provider = OIDCProviderMetadata.resolve(new com.nimbusds.oauth2.sdk.id.Issuer(issuer.toString()));
            this.clientId = new ClientID(clientId);
            this.clientKey = clientKey;
            this.dpop = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        } catch (com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new IOException("cannot read the server's metadata at " + issuer, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a DPoP key", e);
        }
    }

    /** Client credentials: the token carries the desk's role; its clientId is the desk's identity at intake. */
    public AccessToken token() throws IOException {
        try {
            PrivateKeyJWT assertion = new PrivateKeyJWT(new JWTAuthenticationClaimsSet(clientId,
                    new Audience(provider.getIssuer().getValue())), JWSAlgorithm.PS256, clientKey.toPrivateKey(),
                    clientKey.getKeyID(), null);
            HTTPRequest request = new TokenRequest(provider.getTokenEndpointURI(), assertion,
                    new ClientCredentialsGrant()).toHTTPRequest();
            request.setDPoP(dpop.createDPoPJWT(request.getMethod().name(), request.getURI()));
            TokenResponse response = TokenResponse.parse(request.send());
            if (!response.indicatesSuccess()) {
                throw new IOException("no token: " + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            token = response.toSuccessResponse().getTokens().getAccessToken();
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException("the client key cannot sign", e);
        } catch (ParseException e) {
            throw new IOException("unreadable token response", e);
        }
    }

    /**
     * Sends one batch ({@code {"records": [...]}}). Safe to send again after any failure: intake is idempotent by the
     * desk's record id, so a record already stored is acknowledged as {@code duplicate}, never stored twice.
     */
    public Answer send(String batchJson, String language) throws IOException, InterruptedException {
        if (token == null) {
            token();
        }
        URI uri = URI.create(provider.getIssuer().getValue() + "/vneid-intake/records");
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Accept-Language", language)
                    .header("Authorization", new DPoPAccessToken(token.getValue()).toAuthorizationHeader())
                    .header("DPoP", dpop.createDPoPJWT("POST", uri, token).serialize())
                    .POST(HttpRequest.BodyPublishers.ofString(batchJson)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof", e);
        }
    }
}
