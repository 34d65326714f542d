package vn.vneid.sso.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import vn.vneid.sso.it.pages.LoginPage;
import vn.vneid.sso.it.pages.SmsCodePage;
import vn.vneid.sso.it.support.AdminApi;
import vn.vneid.sso.it.support.ChromeBrowser;
import vn.vneid.sso.it.support.Contrast;
import vn.vneid.sso.it.support.KeycloakServer;
import vn.vneid.sso.it.support.OidcClient;
import vn.vneid.sso.it.support.SmsOutbox;

/**
 * The brand colours' contrast, explicitly (issue #16; axe checks contrast too, but only of what a page happens to
 * show, never hovered, never in the dark mode keycloak.v2 follows). The text/background pairs the citizen's pages
 * actually draw are read with getComputedStyle, in the light and the dark colour scheme, at rest and hovered, and
 * each must reach WCAG's 4.5:1 (3:1 for large text).
 */
@DisplayName("Brand colours: every text on its background reaches WCAG AA contrast")
class BrowserBrandColoursIT {

    static final Path THEME_CSS = Path.of(System.getProperty("vneid.it.theme.css",
            "../themes/src/main/resources/theme/vneid/login/resources/css/vneid.css"));

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

    /** The colour of the text and the colour it is drawn on (first opaque background up the tree, composited). */
    static final String COLOURS = "var e = arguments[0], s = getComputedStyle(e);"
            + "function rgba(c) { var m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }"
            + "var layers = []; for (var n = e; n; n = n.parentElement) { var b = rgba(getComputedStyle(n).backgroundColor);"
            + " if (b[3] > 0) { layers.push(b); if (b[3] >= 1) break; } }"
            + "var bg = [255, 255, 255]; if (layers.length && layers[layers.length - 1][3] >= 1) bg = layers.pop().slice(0, 3);"
            + "while (layers.length) { var l = layers.pop(); bg = bg.map(function (v, i) { return l[i] * l[3] + v * (1 - l[3]); }); }"
            + "var fg = rgba(s.color); fg = fg.slice(0, 3).map(function (v, i) { return v * fg[3] + bg[i] * (1 - fg[3]); });"
            + "function css(c) { return 'rgb(' + c.map(Math.round).join(', ') + ')'; }"
            + "return {fg: css(fg), bg: css(bg), size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight, 10)};";

    /** keycloak.v2 switches to its dark palette with the system's colour scheme; Chromium can pretend either. */
    static void colourScheme(ChromeBrowser chrome, String scheme) {
        chrome.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        chrome.script("var s = document.createElement('style'); s.textContent = '*, *::before, *::after"
                + " { transition: none !important; }'; document.head.appendChild(s);");
    }

    /** "where: fg on bg = ratio" for each pair below its threshold; every pair is measured. */
    static void measure(ChromeBrowser chrome, String where, WebElement element, boolean hover, List<String> failures,
                        List<String> measured) {
        if (hover) {
            new Actions(chrome.driver()).moveToElement(element).perform();
        } else {
            new Actions(chrome.driver()).moveByOffset(0, 0).perform();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) chrome.script(COLOURS, element);
        String fg = (String) c.get("fg");
        String bg = (String) c.get("bg");
        double ratio = Contrast.ratio(fg, bg);
        double required = Contrast.required(((Number) c.get("size")).doubleValue(), ((Number) c.get("weight")).intValue());
        String line = String.format("%s%s: %s on %s = %.2f:1 (needs %.1f)", where, hover ? " (hovered)" : "", fg, bg,
                ratio, required);
        measured.add(line);
        if (ratio < required) {
            failures.add(line);
        }
    }

