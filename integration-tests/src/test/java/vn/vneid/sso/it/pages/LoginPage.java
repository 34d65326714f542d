package vn.vneid.sso.it.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import vn.vneid.sso.it.support.Browser;
import vn.vneid.sso.it.support.OidcClient;

/** Level-1 login, step 1: personal identification number and password (Keycloak's login.ftl, our labels). */
public final class LoginPage extends KeycloakPage {

    /** Shared with the browser tests (Browser*IT): the same page seen by Chromium. */
    public static final String FORM = "form#kc-form-login";
    public static final String ID_FIELD = "#username";
    public static final String PASSWORD_FIELD = "#password";
    public static final String SUBMIT = "#kc-login";
    public static final String ID_ERROR = "#input-error-username";

    public LoginPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn(FORM);
    }

    /** Opens a relying party's authorization request in the browser: the first page is this one. */
    public static LoginPage open(Browser browser, OidcClient.Login login) {
        return new LoginPage(browser, browser.get(login.authorizationUri()));
    }

    /** Opens the login and passes the first step: the SMS code page. */
    public static SmsCodePage signIn(Browser browser, OidcClient.Login login, String nationalId, String password) {
        return new SmsCodePage(browser, open(browser, login).submit(nationalId, password));
    }

    /** The same for any authorization URI (a pushed request's {@code request_uri}, for instance). */
    public static SmsCodePage signIn(Browser browser, java.net.URI authorizationUri, String nationalId,
                                     String password) {
        return new SmsCodePage(browser, new LoginPage(browser, browser.get(authorizationUri)).submit(nationalId,
                password));
    }

    public Browser.Response submit(String nationalId, String password) {
        return submit(FORM, Map.of("username", nationalId, "password", password));
    }

    /** Follows the "Quên mật khẩu?" link: the first page of the recovery. */
    public RecoveryIdPage forgotPassword() {
        org.jsoup.nodes.Element link = document.selectFirst("a[href*=reset-credentials]");
        assertThat(link).as("forgotten-password link on %s", text()).isNotNull();
        return new RecoveryIdPage(browser, browser.get(URI.create(link.absUrl("href"))));
    }

    /** Follows the "Kích hoạt tài khoản" link (issue #15): the first page of the activation. */
    public ActivationCodePage activate() {
        org.jsoup.nodes.Element link = document.selectFirst("a#vneid-activation-link");
        assertThat(link).as("activation link on %s", text()).isNotNull();
        return new ActivationCodePage(browser, browser.get(URI.create(link.absUrl("href"))));
    }

    public String activationLabel() {
        return textOf("a#vneid-activation-link");
    }

    /** Follows the "Đăng ký tài khoản mức 1" link: the first page of the level-1 registration (issue #15). */
    public RegisterIdentityPage register() {
        org.jsoup.nodes.Element link = document.selectFirst("#kc-registration a");
        assertThat(link).as("registration link on %s", text()).isNotNull();
        return new RegisterIdentityPage(browser, browser.get(URI.create(link.absUrl("href"))));
    }

    public String registerLabel() {
        return textOf("#kc-registration a");
    }

    public String forgotPasswordLabel() {
        return textOf("a[href*=reset-credentials]");
    }

    public String idLabel() {
        return textOf("label[for=username]");
    }

    /** The error shown under the ID field (the login page shows credential errors there). */
    public String idError() {
        return fieldError("username");
    }

    public String idValue() {
        return document.selectFirst("#username").attr("value");
    }
}
