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
 * A one-stop desk system registered through the admin API (a government client with private_key_jwt and DPoP, its
 * service account holding vneid-intake) that sends enrolment records, as {@code RecordIntakeIT} shows in detail.
 */
public final class OneStopDesk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KeycloakServer server;
    private final FapiClient client;
    private final AccessToken token;

    private OneStopDesk(KeycloakServer server, FapiClient client, AccessToken token) {
        this.server = server;
        this.client = client;
        this.token = token;
    }

    public static OneStopDesk register(KeycloakServer server, AdminApi admin) throws Exception {
        String clientId = "desk-" + Long.toHexString(System.nanoTime());
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
        String role = "[" + admin.callAsAdmin("GET", "/roles/vneid-intake", null).body() + "]";
        String serviceAccount = JSON.readTree(admin.callAsAdmin("GET", "/clients/" + id + "/service-account-user",
                null).body()).path("id").asText();
        assertThat(admin.callAsAdmin("POST", "/users/" + serviceAccount + "/role-mappings/realm", role).statusCode())
                .isEqualTo(204);
        assertThat(admin.callAsAdmin("POST", "/clients/" + id + "/scope-mappings/realm", role).statusCode())
                .isEqualTo(204);
        FapiClient fapi = new FapiClient(server, clientId, null, key, JWSAlgorithm.PS256);
        HTTPRequest request = new TokenRequest(fapi.metadata().getTokenEndpointURI(), fapi.assertion(),
                new ClientCredentialsGrant()).toHTTPRequest();
        request.setDPoP(fapi.proof("POST", fapi.metadata().getTokenEndpointURI(), null));
        HTTPResponse response = FapiClient.send(request);
        TokenResponse tokens = TokenResponse.parse(response);
        assertThat(tokens.indicatesSuccess()).as(response.getBody()).isTrue();
        return new OneStopDesk(server, fapi, tokens.toSuccessResponse().getTokens().getAccessToken());
    }

    /** A level-2 record of a man born on 17 May 1990 (AdminApi's numbers), collected in the given commune. */
    public static ObjectNode levelTwoRecord(String deskRecordId, String nationalId, String fullName, String phone,
            String communeCode) {
        ObjectNode record = JSON.createObjectNode();
        record.put("deskRecordId", deskRecordId);
        record.put("nationalId", nationalId);
        record.put("fullName", fullName);
        record.put("birthDate", "1990-05-17");
        record.put("sex", "male");
        record.put("phone", phone);
        record.put("requestedLevel", 2);
        record.put("communeCode", communeCode);
        return record;
    }

    /** Sends the records in one batch and checks that each was accepted. */
    public void sendAccepted(ObjectNode... records) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("records").addAll(java.util.List.of(records));
        URI uri = URI.create(server.realmUri() + "/vneid-intake/records");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Authorization", "DPoP " + token.getValue())
                .header("DPoP", client.proof("POST", uri, token).serialize())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("summary").path("accepted").asInt()).as(response.body())
                .isEqualTo(records.length);
    }
}
