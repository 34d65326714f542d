package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.AdminApi.Citizen;
import vn.vneid.sso.it.support.ChromeBrowser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.PageChecks;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * Binding a phone and changing it, in Chromium (issue #16). The test citizens 001090916001-004 own the SIMs
 * +84977160010-040 in the demo subscriber registry (realm-config/vneid-subscribers.json).
 */
@DisplayName("Binding and changing the phone, in Chromium")
class BrowserPhoneIT {

    static final String NO_PHONE = "#vneid-no-phone";
    static final String BIND_NOW = "#vneid-bind-phone";
    static final String NUMBER_FORM = "form#vneid-phone-number-form";
    static final String NUMBER_FIELD = "#number";
    static final String NUMBER_ERROR = "#input-error-number";
    static final String SEND = "#vneid-phone-send";
    static final String PHONE_CODE_FORM = "form#vneid-phone-code-form";
    static final String PHONE_SENT_TO = "#vneid-phone-sent-to";
    static final String CODE_FIELD = "#code";
    static final String CONFIRM = "#vneid-phone-confirm";
    static final String CHANGE_CHOICE_FORM = "form#vneid-change-choice-form";
    static final String CHANGE_USE_OLD = "#vneid-change-old-phone";
    static final String CHANGE_CODE_FORM = "form#vneid-change-code-form";
    static final String CHANGE_CONFIRM = "#vneid-change-confirm";

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

    static void signIn(ChromeBrowser chrome, OidcClient.Login login, Citizen citizen) {
        chrome.open(login.authorizationUri());
        chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
        chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
        chrome.waitFor(LoginPage.SUBMIT).click();
    }

    /** The number form, then the code sent to {@code number}: what binding and the end of a change share. */
    static OidcClient.Tokens bind(ChromeBrowser chrome, OidcClient.Login login, String typed, String number,
                                  String pagePrefix) {
        chrome.waitFor(NUMBER_FIELD).sendKeys(typed);
        chrome.waitFor(SEND).click();
        chrome.waitFor(PHONE_CODE_FORM);
        assertThat(chrome.textOf(PHONE_SENT_TO)).contains(number.substring(9));
        PageChecks.check(chrome, pagePrefix + "-code");
        chrome.waitFor(CODE_FIELD).sendKeys(outbox.lastCodeTo(number));
        chrome.waitFor(CONFIRM).click();
        return login.finish(chrome.waitForUrlStartingWith(OidcClient.DEMO_REDIRECT));
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({"vi, 001090916001, +84977160010, Số điện thoại chưa được xác minh",
                "en, 001090916002, +84977160020, Your phone number is not verified"})
    @DisplayName("an account without a phone is told what to do, is refused someone else's SIM, binds its own")
    void bindAPhone(String lang, String nationalId, String number, String title) {
        Citizen citizen = admin.createCitizen(nationalId, "1990-09-16", "Mạc Văn Tài", null, false, 1);
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            OidcClient.Login login = oidc.login();
            signIn(chrome, login, citizen);
            chrome.waitFor(NO_PHONE);
            assertThat(chrome.textOf("#kc-page-title")).isEqualTo(title);
            PageChecks.check(chrome, "no-phone");
            chrome.waitFor(BIND_NOW).click();

            chrome.waitFor(NUMBER_FORM);
            PageChecks.check(chrome, "verify-phone");
            // +84977000011 is registered to someone else (the demo registry).
            chrome.waitFor(NUMBER_FIELD).sendKeys("0977 000 011");
            chrome.waitFor(SEND).click();
            assertThat(chrome.waitFor(NUMBER_ERROR).getText()).isEqualTo("vi".equals(lang)
                    ? "SIM này không đăng ký chính chủ tên bạn. Hãy dùng số chính chủ hoặc cập nhật thông tin chủ thuê bao tại nhà mạng."
                    : "This SIM is not registered in your name. Use a number registered to you, or update the SIM owner at your network operator.");
            PageChecks.assertErrorAnnounced(chrome, NUMBER_ERROR, NUMBER_FIELD);
            PageChecks.check(chrome, "verify-phone-refused");
            assertThat(outbox.countTo("+84977000011")).isZero();

            chrome.waitFor(NUMBER_FIELD).clear();
            OidcClient.Tokens tokens = bind(chrome, login, "0" + number.substring(3), number, "verify-phone");
            assertThat(tokens.idToken().getStringClaim("phone_number")).isEqualTo(number);
            assertThat(admin.attribute(citizen.id(), "phoneNumberVerified")).isEqualTo("true");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({"vi, 001090916003, +84977160031, +84977160030, Thay đổi số điện thoại di động",
                "en, 001090916004, +84977160041, +84977160040, Change your mobile number"})
    @DisplayName("a level-1 citizen changes the phone at once: a code to the old phone, then the new number's code")
    void changeThePhone(String lang, String nationalId, String oldNumber, String newNumber, String title) {
        Citizen citizen = admin.createCitizen(nationalId, "1990-09-16", "Lã Văn Phúc", oldNumber, true, 1);
        int sentBefore = outbox.countTo(oldNumber); // an earlier run's, if the test is run again
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            OidcClient.Login login = oidc.action("vneid-change-phone");
            signIn(chrome, login, citizen);
            chrome.waitFor(SmsCodePage.FORM);
            chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(outbox.lastCodeTo(oldNumber));
            chrome.waitFor(SmsCodePage.SUBMIT).click();

            chrome.waitFor(CHANGE_CHOICE_FORM);
            assertThat(chrome.textOf("#kc-page-title")).isEqualTo(title);
            assertThat(chrome.textOf("#vneid-change-intro")).contains(oldNumber.substring(9));
            PageChecks.check(chrome, "change-phone");
            chrome.waitFor(CHANGE_USE_OLD).click();

            chrome.waitFor(CHANGE_CODE_FORM);
            PageChecks.check(chrome, "change-phone-code");
            assertThat(outbox.countTo(oldNumber) - sentBefore).as("the login's code, then the change's").isEqualTo(2);
            chrome.waitFor(CODE_FIELD).sendKeys(outbox.lastCodeTo(oldNumber));
            chrome.waitFor(CHANGE_CONFIRM).click();

            chrome.waitFor(NUMBER_FORM);
            assertThat(admin.attribute(citizen.id(), "phoneNumber")).as("the old number counts until the new is bound")
                    .isEqualTo(oldNumber);
            OidcClient.Tokens tokens = bind(chrome, login, newNumber, newNumber, "change-phone-new");
            assertThat(tokens.idToken().getStringClaim("phone_number")).isEqualTo(newNumber);
            assertThat(admin.attribute(citizen.id(), "phoneNumber")).isEqualTo(newNumber);
        }
    }
}
