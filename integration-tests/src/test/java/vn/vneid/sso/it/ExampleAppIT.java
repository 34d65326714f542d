package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.example.portal.PortalExample;
import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.ChipHolder;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.ExampleApps;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.SmsOutbox;

/** examples/portal-example, run in this JVM against the test server and driven as a citizen's browser would. */
@DisplayName("The portal example app: FAPI 2.0 login, claims, step-up to level 2, userinfo, logout")
class ExampleAppIT {

    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static PortalExample app;
    static SSLContext trustApp;

    @BeforeAll
    static void start() throws Exception {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
        app = ExampleApps.startRegistered(server, admin);
        trustApp = ExampleApps.trusting(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** The claims table of the example's home page, as name → value. */
    static Map<String, String> claims(Browser.Response page, String tableId) {
        Document document = page.document();
        Element table = document.selectFirst("table#" + tableId);
        assertThat(table).as(page.body()).isNotNull();
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (Element row : table.select("tr")) {
            rows.put(row.selectFirst("th").text(), row.selectFirst("td").text());
        }
        return rows;
    }

    @Test
    @DisplayName("a citizen signs in (PAR, private_key_jwt, PKCE, DPoP), steps up with the chip, reads userinfo and logs out")
    void loginEndToEnd() throws Exception {
        ChipHolder holder = ChipHolder.create(admin, "Phan Thị Thu Hà", Map.of());
        AdminApi.Citizen citizen = holder.account();
        Browser browser = new Browser("vi", trustApp);

        Browser.Response home = browser.get(app.baseUri());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("action=\"/login\"");

        // The app pushes the request and sends the browser to the login with a request_uri only.
        URI authorization = browser.postForm(app.baseUri().resolve("/login"), Map.of()).redirectTarget();
        assertThat(authorization.toString()).startsWith(server.realmUri() + "/protocol/openid-connect/auth")
                .contains("request_uri=").doesNotContain("code_challenge").doesNotContain("redirect_uri");
        Browser.Response afterCode = LoginPage.signIn(browser, authorization, citizen.nationalId(),
                citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()));
        assertThat(afterCode.redirectTarget()).as(afterCode.status() + " " + afterCode.body()).isNotNull();
        URI callback = afterCode.redirectTarget();
        assertThat(callback.toString()).startsWith(app.redirectUri() + "?");

        Browser.Response signedIn = browser.get(callback);
        Map<String, String> claims = claims(signedIn, "claims");
        assertThat(claims).containsEntry("acr", "vneid-l1").containsEntry("name", "Phan Thị Thu Hà")
                .containsEntry("national_id", citizen.nationalId()).containsEntry("vneid_level", "2")
                .containsEntry("sub", citizen.id());

        Map<String, String> userInfo = claims(browser.get(app.baseUri().resolve("/userinfo")), "userinfo");
        assertThat(userInfo).containsEntry("sub", citizen.id()).containsEntry("phone_number", citizen.phone())
                .containsEntry("preferred_username", citizen.nationalId());

        // Step-up: a new pushed request with acr_values=vneid-l2; the SSO session skips the password and SMS.
        ChipCard card = holder.card();
        URI stepUp = browser.postForm(app.baseUri().resolve("/step-up"), Map.of()).redirectTarget();
        ChipStepUpPage chip = new ChipStepUpPage(browser, browser.get(stepUp));
        PhoneApp.Response approved = new PhoneApp().approve(server.baseUri(), KeycloakServer.REALM,
                chip.transaction(), card);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Map<String, String> levelTwo = claims(browser.get(chip.continueLogin().redirectTarget()), "claims");
        assertThat(levelTwo).containsEntry("acr", "vneid-l2").containsEntry("sub", citizen.id());

        // Logout: the app's session, then VNeID's (id_token_hint), back to the app's home page.
        URI endSession = browser.postForm(app.baseUri().resolve("/logout"), Map.of()).redirectTarget();
        assertThat(endSession.toString()).startsWith(server.realmUri() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        URI back = browser.get(endSession).redirectTarget();
        assertThat(back.toString()).startsWith(app.baseUri().toString());
        assertThat(browser.get(back).body()).contains("action=\"/login\"");

        // The VNeID session ended too: a new login asks for the password again.
        URI again = browser.postForm(app.baseUri().resolve("/login"), Map.of()).redirectTarget();
        new LoginPage(browser, browser.get(again));
    }

    @Test
    @DisplayName("a logout elsewhere (here an administrator's) reaches the app over the back channel and ends its session")
    void backChannelLogout() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Hà Văn Nam", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser("vi", trustApp);
        URI authorization = browser.postForm(app.baseUri().resolve("/login"), Map.of()).redirectTarget();
        URI callback = LoginPage.signIn(browser, authorization, citizen.nationalId(), citizen.password())
                .submitCode(outbox.lastCodeTo(citizen.phone())).redirectTarget();
        assertThat(claims(browser.get(callback), "claims")).containsEntry("sub", citizen.id());
        assertThat(browser.get(app.baseUri()).body()).contains("table id=\"claims\"");

        // Keycloak posts a logout token to the app's back-channel URL before this call returns.
        assertThat(admin.callAsAdmin("POST", "/users/" + citizen.id() + "/logout", null).statusCode()).isEqualTo(204);

        Browser.Response home = browser.get(app.baseUri());
        assertThat(home.body()).contains("action=\"/login\"").doesNotContain("table id=\"claims\"");
    }
}
