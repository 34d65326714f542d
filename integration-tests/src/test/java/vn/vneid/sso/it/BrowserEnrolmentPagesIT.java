package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.vneid.sso.it.support.ChromeBrowser;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.PageChecks;

/**
 * The first pages of the level-1 self-registration and of the level-2 activation (issue #15) in Chromium, reached as
 * a citizen reaches them, from the login page's links, with the checks of every page (axe-core, phone width, 200 %
 * zoom, screenshot). Their journeys run over HTTP in SelfRegistrationIT and ApprovalActivationIT.
 */
@DisplayName("Registration and activation pages, in Chromium")
class BrowserEnrolmentPagesIT {

    static OidcClient oidc;

    @BeforeAll
    static void server() {
        oidc = OidcClient.demo(KeycloakServer.get());
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("the registration page from the login page's link, and its errors announced beside their fields")
    void registration(String lang) {
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            chrome.open(oidc.login().authorizationUri());
            // Waited for: Selenium gives "" as the text of an element not yet shown (one CI run read it too early).
            assertThat(chrome.waitFor("#kc-registration a").getText().strip()).isEqualTo("vi".equals(lang)
                    ? "Đăng ký tài khoản mức 1" : "Register (level 1)");
            chrome.waitFor("#kc-registration a").click();
            chrome.waitFor("#vneid-register-form");
            PageChecks.check(chrome, "register");

            chrome.waitFor("#vneid-register-submit").click();
            chrome.waitFor("#vneid-register-form [aria-invalid='true']");
            PageChecks.check(chrome, "register-errors");
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"vi", "en"})
    @DisplayName("the activation page from the login page's link, and a wrong entry's neutral message")
    void activation(String lang) {
        try (ChromeBrowser chrome = ChromeBrowser.start(lang, ChromeBrowser.PHONE)) {
            chrome.open(oidc.login().authorizationUri());
            chrome.waitFor("#vneid-activation-link").click();
            chrome.waitFor("#vneid-activation-code-form");
            PageChecks.check(chrome, "activation");

            chrome.waitFor("#vneid-activation-submit").click();
            chrome.waitFor("#vneid-activation-code-form [aria-invalid='true']");
            PageChecks.check(chrome, "activation-errors");
        }
    }
}
