package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
 * The level-1 login in a real browser (Debian's headless Chromium, issue #16): what a citizen sees and does, in
 * Vietnamese and English, on a 360x740 phone and on a desktop, checked by axe-core on every page it reaches.
 * Each page goes through {@link PageChecks#check}.
 */
@DisplayName("Level-1 login in Chromium")
class BrowserLoginIT {

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

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("a citizen signs in with ID, password and the SMS code, and lands at the relying party")
    void levelOneLogin(String lang) {
        Citizen citizen = admin.createCitizen("Phan Thị Hạnh", AdminApi.newPhone(), true, 1);
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            OidcClient.Login login = oidc.login();
            chrome.open(login.authorizationUri());
            chrome.waitFor(LoginPage.FORM);
            assertThat(chrome.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            PageChecks.check(chrome, "login");

            chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
            chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
            chrome.waitFor(LoginPage.SUBMIT).click();

            chrome.waitFor(SmsCodePage.FORM);
            assertThat(chrome.textOf(SmsCodePage.SENT_TO)).contains(citizen.phone().substring(9));
            PageChecks.check(chrome, "sms-code");

            chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(outbox.lastCodeTo(citizen.phone()));
            chrome.waitFor(SmsCodePage.SUBMIT).click();

            OidcClient.Tokens tokens = login.finish(chrome.waitForUrlStartingWith(OidcClient.DEMO_REDIRECT));
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
            assertThat(tokens.idToken().getStringClaim("preferred_username")).isEqualTo(citizen.nationalId());
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("a wrong ID and then a wrong code are shown next to their field and announced")
    void wrongIdThenWrongCode(String lang) {
        Citizen citizen = admin.createCitizen("Đinh Văn Khoa", AdminApi.newPhone(), true, 1);
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            chrome.open(oidc.login().authorizationUri());
            chrome.waitFor(LoginPage.ID_FIELD).sendKeys("00108501234");
            chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys("x");
            chrome.waitFor(LoginPage.SUBMIT).click();

            WebElement idError = chrome.waitFor(LoginPage.ID_ERROR);
            assertThat(idError.getText()).isEqualTo("vi".equals(lang)
                    ? "Số định danh cá nhân gồm đúng 12 chữ số." : "The personal identification number has exactly 12 digits.");
            PageChecks.assertErrorAnnounced(chrome, LoginPage.ID_ERROR, LoginPage.ID_FIELD);
            PageChecks.check(chrome, "login-wrong-id");

            chrome.waitFor(LoginPage.ID_FIELD).clear();
            chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
            chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
            chrome.waitFor(LoginPage.SUBMIT).click();

            chrome.waitFor(SmsCodePage.FORM);
            String right = outbox.lastCodeTo(citizen.phone());
            chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(right.equals("000000") ? "111111" : "000000");
            chrome.waitFor(SmsCodePage.SUBMIT).click();

            WebElement codeError = chrome.waitFor(SmsCodePage.CODE_ERROR);
            assertThat(codeError.getText()).isEqualTo("vi".equals(lang)
                    ? "Mã xác thực không đúng. Bạn còn 4 lần thử." : "The code is not correct. 4 tries left.");
            PageChecks.assertErrorAnnounced(chrome, SmsCodePage.CODE_ERROR, SmsCodePage.CODE_FIELD);
            PageChecks.check(chrome, "sms-code-wrong-code");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("the whole login can be done with the keyboard alone")
    void keyboardOnly(String lang) {
        Citizen citizen = admin.createCitizen("Lương Thị Kim", AdminApi.newPhone(), true, 1);
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.DESKTOP)) {
            OidcClient.Login login = oidc.login();
            chrome.open(login.authorizationUri());
            chrome.waitFor(LoginPage.FORM);
            assertThat(chrome.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            Actions keys = new Actions(chrome.driver());
            tabUntilFocused(chrome, "username");
            keys.sendKeys(citizen.nationalId()).sendKeys(Keys.TAB).perform();
            assertThat(activeId(chrome)).isEqualTo("password");
            keys.sendKeys(citizen.password()).sendKeys(Keys.ENTER).perform();

            chrome.waitFor(SmsCodePage.FORM);
            tabUntilFocused(chrome, "code");
            keys.sendKeys(outbox.lastCodeTo(citizen.phone())).sendKeys(Keys.ENTER).perform();

            assertThat(login.finish(chrome.waitForUrlStartingWith(OidcClient.DEMO_REDIRECT)).idToken().getACR()
                    .getValue()).isEqualTo("vneid-l1");
        }
    }

    static void tabUntilFocused(ChromeBrowser chrome, String id) {
        Actions keys = new Actions(chrome.driver());
        for (int i = 0; i < 20 && !id.equals(activeId(chrome)); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT).until(d -> id.equals(activeId(chrome)));
    }

    static String activeId(ChromeBrowser chrome) {
        return (String) chrome.script("return document.activeElement ? document.activeElement.id : null;");
    }
}
