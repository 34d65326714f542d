package vn.vneid.sso.it.pages;

import java.net.URI;

import vn.vneid.sso.it.support.Browser;

/** Activation, the end: the account is active; a link leads to a normal sign-in. */
public final class ActivationDonePage extends KeycloakPage {

    public ActivationDonePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("#vneid-activation-done");
    }

    public LoginPage signIn() {
        return new LoginPage(browser, browser.get(URI.create(
                document.selectFirst("#vneid-activation-sign-in").absUrl("href"))));
    }
}
