package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.pages.VerifyPhonePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.Lockout;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

/** Changing the phone at once (kc_action=vneid-change-phone), proven with the old phone or the chip ID card. */
@DisplayName("Phone change")
class PhoneChangeIT {

    static KeycloakServer server;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        oidc = OidcClient.demo(server);
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    /** Signs in (ID, password, SMS code) with the change requested by the service. */
    static Browser.Response signInAskingForChange(Browser browser, OidcClient.Login login, AdminApi.Citizen citizen) {
        SmsCodePage code = LoginPage.signIn(browser, login, citizen.nationalId(), citizen.password());
        return code.submitCode(outbox.lastCodeTo(citizen.phone()));
    }

    @Test
    @DisplayName("a level-1 citizen proves the old phone with a code, then binds a new number of their own")
    void levelOneWithTheOldPhone() {
        AdminApi.Citizen citizen = admin.createCitizen("001090900003", "1990-09-03", "Ông Văn Quý",
                "+84977000031", true, 1);
        int sentBefore = outbox.countTo("+84977000031"); // a run before this one's, if the test is run again
        Browser browser = new Browser();
        OidcClient.Login login = oidc.action("vneid-change-phone");
        ChangePhonePage choice = new ChangePhonePage(browser, signInAskingForChange(browser, login, citizen));
        assertThat(choice.intro()).contains("*******031");

        ChangePhonePage code = new ChangePhonePage(browser, choice.useOldPhone());
        assertThat(outbox.countTo("+84977000031") - sentBefore).as("the login's code, then the change's").isEqualTo(2);
        VerifyPhonePage number = new VerifyPhonePage(browser, code.submitCode(outbox.lastCodeTo("+84977000031")));
        assertThat(number.asksForNumber()).isTrue();
        // Until the new number is bound, the old one still counts.
        assertThat(admin.attribute(citizen.id(), "phoneNumber")).isEqualTo("+84977000031");

        VerifyPhonePage newCode = new VerifyPhonePage(browser, number.submitNumber("0977000030"));
        OidcClient.Tokens tokens = login.finish(newCode.submitCode(outbox.lastCodeTo("+84977000030")).redirectTarget());
        assertThat(tokens.idToken().getStringClaim("phone_number")).isEqualTo("+84977000030");
        assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");

        List<JsonNode> events = admin.events(citizen.id());
        assertThat(events).extracting(e -> e.path("details").path("vneid_phone").asText())
                .contains("change_requested", "change_proven", "changed");
    }

    @Test
    @DisplayName("an account locked by guessing elsewhere gets no code and binds nothing until the lock ends")
    void lockedAccount() {
        AdminApi.Citizen citizen = admin.createCitizen("Lò Văn Tám", AdminApi.newPhone(), true, 1);
        Browser browser = new Browser();
        OidcClient.Login login = oidc.action("vneid-change-phone");
        ChangePhonePage choice = new ChangePhonePage(browser, signInAskingForChange(browser, login, citizen));
        // Someone guesses the password elsewhere until Keycloak locks the account.
        try (Lockout locked = Lockout.byGuessing(admin, oidc, citizen)) {
            int before = outbox.countTo(citizen.phone());
            Browser.Response refused = choice.useOldPhone();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("Tài khoản tạm thời bị khóa");
            assertThat(outbox.countTo(citizen.phone())).as("no code while locked").isEqualTo(before);
            assertThat(admin.events(citizen.id())).anySatisfy(event ->
                    assertThat(event.path("details").path("reason").asText()).isEqualTo("locked"));
        }
    }

    @Test
    @DisplayName("a level-2 citizen always proves with the chip ID card")
    void levelTwoWithTheChip() throws Exception {
        AdminApi.Citizen citizen = admin.createCitizen("001090900004", "1990-09-04", "Âu Văn Sang",
                "+84977000041", true, 2);
        int sentBefore = outbox.countTo("+84977000041");
        Browser browser = new Browser();
        OidcClient.Login login = oidc.action("vneid-change-phone");
        ChipStepUpPage chip = new ChipStepUpPage(browser, signInAskingForChange(browser, login, citizen));

        Citizen person = new Citizen(citizen.nationalId(), "Âu Văn Sang", LocalDate.of(1990, 9, 4),
                Citizen.Sex.MALE, "Hà Nội", "Hà Nội", LocalDate.of(2040, 9, 4));
        ChipCard card = ChipCard.issue(person, TestPki.demo().issueDocumentSigner(), AaKeyType.RSA_2048);
        PhoneApp.Response answer = new PhoneApp().approve(server.baseUri(), KeycloakServer.REALM, chip.transaction(),
                card);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);

        VerifyPhonePage number = new VerifyPhonePage(browser, chip.continueLogin());
        VerifyPhonePage newCode = new VerifyPhonePage(browser, number.submitNumber("+84 977 000 040"));
        OidcClient.Tokens tokens = login.finish(newCode.submitCode(outbox.lastCodeTo("+84977000040")).redirectTarget());
        assertThat(tokens.idToken().getStringClaim("phone_number")).isEqualTo("+84977000040");
        assertThat(outbox.countTo("+84977000041") - sentBefore).as("no code to the old phone, the login's only")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("the chip window of a phone change is the action's config: an answer after it is refused")
    void chipWindowIsConfigurable() throws Exception {
        Map<String, String> previous = admin.updateRequiredActionConfig("vneid-change-phone",
                Map.of("transaction-ttl-seconds", "10"));
        try {
            AdminApi.Citizen citizen = admin.createCitizen("Đàm Văn Tiến", AdminApi.newPhone(), true, 2);
            Browser browser = new Browser();
            ChipStepUpPage chip = new ChipStepUpPage(browser,
                    signInAskingForChange(browser, oidc.action("vneid-change-phone"), citizen));
            Citizen person = new Citizen(citizen.nationalId(), "Đàm Văn Tiến", LocalDate.of(1990, 5, 17),
                    Citizen.Sex.MALE, "Hà Nội", "Hà Nội", LocalDate.of(2040, 5, 17));
            ChipCard card = ChipCard.issue(person, TestPki.demo().issueDocumentSigner(), AaKeyType.RSA_2048);
            PhoneApp app = new PhoneApp();
            byte[] challenge = app.fetchChallenge(server.baseUri(), KeycloakServer.REALM, chip.transaction());
            Thread.sleep(11_000); // past the 10 s set above, far inside the default 120 s
            PhoneApp.Response late = app.submit(server.baseUri(), KeycloakServer.REALM, chip.transaction(), card,
                    challenge);
            assertThat(late.status()).as(late.body()).isEqualTo(404);
            assertThat(late.body()).contains("\"error\":\"unknown_transaction\"");
        } finally {
            admin.restoreRequiredActionConfig("vneid-change-phone", previous);
        }
    }
}
