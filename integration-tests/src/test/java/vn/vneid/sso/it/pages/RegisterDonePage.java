package vn.vneid.sso.it.pages;

import java.net.URI;

import vn.vneid.sso.it.support.Browser;

/**
 * The end of a level-1 registration (issue #15): the account was created ({@code #vneid-register-done}) or the number
 * already had one ({@code #vneid-register-exists}); a link leads to a normal sign-in.
 */
public final class RegisterDonePage extends KeycloakPage {

    public RegisterDonePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("#vneid-register-done, #vneid-register-exists");
    }

    public boolean created() {
        return document.selectFirst("#vneid-register-done") != null;
    }

    public boolean offersForgottenPassword() {
        return document.selectFirst("a#vneid-register-forgot[href*=reset-credentials]") != null;
    }

    public LoginPage signIn() {
        return new LoginPage(browser, browser.get(URI.create(
                document.selectFirst("#vneid-register-sign-in").absUrl("href"))));
    }
}