    @ParameterizedTest(name = "{0} colour scheme")
    @ValueSource(strings = {"light", "dark"})
    @DisplayName("buttons, links, labels, hints and errors of the login and SMS code pages, at rest and hovered")
    void contrastOfEveryPair(String scheme) {
        AdminApi.Citizen citizen = admin.createCitizen("Ninh Văn Đức", AdminApi.newPhone(), true, 1);
        List<String> failures = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        try (ChromeBrowser chrome = ChromeBrowser.start("vi", ChromeBrowser.DESKTOP)) {
            chrome.open(oidc.login().authorizationUri());
            chrome.waitFor(LoginPage.FORM);
            colourScheme(chrome, scheme);
            // A wrong ID first, so that the page also shows a field error.
            chrome.waitFor(LoginPage.ID_FIELD).sendKeys("00108501234");
            chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys("x");
            chrome.waitFor(LoginPage.SUBMIT).click();
            chrome.waitFor(LoginPage.ID_ERROR);
            colourScheme(chrome, scheme);
            assertThat(chrome.script("return document.documentElement.classList.contains('pf-v5-theme-dark');"))
                    .as("keycloak.v2's dark palette follows the scheme").isEqualTo("dark".equals(scheme));
            for (boolean hover : new boolean[] {false, true}) {
                measure(chrome, "primary button", chrome.waitFor(LoginPage.SUBMIT), hover, failures, measured);
                measure(chrome, "link", chrome.waitFor("a[href*=reset-credentials]"), hover, failures, measured);
            }
            measure(chrome, "page title", chrome.waitFor("#kc-page-title"), false, failures, measured);
            measure(chrome, "field label", chrome.waitFor("label[for=username]"), false, failures, measured);
            measure(chrome, "typed text", chrome.waitFor(LoginPage.ID_FIELD), false, failures, measured);
            measure(chrome, "field error", chrome.waitFor(LoginPage.ID_ERROR), false, failures, measured);
            measure(chrome, "language switch", chrome.waitFor("#login-select-toggle"), false, failures, measured);

            chrome.waitFor(LoginPage.ID_FIELD).clear();
            chrome.waitFor(LoginPage.ID_FIELD).sendKeys(citizen.nationalId());
            chrome.waitFor(LoginPage.PASSWORD_FIELD).sendKeys(citizen.password());
            chrome.waitFor(LoginPage.SUBMIT).click();
            chrome.waitFor(SmsCodePage.FORM);
            colourScheme(chrome, scheme);
            // The resend button counts down disabled first; its colours are the enabled ones once it is usable.
            chrome.script("document.getElementById('vneid-sms-resend').disabled = false;");
            for (boolean hover : new boolean[] {false, true}) {
                measure(chrome, "secondary button", chrome.waitFor("#vneid-sms-resend"), hover, failures, measured);
            }
            measure(chrome, "instruction", chrome.waitFor(SmsCodePage.SENT_TO), false, failures, measured);
            measure(chrome, "hint", chrome.waitFor("#vneid-sms-resend-info"), false, failures, measured);
        }
        System.out.println("Contrast (" + scheme + "):\n  " + String.join("\n  ", measured));
        assertThat(failures).as("text/background pairs below WCAG AA in the %s scheme; all measured:%n%s", scheme,
                String.join("\n", measured)).isEmpty();
    }

    @Test
    @DisplayName("the theme's brand colours, as declared in vneid.css, reach 4.5:1 with the text drawn on them")
    void declaredBrandColours() throws IOException {
        String css = Files.readString(THEME_CSS);
        String red = variable(css, "--vneid-red");
        String redHover = variable(css, "--pf-v5-global--primary-color--200");
        // The primary button: white text on the red, and on the darker red while pressed or hovered.
        assertThat(Contrast.ratio("#ffffff", red)).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio("#ffffff", redHover)).isGreaterThanOrEqualTo(4.5);
        // Links and secondary buttons: the red on the white card; on the dark card (PatternFly's #26292d), the
        // lighter red.
        assertThat(Contrast.ratio(red, "#ffffff")).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio(variable(css, "--vneid-red-on-dark"), "#26292d")).isGreaterThanOrEqualTo(4.5);
        // The formula itself, on WCAG's two extremes and a known pair (PatternFly's blue on white, 5.57:1).
        assertThat(Contrast.ratio("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Contrast.ratio("rgb(0, 102, 204)", "#ffffff")).isCloseTo(5.57, org.assertj.core.data.Offset.offset(0.01));
    }

    static String variable(String css, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s*:\\s*(#[0-9a-fA-F]{6})").matcher(css);
        assertThat(m.find()).as("%s declared in %s", name, THEME_CSS).isTrue();
        return m.group(1);
    }
}
