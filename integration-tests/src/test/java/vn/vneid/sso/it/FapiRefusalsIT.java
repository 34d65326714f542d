package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.FapiClient;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.RelyingParties.Service;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("FAPI 2.0 refusals: each gives the OAuth error a client expects")
class FapiRefusalsIT {

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static FapiClient portal;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
        portal = new FapiClient(server, Service.PORTAL);
    }

    /**
     * Keycloak 26.7.3's answer, pinned: where it differs from the RFCs (RFC 9126 and 6749 say invalid_client for a
     * failed client authentication, RFC 9449 says invalid_dpop_proof), the integration guide says so.
     */
    static void assertError(HTTPResponse response, int status, String code, String description) {
        assertThat(response.getStatusCode()).as(describe(response)).isEqualTo(status);
        ErrorObject error = FapiClient.error(response);
        assertThat(error.getCode()).as(describe(response)).isEqualTo(code);
        assertThat(error.getDescription()).isEqualTo(description);
    }

    static String describe(HTTPResponse response) {
        return response.getStatusCode() + " " + response.getBody() + " " + response.getHeaderValue("WWW-Authenticate");
    }

    @Nested
    @DisplayName("At the pushed authorization request")
    class Par {

        @Test
        @DisplayName("an authorization request sent in the URL, not pushed, is refused")
        void noPar() {
            Browser.Response response = new Browser().get(portal.login("openid").request().build().toURI());
            assertThat(response.redirectTarget()).as("no redirect to an unverified redirect_uri").isNull();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("PAR request_uri not included");
        }

        @Test
        @DisplayName("a client secret instead of private_key_jwt: 401, authentication failed")
        void clientSecret() {
            HTTPResponse response = portal.push(portal.login("openid").request().build(),
                    new ClientSecretBasic(new ClientID(Service.PORTAL.clientId), new Secret("a-guessed-secret")));
            assertError(response, 401, "invalid_request", "Authentication failed.");
        }

        @Test
        @DisplayName("a client assertion whose aud is the token endpoint, not the issuer: invalid_request")
        void wrongAudience() {
            HTTPResponse response = portal.push(portal.login("openid").request().build(),
                    portal.assertion(new Audience(portal.metadata().getTokenEndpointURI().toString())));
            assertError(response, 400, "invalid_request", "invalid audience in client assertion");
        }

        @Test
        @DisplayName("a client assertion signed with a key the service never published: 401, authentication failed")
        void unknownKey() throws Exception {
            HTTPResponse response = portal.push(portal.login("openid").request().build(),
                    portal.assertion(new Audience(portal.metadata().getIssuer().getValue()),
                            new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate()));
            assertError(response, 401, "invalid_request", "Authentication failed.");
        }

        @Test
        @DisplayName("PKCE missing or plain: invalid_request")
        void pkce() {
            FapiClient.Login login = portal.login("openid");
            HTTPResponse missing = portal.push(login.request().codeChallenge((CodeVerifier) null, null).build(),
                    portal.assertion());
            HTTPResponse plain = portal.push(login.request().codeChallenge(new CodeVerifier(),
                    CodeChallengeMethod.PLAIN).build(), portal.assertion());
            assertThat(missing.getStatusCode()).as(describe(missing)).isEqualTo(400);
            assertThat(FapiClient.error(missing).getCode()).as(describe(missing)).isEqualTo("invalid_request");
            assertThat(plain.getStatusCode()).as(describe(plain)).isEqualTo(400);
            assertThat(FapiClient.error(plain).getCode()).as(describe(plain)).isEqualTo("invalid_request");
        }

        @Test
        @DisplayName("a request_uri used after its lifetime: the login does not start")
        void expiredRequestUri() throws Exception {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode before = json.readTree(admin.callAsAdmin("GET", "", null).body());
            String lifespan = admin.setRealmAttribute("parRequestUriLifespan", "1");
            try {
                URI authorization = portal.login("openid").authorizationUri();
                // The lifetime is one second; waiting three leaves no doubt however loaded the machine is.
                sleep(Duration.ofSeconds(3));
                Browser.Response response = new Browser().get(authorization);
                assertThat(response.redirectTarget()).as(response.body()).isNull();
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("PAR not found, not issued or used multiple times");
            } finally {
                admin.setRealmAttribute("parRequestUriLifespan", lifespan == null ? "60" : lifespan);
            }
            // The round trip keeps the rest of the realm: its acr map and its brute-force settings.
            com.fasterxml.jackson.databind.JsonNode after = json.readTree(admin.callAsAdmin("GET", "", null).body());
            assertThat(after.path("attributes").path("acr.loa.map")).isEqualTo(before.path("attributes").path("acr.loa.map"));
            assertThat(after.path("quickLoginCheckMilliSeconds")).isEqualTo(before.path("quickLoginCheckMilliSeconds"));
            assertThat(after.path("failureFactor")).isEqualTo(before.path("failureFactor"));
        }
    }

    @Nested
    @DisplayName("At the token endpoint")
    class Token {

        /** A fresh login up to the callback: the code, not yet exchanged. */
        record Pending(FapiClient.Login login, AuthorizationCode code) {
        }

        Pending pending() {
            AdminApi.Citizen citizen = admin.createCitizen("Phan Văn Đức", AdminApi.newPhone(), true, 1);
            FapiClient.Login login = portal.login("openid");
            Browser.Response callback = LoginPage.signIn(new Browser(), login.authorizationUri(),
                    citizen.nationalId(), citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()));
            return new Pending(login, login.code(callback.redirectTarget()));
        }

        @Test
        @DisplayName("a code exchanged without a DPoP proof: invalid_request, and no token")
        void missingProof() {
            Pending pending = pending();
            HTTPRequest request = pending.login().tokenRequest(pending.code());
            request.setDPoP((SignedJWT) null);
            HTTPResponse response = FapiClient.send(request);
            assertThat(response.getStatusCode()).as(describe(response)).isEqualTo(400);
            assertThat(FapiClient.error(response).getCode()).as(describe(response)).isEqualTo("invalid_request");
        }

        @Test
        @DisplayName("a DPoP proof used twice: invalid_request, already used")
        void replayedProof() {
            // Both logins first: the replay then follows the first use at once, well inside the proof's lifetime
            // (Keycloak would otherwise refuse an old proof as not active before it looks for a replay).
            Pending first = pending();
            Pending second = pending();
            HTTPRequest request = first.login().tokenRequest(first.code());
            SignedJWT proof = SignedJWT.class.cast(request.getDPoP());
            assertThat(FapiClient.send(request).getStatusCode()).isEqualTo(200);

            HTTPRequest replay = second.login().tokenRequest(second.code());
            replay.setDPoP(proof);
            HTTPResponse response = FapiClient.send(replay);
            assertError(response, 400, "invalid_request", "DPoP proof has already been used");
        }

        @Test
        @DisplayName("a DPoP proof made for another endpoint: invalid_request, URL mismatch")
        void proofForAnotherEndpoint() {
            Pending pending = pending();
            HTTPRequest request = pending.login().tokenRequest(pending.code());
            request.setDPoP(portal.proof("POST", portal.metadata().getUserInfoEndpointURI(), null));
            HTTPResponse response = FapiClient.send(request);
            assertError(response, 400, "invalid_request", "DPoP HTTP URL mismatch");
        }

        @Test
        @DisplayName("the mobile app's refresh with a proof of another key: the token stays bound to the first")
        void publicClientRefreshNeedsTheSameKey() throws Exception {
            AdminApi.Citizen citizen = admin.createCitizen("Lâm Thị Yến", AdminApi.newPhone(), true, 1);
            FapiClient app = new FapiClient(server, Service.VSSID);
            FapiClient.Login login = app.login("openid");
            FapiClient.Tokens tokens = login.finish(LoginPage.signIn(new Browser(), login.authorizationUri(),
                    citizen.nationalId(), citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()))
                    .redirectTarget());
            FapiClient thief = new FapiClient(server, Service.VSSID);

            HTTPResponse stolen = thief.refresh(tokens.refreshToken());
            HTTPResponse own = app.refresh(tokens.refreshToken());

            assertError(stolen, 400, "invalid_grant", "DPoP confirmation doesn't match DPoP proof");
            assertThat(own.getStatusCode()).as(describe(own)).isEqualTo(200);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
