package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.vneid.sso.chipsim.PhoneApp;
import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.ChipHolder;
import vn.vneid.sso.it.support.ChromeBrowser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.PageChecks;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * The chip step-up page in Chromium (issue #16): the QR code on screen, and the page's own polling script that
 * continues the login by itself once the app (the chip simulator) has approved, or stops when the code expired.
 */
@DisplayName("Level-2 step-up with the chip, in Chromium")
class BrowserChipStepUpIT {

    static final String CHIP_FORM = "form#vneid-chip-form";
    static final String CHIP_QR = "img#vneid-chip-qr";
    static final String CHIP_TRANSACTION = "#vneid-chip-transaction";

    static KeycloakServer server;
    static OidcClient oidc;
    static AdminApi admin;
    static SmsOutbox outbox;
    static final PhoneApp app = new PhoneApp();

    @BeforeAll
    static void server() {
        server = KeycloakServer.get();
        oidc = OidcClient.demo(server);
        admin = new AdminApi(server);
        outbox = new SmsOutbox(server.outbox());
    }

    static ChipHolder levelTwoCitizen(String fullName) {
        return ChipHolder.create(admin, fullName, Map.of());
    }

    /** A fresh browser asking for vneid-l2: ID and password, the SMS code, then the chip page. */
    static String toChipPage(ChromeBrowser chrome, OidcClient.Login login, AdminApi.Citizen citizen) {
        chrome.open(login.authorizationUri());
        chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
        chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
        chrome.waitFor(LoginPage.SUBMIT).click();
        chrome.waitFor(SmsCodePage.FORM);
        chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(outbox.lastCodeTo(citizen.phone()));
        chrome.waitFor(SmsCodePage.SUBMIT).click();
        chrome.waitFor(CHIP_FORM);
        return chrome.waitFor(CHIP_TRANSACTION).getText().strip();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("the page shows the QR code and continues by itself when the app approves")
    void continuesWhenTheAppApproves(String lang) throws Exception {
        ChipHolder holder = levelTwoCitizen("Tôn Thất Minh");
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            OidcClient.Login login = oidc.login("vneid-l2");
            String transaction = toChipPage(chrome, login, holder.account());
            assertThat(chrome.driver().findElement(org.openqa.selenium.By.tagName("html")).getAttribute("lang"))
                    .isEqualTo(lang);
            assertThat(chrome.textOf("#kc-page-title")).isEqualTo("vi".equals(lang)
                    ? "Xác nhận bằng thẻ căn cước gắn chip" : "Confirm with your chip ID card");
            assertThat((Boolean) chrome.script("var i = arguments[0]; return i.complete && i.naturalWidth > 0;",
                    chrome.waitFor(CHIP_QR))).as("the QR code image is drawn").isTrue();
            PageChecks.check(chrome, "chip-step-up");

            PhoneApp.Response answer = app.approve(server.baseUri(), KeycloakServer.REALM, transaction,
                    holder.card());
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);

            // No click here: the page's script sees "approved" and presses "continue" itself.
            OidcClient.Tokens tokens = login.finish(chrome.waitForUrlStartingWith(OidcClient.DEMO_REDIRECT));
            assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l2");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("when the code expires the script stops asking and waits for the citizen, who gets a new code")
    void expiredTransaction(String language) throws InterruptedException {
        Map<String, String> previous = admin.updateChipConfig(Map.of("transaction-ttl-seconds", "10"));
        try {
            ChipHolder holder = levelTwoCitizen("Hồ Văn Thắng");
            try (ChromeBrowser chrome = ChromeBrowser.start(language, ChromeBrowser.PHONE)) {
                // Record, from every page's start, the polls the page sends and what they hear, without changing
                // what it does.
                chrome.onEveryPage("window.vneidHeard = []; window.vneidSent = 0; var f = window.fetch;"
                        + " window.fetch = function () { window.vneidSent++;"
                        + " return f.apply(this, arguments).then(function (r) { r.clone().json().then(function (s) {"
                        + " window.vneidHeard.push(s.status); }); return r; }); };");
                String transaction = toChipPage(chrome, oidc.login("vneid-l2"), holder.account());
                new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT.plusSeconds(10)).until(d -> heard(chrome)
                        .stream().filter("expired"::equals).count() >= 3);
                // The script polls every 2 s and may have a poll in flight when it stops: after one more interval,
                // three intervals without a new request show that it stopped (waiting longer only makes it surer).
                Thread.sleep(Duration.ofMillis(2500).toMillis());
                long sent = sent(chrome);
                Thread.sleep(Duration.ofSeconds(6).toMillis());
                assertThat(sent(chrome)).isEqualTo(sent);
                assertThat(chrome.driver().getCurrentUrl()).doesNotStartWith(OidcClient.DEMO_REDIRECT.toString());
                assertThat(chrome.waitFor(CHIP_TRANSACTION).getText().strip()).isEqualTo(transaction);

                chrome.waitFor("#vneid-chip-continue").click();
                new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT).until(d ->
                        !transaction.equals(chrome.textOf(CHIP_TRANSACTION)) && !chrome.textOf(CHIP_TRANSACTION)
                                .isEmpty());
                assertThat(chrome.textOf(".kc-feedback-text")).isEqualTo("vi".equals(language)
                        ? "Mã đã hết hạn. Đây là mã mới." : "The code has expired. Here is a new one.");
                PageChecks.check(chrome, "chip-step-up-expired");
            }
        } finally {
            admin.restoreChipConfig(previous);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> heard(ChromeBrowser chrome) {
        return (List<String>) chrome.script("return window.vneidHeard || [];");
    }

    static long sent(ChromeBrowser chrome) {
        return ((Number) chrome.script("return window.vneidSent || 0;")).longValue();
    }
}
