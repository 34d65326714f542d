package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.NoPhonePage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("An officer at a one-stop desk resets a citizen's phone")
class OfficerPhoneResetIT {

    static final String OFFICER = "040085009999";
    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    /** The officer signs in to the realm's admin console like any citizen: ID, password, SMS code. */
    static String officerToken() {
        OidcClient console = new OidcClient(server.realmUri(), "security-admin-console",
                server.baseUri().resolve("/admin/vneid/console/"));
        Browser browser = new Browser();
        OidcClient.Login login = console.login();
        SmsCodePage code = LoginPage.signIn(browser, login, OFFICER, AdminApi.DEMO_PASSWORD);
        Browser.Response landed = code.submitCode(outbox.lastCodeTo("+84912000999"));
        return login.finish(landed.uri()).accessToken().getValue();
    }

    static HttpResponse<String> reset(String token, String userId, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(
                        "/admin/realms/vneid/vneid-officer/users/" + userId + "/phone-reset"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("with a reason: the phone stops counting, the citizen binds a new one, and the admin events say who and why")
    void resetWithReason() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Tạ Thị Uyên", AdminApi.newPhone(), true, 1);
        String token = officerToken();

        HttpResponse<String> noReason = reset(token, citizen.id(), "{\"reason\":\"mất\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"error\":\"reason_required\"");

        HttpResponse<String> done = reset(token, citizen.id(),
                "{\"reason\":\"Mất điện thoại, công dân có mặt với thẻ CCCD\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("false");

        Browser browser = new Browser();
        NoPhonePage page = new NoPhonePage(browser, LoginPage.open(browser, OidcClient.demo(server).login())
                .submit(citizen.nationalId(), citizen.password()));
        assertThat(page.offersBackToLogin()).isTrue();

        JsonNode events = new ObjectMapper().readTree(admin.adminEvents());
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("operationType").asText()).isEqualTo("UPDATE");
            assertThat(event.path("resourcePath").asText()).contains(citizen.id());
            assertThat(event.path("representation").asText())
                    .contains("vneid-phone-reset").contains(OFFICER).contains("Mất điện thoại");
        });
    }

    @Test
    @DisplayName("an administrator without the officer role is refused")
    void notAnOfficer() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Lều Văn Vũ", AdminApi.newPhone(), true, 1);
        HttpResponse<String> refused = reset(admin.token(), citizen.id(), "{\"reason\":\"Mất điện thoại ở chợ\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\":\"not_an_officer\"");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");
    }
}
