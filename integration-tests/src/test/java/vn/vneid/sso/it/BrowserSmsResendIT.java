package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
 * The SMS code page's resend countdown in Chromium (issue #16). The cooldown is made short through the SMS step's
 * own configuration; the test never races the page's timer: a recorder injected before the page's scripts writes
 * down every state of the button and its hint, and the test reads that history whenever it gets there.
 */
@DisplayName("Resending the SMS code, with its countdown, in Chromium")
class BrowserSmsResendIT {

    static final String RESEND = "#vneid-sms-resend";
    static final String RESEND_INFO = "#vneid-sms-resend-info";
    static final int COOLDOWN_SECONDS = 4;

    /** Each change of the resend button's disabled state or of its hint, from the page's first parse. */
    static final String RECORDER = "window.vneidSeen = []; document.addEventListener('DOMContentLoaded', function () {"
            + " var b = document.getElementById('vneid-sms-resend'), h = document.getElementById('vneid-sms-resend-info');"
            + " if (!b || !h) return;"
            + " function snap() { window.vneidSeen.push({disabled: b.disabled, text: h.textContent.trim()}); }"
            + " snap(); var o = new MutationObserver(snap);"
            + " o.observe(h, {childList: true, characterData: true, subtree: true});"
            + " o.observe(b, {attributes: true, attributeFilter: ['disabled']}); });";

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

    record Seen(boolean disabled, String text) {
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("the resend button waits out a visible countdown, then a second code comes and only the latest works")
    void countdownThenSecondCode(String lang) {
        boolean vi = "vi".equals(lang);
        Pattern waiting = Pattern.compile(vi ? "Bạn có thể yêu cầu mã mới sau (\\d+) giây \\(còn 3 lần\\)\\."
                : "You can ask for a new code in (\\d+) seconds \\(3 left\\)\\.");
        String ready = vi ? "Chưa nhận được mã? Bạn có thể yêu cầu mã mới (còn 3 lần)."
                : "Did not get the code? You can ask for a new one (3 left).";
        Map<String, String> previous = admin.updateSmsCodeConfig(Map.of(
                "resend-cooldown-seconds", String.valueOf(COOLDOWN_SECONDS), "max-resends", "3"));
        try {
            Citizen citizen = admin.createCitizen("Lạc Thị Thu", AdminApi.newPhone(), true, 1);
            try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
                chrome.onEveryPage(RECORDER);
                OidcClient.Login login = oidc.login();
                chrome.open(login.authorizationUri());
                chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
                chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
                chrome.waitFor(LoginPage.SUBMIT).click();
                chrome.waitFor(SmsCodePage.FORM);
                String first = outbox.lastCodeTo(citizen.phone());

                new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT.plusSeconds(COOLDOWN_SECONDS))
                        .until(d -> seen(chrome).stream().anyMatch(s -> !s.disabled() && ready.equals(s.text())));
                List<Seen> history = seen(chrome);
                // From the script's start to the end of the countdown: disabled, counting down, never up.
                List<Seen> counting = history.stream().filter(Seen::disabled).toList();
                assertThat(counting).as("disabled states in %s", history).isNotEmpty();
                int last = Integer.MAX_VALUE;
                for (Seen s : counting) {
                    Matcher m = waiting.matcher(s.text());
                    if (m.matches()) {
                        int left = Integer.parseInt(m.group(1));
                        assertThat(left).as("seconds shown in %s", history).isBetween(1, Math.min(last,
                                COOLDOWN_SECONDS));
                        last = left;
                    }
                }
                assertThat(last).as("a countdown was shown: %s", history).isLessThanOrEqualTo(COOLDOWN_SECONDS);
                Seen end = history.get(history.size() - 1);
                assertThat(end).isEqualTo(new Seen(false, ready));
                assertThat(chrome.waitFor(RESEND_INFO).isDisplayed()).isTrue();
                assertThat(chrome.textOf("#vneid-sms-resend-ready")).as("announced once, politely").isEqualTo(ready);
                assertThat(chrome.waitFor(RESEND).isEnabled()).isTrue();

                WebElement oldForm = chrome.waitFor(SmsCodePage.FORM);
                chrome.waitFor(RESEND).click();
                new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT).until(d -> outbox.countTo(citizen.phone()) == 2);
                // The new page, not the old one still shown while the answer loads (both have the form).
                new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT).until(ExpectedConditions.stalenessOf(oldForm));
                chrome.waitFor(SmsCodePage.FORM);
                // The new page counts down again (one resend used) and waits out the same cooldown.
                new WebDriverWait(chrome.driver(), ChromeBrowser.WAIT)
                        .until(d -> seen(chrome).stream().anyMatch(Seen::disabled));
                PageChecks.check(chrome, "sms-code-resent");
                String latest = outbox.lastCodeTo(citizen.phone());
                if (!latest.equals(first)) {
                    chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(first);
                    chrome.waitFor(SmsCodePage.SUBMIT).click();
                    assertThat(chrome.waitFor(SmsCodePage.CODE_ERROR).getText()).isEqualTo(vi
                            ? "Mã xác thực không đúng. Bạn còn 4 lần thử." : "The code is not correct. 4 tries left.");
                    chrome.waitFor(SmsCodePage.CODE_FIELD).clear();
                    // Counted on Keycloak's brute-force thread; a try before it has would be refused as locked.
                    assertThat(admin.awaitFailures(citizen.id(), 1)).isEqualTo(1);
                }
                chrome.waitFor(SmsCodePage.CODE_FIELD).sendKeys(latest);
                chrome.waitFor(SmsCodePage.SUBMIT).click();
                OidcClient.Tokens tokens = login.finish(chrome.waitForUrlStartingWith(OidcClient.DEMO_REDIRECT));
                assertThat(tokens.idToken().getACR().getValue()).isEqualTo("vneid-l1");
            }
        } finally {
            admin.restoreSmsCodeConfig(previous);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Seen> seen(ChromeBrowser chrome) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) chrome.script("return window.vneidSeen || [];");
        return raw.stream().map(m -> new Seen(Boolean.TRUE.equals(m.get("disabled")), (String) m.get("text")))
                .toList();
    }
}
