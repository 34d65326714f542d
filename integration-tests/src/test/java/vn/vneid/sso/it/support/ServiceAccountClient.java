package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;

/**
 * A national system calling one of our APIs with its own service account (issue #15: a one-stop desk's record intake,
 * the police system's card status intake): a government client registered through the admin API (FAPI 2.0, private_key_jwt PS256, DPoP-bound
 * tokens), never shipped in the realm file, whose service account holds a realm role given here (or none).
 */
public record ServiceAccountClient(FapiClient client, AccessToken token) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** @param realmRole the role its service account holds and has in scope, or null for none */
    public static ServiceAccountClient register(KeycloakServer server, AdminApi admin, String prefix, String realmRole)
            throws Exception {
        String clientId = prefix + "-" + Long.toHexString(System.nanoTime());
        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-jwt");
        client.put("standardFlowEnabled", false);
        client.put("serviceAccountsEnabled", true);
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("use.jwks.string", "true");
        attributes.put("jwks.string", new JWKSet(key.toPublicJWK()).toString());
        attributes.put("token.endpoint.auth.signing.alg", "PS256");
        attributes.put("vneid.government", "true");
        HttpResponse<String> created = admin.callAsAdmin("POST", "/clients", client.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body()).get(0)
                .path("id").asText();
        if (realmRole != null) {
            String role = "[" + admin.callAsAdmin("GET", "/roles/" + realmRole, null).body() + "]";
            String serviceAccount = JSON.readTree(admin.callAsAdmin("GET", "/clients/" + id
                    + "/service-account-user", null).body()).path("id").asText();
            assertThat(admin.callAsAdmin("POST", "/users/" + serviceAccount + "/role-mappings/realm", role)
                    .statusCode()).isEqualTo(204);
            // The FAPI profile turns full scope off: the role reaches the token only through the client's scope.
            assertThat(admin.callAsAdmin("POST", "/clients/" + id + "/scope-mappings/realm", role).statusCode())
                    .isEqualTo(204);
        }
        FapiClient fapi = new FapiClient(server, clientId, null, key, JWSAlgorithm.PS256);
        return new ServiceAccountClient(fapi, newToken(fapi));
    }

    /** The same client with a new token (client credentials again), as a system does when its token is refused. */
    public ServiceAccountClient withNewToken() throws Exception {
        return new ServiceAccountClient(client, newToken(client));
    }

    private static AccessToken newToken(FapiClient fapi) throws Exception {
        HTTPRequest request = new TokenRequest(fapi.metadata().getTokenEndpointURI(), fapi.assertion(),
                new ClientCredentialsGrant()).toHTTPRequest();
        request.setDPoP(fapi.proof("POST", fapi.metadata().getTokenEndpointURI(), null));
        HTTPResponse response = FapiClient.send(request);
        TokenResponse tokens = TokenResponse.parse(response);
        assertThat(tokens.indicatesSuccess()).as(response.getBody()).isTrue();
        return tokens.toSuccessResponse().getTokens().getAccessToken();
    }

    /** POSTs JSON with the DPoP-bound token and a fresh proof for this URL. */
    public HttpResponse<String> post(URI uri, String json, String acceptLanguage) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept-Language", acceptLanguage)
                .header("Authorization", "DPoP " + token.getValue())
                .header("DPoP", client.proof("POST", uri, token).serialize())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
