package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.ConsentPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.FapiClient;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("A third-party service: registered under Keycloak's FAPI 2.0 profile, the citizen consents, no national number")
class ThirdPartyServiceIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    /** A bank registers: confidential, private_key_jwt with an inline JWKS, a pairwise subject for its sector. */
    static ObjectNode bank(String clientId, String redirect, RSAKey key) {
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("name", "Ngân hàng Thử nghiệm");
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-jwt");
        client.put("standardFlowEnabled", true);
        client.putArray("redirectUris").add(redirect);
        ObjectNode attributes = client.putObject("attributes");
        attributes.put("use.jwks.string", "true");
        attributes.put("jwks.string", new JWKSet(key.toPublicJWK()).toString());
        attributes.put("token.endpoint.auth.signing.alg", "PS256");
        return client;
    }

    /**
     * The pairwise subject, added as the admin console adds it: through the mapper endpoint, which draws the secret
     * salt. (A mapper sent inside the client's JSON gets no salt, and Keycloak then fails every token with a 500.)
     */
    static ObjectNode pairwiseMapper() {
        ObjectNode pairwise = JSON.createObjectNode();
        pairwise.put("name", "pairwise subject");
        pairwise.put("protocol", "openid-connect");
        pairwise.put("protocolMapper", "oidc-sha256-pairwise-sub-mapper");
        pairwise.putObject("config").put("sectorIdentifierUri", "");
        return pairwise;
    }

    @Test
    @DisplayName("registration gets FAPI settings and consent; the citizen sees a Vietnamese consent screen; no national number")
    void consentAndNoNationalNumber() throws Exception {
        String clientId = "bank-" + Long.toHexString(System.nanoTime());
        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        HttpResponse<String> created = admin.callAsAdmin("POST", "/clients",
                bank(clientId, "https://nganhang.example.vn/oidc/callback", key).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode registered = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body())
                .get(0);
        assertThat(registered.path("consentRequired").asBoolean()).as("Keycloak's FAPI profile sets consent").isTrue();
        assertThat(registered.path("attributes").path("dpop.bound.access.tokens").asText()).isEqualTo("true");
        assertThat(registered.path("fullScopeAllowed").asBoolean()).isFalse();
        HttpResponse<String> mapper = admin.callAsAdmin("POST", "/clients/" + registered.path("id").asText()
                + "/protocol-mappers/models", pairwiseMapper().toString());
        assertThat(mapper.statusCode()).as(mapper.body()).isEqualTo(201);

        AdminApi.Citizen citizen = admin.createCitizen("Hồ Thị Nhung", AdminApi.newPhone(), true, 1);
        FapiClient bank = new FapiClient(server, clientId, URI.create("https://nganhang.example.vn/oidc/callback"), key,
                com.nimbusds.jose.JWSAlgorithm.PS256);
        FapiClient.Login login = bank.login("openid profile");
        Browser browser = new Browser();
        ConsentPage consent = new ConsentPage(browser, LoginPage.signIn(browser, login.authorizationUri(),
                citizen.nationalId(), citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone())));

        assertThat(consent.lang()).isEqualTo("vi");
        assertThat(consent.text()).contains("Bạn có đồng ý chia sẻ các thông tin này với dịch vụ không?");
        assertThat(consent.scopes()).contains("Họ tên, ngày sinh và giới tính")
                .doesNotContain("Số định danh cá nhân");
        Browser.Response callback = consent.accept();
        assertThat(callback.redirectTarget()).hasHost("nganhang.example.vn");
        IDTokenClaimsSet id = login.finish(callback.redirectTarget()).idToken();

        assertThat(id.getStringClaim("name")).isEqualTo("Hồ Thị Nhung");
        assertThat(id.getClaim("national_id")).isNull();
        assertThat(id.getClaim("preferred_username")).isNull();
        assertThat(id.getSubject().getValue()).as("a pairwise subject for the bank's sector").isNotEqualTo(citizen.id());
    }

    @Test
    @DisplayName("a government client registered and then edited through the admin API keeps no consent screen")
    void governmentClientStaysWithoutConsent() throws Exception {
        String clientId = "gov-" + Long.toHexString(System.nanoTime());
        RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate();
        ObjectNode government = bank(clientId, "https://dichvu.example.gov.vn/oidc/callback", key);
        ((ObjectNode) government.get("attributes")).put("vneid.government", "true");
        HttpResponse<String> created = admin.callAsAdmin("POST", "/clients", government.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode registered = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body())
                .get(0);
        assertThat(registered.path("consentRequired").asBoolean()).isFalse();
        assertThat(registered.path("attributes").path("dpop.bound.access.tokens").asText())
                .as("still FAPI 2.0: our government profile").isEqualTo("true");

        ObjectNode edited = (ObjectNode) registered;
        edited.put("description", "edited by an operator");
        HttpResponse<String> updated = admin.callAsAdmin("PUT", "/clients/" + registered.path("id").asText(),
                edited.toString());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(204);
        JsonNode after = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body()).get(0);
        assertThat(after.path("consentRequired").asBoolean()).isFalse();
        assertThat(after.path("description").asText()).isEqualTo("edited by an operator");

        // A tool may send only what it changes: Keycloak keeps the rest, attributes included, so the policies judge
        // the client as it will be, still a government one.
        HttpResponse<String> partial = admin.callAsAdmin("PUT", "/clients/" + registered.path("id").asText(),
                "{\"description\": \"only the description\"}");
        assertThat(partial.statusCode()).as(partial.body()).isEqualTo(204);
        JsonNode afterPartial = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body())
                .get(0);
        assertThat(afterPartial.path("description").asText()).isEqualTo("only the description");
        assertThat(afterPartial.path("attributes").path("vneid.government").asText()).isEqualTo("true");
        assertThat(afterPartial.path("consentRequired").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("no client gets a login flow of its own: Keycloak's password-only flows cannot be bound to one")
    void noFlowOverrides() throws Exception {
        String stockBrowser = null;
        String stockDirectGrant = null;
        for (JsonNode flow : JSON.readTree(admin.callAsAdmin("GET", "/authentication/flows", null).body())) {
            switch (flow.path("alias").asText()) {
                case "browser" -> stockBrowser = flow.path("id").asText();
                case "direct grant" -> stockDirectGrant = flow.path("id").asText();
                default -> {
                }
            }
        }
        assertThat(stockBrowser).as("the realm still holds Keycloak's stock flows").isNotNull();
        assertThat(stockDirectGrant).isNotNull();

        // A public client as a manage-clients admin would write it, bound to the password-only browser flow.
        String clientId = "override-" + Long.toHexString(System.nanoTime());
        ObjectNode client = JSON.createObjectNode();
        client.put("clientId", clientId);
        client.put("publicClient", true);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.putArray("redirectUris").add("https://override.example/callback");
        client.putObject("authenticationFlowBindingOverrides").put("browser", stockBrowser);
        HttpResponse<String> refused = admin.callAsAdmin("POST", "/clients", client.toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("invalid_client_metadata");
        assertThat(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body()).isEqualTo("[]");

        // Without overrides (the admin console sends an empty map) it registers; adding one later is refused too.
        client.putObject("authenticationFlowBindingOverrides");
        HttpResponse<String> created = admin.callAsAdmin("POST", "/clients", client.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode registered = JSON.readTree(admin.callAsAdmin("GET", "/clients?clientId=" + clientId, null).body())
                .get(0);
        String path = "/clients/" + registered.path("id").asText();
        ((ObjectNode) registered).putObject("authenticationFlowBindingOverrides").put("direct_grant", stockDirectGrant);
        HttpResponse<String> update = admin.callAsAdmin("PUT", path, registered.toString());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
        assertThat(JSON.readTree(admin.callAsAdmin("GET", path, null).body())
                .path("authenticationFlowBindingOverrides").size()).isZero();
        admin.callAsAdmin("DELETE", path, null);
    }
}
