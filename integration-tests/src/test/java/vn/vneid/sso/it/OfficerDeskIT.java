package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.chipsim.AaKeyType;
import vn.vneid.sso.chipsim.ChipCard;
import vn.vneid.sso.chipsim.Citizen;
import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.chipsim.TestPki;
import vn.vneid.sso.it.pages.ChangePhonePage;
import vn.vneid.sso.it.pages.ChipStepUpPage;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.NoPhonePage;
import vn.vneid.sso.it.pages.VerifyPhonePage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

@DisplayName("A one-stop desk officer: exactly what the desk needs, from a level-2 session, audited")
class OfficerDeskIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static KeycloakServer server;
    static AdminApi admin;
    static SmsOutbox outbox;
    static final PhoneApp app = new PhoneApp();
    static final TestPki demoPki = TestPki.demo();

    record Officer(AdminApi.Citizen account, ChipCard card) {
    }

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    /** A level-2 officer of this test (role vneid-officer, no Keycloak admin role) with the chip card issued to him. */
    static Officer newOfficer(String fullName) {
        String nationalId = AdminApi.newNationalId();
        String phone = AdminApi.newPhone();
        ObjectNode user = AdminApi.citizenJson(nationalId, "1990-05-17", fullName, phone, true, 2);
        user.putArray("realmRoles").add("default-roles-vneid").add("vneid-officer");
        String id = admin.importUser(user);
        Citizen person = new Citizen(nationalId, fullName, LocalDate.of(1990, 5, 17), Citizen.Sex.MALE, "Hà Nội",
                "Hà Nội", LocalDate.of(2040, 5, 17));
        return new Officer(new AdminApi.Citizen(id, nationalId, AdminApi.DEMO_PASSWORD, phone),
                ChipCard.issue(person, demoPki.issueDocumentSigner(), AaKeyType.ECDSA_P256));
    }

    static OidcClient console() {
        return new OidcClient(server.realmUri(), "security-admin-console",
                server.baseUri().resolve("/admin/vneid/console/"));
    }

    /** The officer signs in to the realm's admin console: ID, password, SMS code, and the chip when asked. */
    static String officerToken(Officer officer, boolean levelTwo) throws Exception {
        OidcClient.Login login = levelTwo ? console().login("vneid-l2") : console().login();
        Browser browser = new Browser();
        SmsCodePage code = LoginPage.signIn(browser, login, officer.account().nationalId(), AdminApi.DEMO_PASSWORD);
        Browser.Response next = code.submitCode(outbox.lastCodeTo(officer.account().phone()));
        if (levelTwo) {
            ChipStepUpPage chip = new ChipStepUpPage(browser, next);
            assertThat(app.approve(server.baseUri(), KeycloakServer.REALM, chip.transaction(), officer.card())
                    .status()).isEqualTo(200);
            next = chip.continueLogin();
        }
        // The console's redirect URI is on the server itself: the browser follows it, the code is in its URL.
        return login.finish(next.uri()).accessToken().getValue();
    }

    static HttpResponse<String> reset(String token, String userId, String reason) {
        return reset(token, userId, reason, AdminApi.newPhone());
    }

    static HttpResponse<String> reset(String token, String userId, String reason, String newPhone) {
        return admin.call(token, "POST", "/vneid-officer/users/" + userId + "/phone-reset",
                "{\"reason\":\"" + reason + "\", \"newPhone\":\"" + newPhone + "\"}");
    }

    @Test
    @DisplayName("at level 2: finds the citizen, resets the phone with a reason; sessions end; admin events say who and why")
    void resetWithReason() throws Exception {
        Officer officer = newOfficer("Hà Văn Công");
        // The registry gives both numbers to this citizen: the lost SIM +84977000061, the new one +84977000060.
        AdminApi.Citizen citizen = admin.createCitizen("001090900006", "1990-05-17", "Tạ Văn Uy", "+84977000061",
                true, 1);
        Browser citizenBrowser = new Browser();
        OidcClient.Login citizenLogin = OidcClient.demo(server).login();
        OidcClient.Tokens citizenTokens = citizenLogin.finish(LoginPage.signIn(citizenBrowser, citizenLogin,
                citizen.nationalId(), citizen.password()).submitCode(outbox.lastCodeTo(citizen.phone()))
                .redirectTarget());
        // Whoever holds the SIM +84977000061 and the password starts a change before the reset, to bind it again.
        Browser thief = new Browser();
        OidcClient.Login thiefLogin = OidcClient.demo(server).action("vneid-change-phone");
        ChangePhonePage choice = new ChangePhonePage(thief, LoginPage.signIn(thief, thiefLogin, citizen.nationalId(),
                citizen.password()).submitCode(outbox.lastCodeTo("+84977000061")));
        ChangePhonePage oldPhoneCode = new ChangePhonePage(thief, choice.useOldPhone());
        VerifyPhonePage thiefNumber = new VerifyPhonePage(thief,
                oldPhoneCode.submitCode(outbox.lastCodeTo("+84977000061")));
        VerifyPhonePage thiefCode = new VerifyPhonePage(thief, thiefNumber.submitNumber("0977000061"));
        assertThat(thiefCode.sentTo()).contains("*******061");
        String token = officerToken(officer, true);

        HttpResponse<String> found = admin.call(token, "GET", "/vneid-officer/citizens?nationalId="
                + citizen.nationalId(), null);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).path("id").asText()).isEqualTo(citizen.id());
        assertThat(found.body()).doesNotContain(citizen.phone());

        HttpResponse<String> noReason = reset(token, citizen.id(), "mất");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"error\":\"reason_required\"");

        HttpResponse<String> noNumber = reset(token, citizen.id(), "Mất điện thoại ở chợ", "không có");
        assertThat(noNumber.statusCode()).isEqualTo(400);
        assertThat(noNumber.body()).contains("\"error\":\"new_phone_required\"");
        HttpResponse<String> lostNumber = reset(token, citizen.id(), "Mất điện thoại ở chợ", "0977000061");
        assertThat(lostNumber.statusCode()).isEqualTo(409);
        assertThat(lostNumber.body()).contains("\"error\":\"same_phone\"");
        HttpResponse<String> notHis = reset(token, citizen.id(), "Mất điện thoại ở chợ", "0912345678");
        assertThat(notHis.statusCode()).as("the registry, asked at the desk").isEqualTo(409);
        assertThat(notHis.body()).contains("\"error\":\"phone_other_owner\"");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");

        HttpResponse<String> done = reset(token, citizen.id(), "Mất điện thoại, công dân có mặt với thẻ CCCD",
                "0977 000 060");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("false");
        assertThat(OidcClient.demo(server).userInfoStatus(citizenTokens.accessToken()))
                .as("the citizen's session and tokens end").isEqualTo(401);

        // The change started before the reset binds nothing: its number is not the one given at the desk.
        int sentToLost = outbox.countTo("+84977000061");
        VerifyPhonePage stopped = new VerifyPhonePage(thief, thiefCode.resend());
        assertThat(stopped.numberError()).startsWith("Tại bộ phận một cửa, bạn đã đăng ký số");
        assertThat(outbox.countTo("+84977000061")).isEqualTo(sentToLost);
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("false");

        // Whoever holds the lost SIM and knows the password signs in: the old number, though the registry still
        // gives it to the citizen, is refused; only the number given at the desk is bound, by a code sent to it.
        Browser browser = new Browser();
        OidcClient.Login login = OidcClient.demo(server).login();
        NoPhonePage page = new NoPhonePage(browser, LoginPage.open(browser, login)
                .submit(citizen.nationalId(), citizen.password()));
        assertThat(page.offersBackToLogin()).isTrue();
        VerifyPhonePage number = new VerifyPhonePage(browser, page.bindPhoneNow());
        int toOldPhone = outbox.countTo("+84977000061");
        number = new VerifyPhonePage(browser, number.submitNumber("0977000061"));
        assertThat(number.numberError()).startsWith("Tại bộ phận một cửa, bạn đã đăng ký số").contains("*******060");
        assertThat(outbox.countTo("+84977000061")).isEqualTo(toOldPhone);
        VerifyPhonePage code = new VerifyPhonePage(browser, number.submitNumber("0977000060"));
        OidcClient.Tokens tokens = login.finish(code.submitCode(outbox.lastCodeTo("+84977000060")).redirectTarget());
        assertThat(tokens.idToken().getStringClaim("phone_number")).isEqualTo("+84977000060");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");

        JsonNode events = JSON.readTree(admin.adminEvents());
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("operationType").asText()).isEqualTo("UPDATE");
            assertThat(event.path("resourcePath").asText()).contains(citizen.id());
            assertThat(event.path("representation").asText()).contains("vneid-phone-reset")
                    .contains(officer.account().nationalId()).contains("Mất điện thoại").contains("*******060")
                    .doesNotContain("977000060");
        });
    }

    @Test
    @DisplayName("every look-up is an admin event, found or not, and one officer's look-ups per day are capped")
    void lookUpsAuditedAndCapped() throws Exception {
        Officer officer = newOfficer("Khổng Văn Tài");
        AdminApi.Citizen citizen = admin.createCitizen("Hứa Thị Mơ", AdminApi.newPhone(), true, 1);
        String token = officerToken(officer, true);
        String unknown = AdminApi.newNationalId();

        assertThat(admin.call(token, "GET", "/vneid-officer/citizens?nationalId=" + citizen.nationalId(), null)
                .statusCode()).isEqualTo(200);
        assertThat(admin.call(token, "GET", "/vneid-officer/citizens?nationalId=" + unknown, null).statusCode())
                .isEqualTo(404);
        JsonNode events = JSON.readTree(admin.adminEvents());
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("operationType").asText()).isEqualTo("ACTION");
            assertThat(event.path("resourcePath").asText()).isEqualTo("users/" + citizen.id());
            assertThat(event.path("representation").asText()).contains("vneid-citizen-lookup")
                    .contains(officer.account().nationalId()).contains(citizen.nationalId());
        });
        assertThat(events).anySatisfy(event -> assertThat(event.path("representation").asText())
                .contains(unknown).contains("\"found\":\"false\""));

        // The suite's server allows 12 a day (the default is 300): two taken above, ten more, then refused.
        for (int i = 0; i < 10; i++) {
            assertThat(admin.call(token, "GET", "/vneid-officer/citizens?nationalId=" + AdminApi.newNationalId(),
                    null).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> capped = admin.call(token, "GET", "/vneid-officer/citizens?nationalId="
                + citizen.nationalId(), null);
        assertThat(capped.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(capped.body()).path("error").asText()).isEqualTo("too_many_lookups");
        // Another officer's allowance is his own.
        assertThat(admin.call(officerToken(newOfficer("Ninh Văn Hậu"), true), "GET",
                "/vneid-officer/citizens?nationalId=" + citizen.nationalId(), null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a level-1 officer session, the officer's own account and another officer's are refused")
    void limits() throws Exception {
        Officer officer = newOfficer("Mai Văn Đức");
        Officer colleague = newOfficer("Lò Văn Khánh");
        AdminApi.Citizen citizen = admin.createCitizen("Ngô Thị Hoa", AdminApi.newPhone(), true, 1);

        HttpResponse<String> levelOne = reset(officerToken(officer, false), citizen.id(), "Mất điện thoại ở chợ");
        assertThat(levelOne.statusCode()).isEqualTo(403);
        assertThat(levelOne.body()).contains("\"error\":\"level2_required\"");

        String token = officerToken(officer, true);
        HttpResponse<String> self = reset(token, officer.account().id(), "Mất điện thoại của tôi");
        assertThat(self.statusCode()).isEqualTo(403);
        assertThat(self.body()).contains("\"error\":\"own_account\"");
        HttpResponse<String> other = reset(token, colleague.account().id(), "Mất điện thoại ở cơ quan");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("\"error\":\"officer_account\"");
        assertThat(admin.attribute(colleague.account().id(), "phoneNumberVerified")).isEqualTo("true");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");
    }

    @Test
    @DisplayName("through Keycloak's admin API an officer can neither edit the level or the phone nor create accounts")
    void noAdminApi() throws Exception {
        Officer officer = newOfficer("Đoàn Văn Lợi");
        AdminApi.Citizen citizen = admin.createCitizen("Bế Thị Nga", AdminApi.newPhone(), true, 1);
        String token = officerToken(officer, true);

        JsonNode user = admin.user(citizen.id());
        ((ObjectNode) user.path("attributes")).putArray("vneidLevel").add("2");
        ((ObjectNode) user.path("attributes")).putArray("phoneNumber").add("+84919999999");
        assertThat(admin.call(token, "PUT", "/users/" + citizen.id(), user.toString()).statusCode())
                .isEqualTo(403);
        assertThat(admin.call(token, "POST", "/users",
                "{\"username\":\"" + AdminApi.newNationalId() + "\",\"enabled\":true,"
                        + "\"attributes\":{\"vneidLevel\":[\"2\"]}}").statusCode()).isEqualTo(403);
        assertThat(admin.call(token, "PUT", "/users/" + citizen.id() + "/reset-password",
                "{\"type\":\"password\",\"value\":\"Khac-mat-khau-2024\",\"temporary\":false}").statusCode())
                .isEqualTo(403);
        assertThat(admin.attribute(citizen.id(), "vneidLevel")).isEqualTo("1");
    }

    @Test
    @DisplayName("an administrator without the officer role is refused")
    void notAnOfficer() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("Lều Văn Vũ", AdminApi.newPhone(), true, 1);
        HttpResponse<String> refused = reset(admin.token(), citizen.id(), "Mất điện thoại ở chợ");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"error\":\"not_an_officer\"");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");
    }

}
