package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.FapiClient;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.RelyingParties.Service;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("Relying parties: the portal, eTax and VssID on one account, under FAPI 2.0")
class RelyingPartiesIT {

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    static AdminApi.Citizen citizen(String fullName, Map<String, String> attributes) {
        return admin.createCitizen(fullName, 1, attributes);
    }

    /** Signs in at the portal with PAR, private_key_jwt, PKCE and DPoP; returns the portal's tokens. */
    static FapiClient.Tokens portalLogin(Browser browser, FapiClient portal, AdminApi.Citizen citizen, String scope) {
        FapiClient.Login login = portal.login(scope);
        Browser.Response callback = LoginPage.signIn(browser, login.authorizationUri(), citizen.nationalId(),
                citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()));
        assertThat(callback.redirectTarget()).as("the portal's registered callback")
                .hasScheme("https").hasHost("dichvucong.gov.vn").hasPath("/oidc/callback");
        return login.finish(callback.redirectTarget());
    }

    @Test
    @DisplayName("the portal logs a citizen in with PAR, private_key_jwt, PKCE S256 and DPoP-bound tokens")
    void portalFapiLogin() {
        AdminApi.Citizen citizen = citizen("Ngô Thị Hạnh", Map.of("placeOfResidence", "Phường Ba Đình, Hà Nội"));
        FapiClient portal = new FapiClient(server, Service.PORTAL);

        FapiClient.Tokens tokens = portalLogin(new Browser(), portal, citizen, "openid address");

        assertThat(tokens.accessToken().getType()).isEqualTo(AccessTokenType.DPOP);
        IDTokenClaimsSet id = tokens.idToken();
        assertThat(id.getACR().getValue()).isEqualTo("vneid-l1");
        assertThat(id.getStringClaim("name")).isEqualTo("Ngô Thị Hạnh");
        assertThat(id.getStringClaim("birthdate")).isEqualTo("1990-05-17");
        assertThat(id.getStringClaim("national_id")).isEqualTo(citizen.nationalId());
        assertThat(id.getClaim("tax_code")).as("the tax scope is eTax's").isNull();
        UserInfo info = portal.userInfo(tokens.accessToken());
        assertThat(info.getSubject().getValue()).isEqualTo(citizen.id());
        assertThat(info.getAddress().getFormatted()).isEqualTo("Phường Ba Đình, Hà Nội");
        assertThat(info.getPhoneNumber()).isEqualTo(citizen.phone());
    }

    @Test
    @DisplayName("userinfo refuses the DPoP-bound token without a proof, or with a proof of another key")
    void userInfoNeedsTheProof() throws Exception {
        AdminApi.Citizen citizen = citizen("Đỗ Văn Khải", Map.of());
        FapiClient portal = new FapiClient(server, Service.PORTAL);
        FapiClient.Tokens tokens = portalLogin(new Browser(), portal, citizen, "openid");
        FapiClient stranger = new FapiClient(server, Service.PORTAL);
        java.net.URI userinfo = portal.metadata().getUserInfoEndpointURI();

        HTTPResponse noProof = portal.userInfoResponse(tokens.accessToken(), null);
        HTTPResponse otherKey = portal.userInfoResponse(tokens.accessToken(),
                stranger.proof("GET", userinfo, tokens.accessToken()));
        com.nimbusds.jwt.SignedJWT once = portal.proof("GET", userinfo, tokens.accessToken());
        HTTPResponse first = portal.userInfoResponse(tokens.accessToken(), once);
        HTTPResponse replay = portal.userInfoResponse(tokens.accessToken(), once);

        assertThat(noProof.getStatusCode()).isEqualTo(401);
        assertThat(otherKey.getStatusCode()).isEqualTo(401);
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(replay.getStatusCode()).as("a proof is single-use").isEqualTo(401);
        System.out.println("no proof: " + noProof.getHeaderValue("WWW-Authenticate") + " | other key: "
                + otherKey.getHeaderValue("WWW-Authenticate") + " | replay: " + replay.getHeaderValue("WWW-Authenticate"));
    }
}
