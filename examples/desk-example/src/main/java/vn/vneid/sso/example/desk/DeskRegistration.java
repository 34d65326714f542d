package vn.vneid.sso.example.desk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * What an operator does once per desk system, through the admin API (the admin console does the same): a confidential
 * client marked {@code vneid.government} (so the realm's FAPI 2.0 policy applies: private_key_jwt, DPoP), its public
 * key, and the realm role {@code vneid-intake} on its service account and in its scope (the FAPI profile turns full
 * scope off). For the development server: it signs in as the master realm's administrator.
 */
public final class DeskRegistration {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI server;
    private final String realm;
    private final String adminToken;

    private DeskRegistration(URI server, String realm, String adminToken) {
        this.server = server;
        this.realm = realm;
        this.adminToken = adminToken;
    }

    public static DeskRegistration signIn(URI server, String realm, String adminUser, String adminPassword)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(adminUser) + "&password="
                + enc(adminPassword);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        server.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("admin sign-in refused (" + response.statusCode() + "): " + response.body());
        }
        return new DeskRegistration(server, realm, (String) json(response.body()).get("access_token"));
    }

    /** Registers the desk system {@code clientId} with the public half of {@code key}. */
    public void register(String clientId, RSAKey key) throws IOException, InterruptedException {
        Map<String, Object> client = Map.of(
                "clientId", clientId,
                "name", "Một cửa " + clientId,
                "publicClient", false,
                "clientAuthenticatorType", "client-jwt",
                "standardFlowEnabled", false,
                "serviceAccountsEnabled", true,
                "attributes", Map.of(
                        "use.jwks.string", "true",
                        "jwks.string", new JWKSet(key.toPublicJWK()).toString(),
                        "token.endpoint.auth.signing.alg", "PS256",
                        "vneid.government", "true"));
        call("POST", "/clients", JSONObjectUtils.toJSONString(client), 201);
        String id = (String) ((Map<?, ?>) jsonArray(call("GET", "/clients?clientId=" + enc(clientId), null, 200))
                .get(0)).get("id");
        String role = "[" + call("GET", "/roles/vneid-intake", null, 200) + "]";
        String serviceAccount = (String) json(call("GET", "/clients/" + id + "/service-account-user", null, 200))
                .get("id");
        call("POST", "/users/" + serviceAccount + "/role-mappings/realm", role, 204);
        call("POST", "/clients/" + id + "/scope-mappings/realm", role, 204);
    }

    private String call(String method, String path, String body, int expected) throws IOException,
            InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        server.resolve("/admin/realms/" + realm + path))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static Map<String, Object> json(String body) throws IOException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new IOException("not JSON: " + body, e);
        }
    }

    static List<Object> jsonArray(String body) throws IOException {
        try {
            return JSONArrayUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new IOException("not JSON: " + body, e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<Object> array(Object value) {
        return value instanceof List<?> list ? List.copyOf(list) : List.of();
    }
}
