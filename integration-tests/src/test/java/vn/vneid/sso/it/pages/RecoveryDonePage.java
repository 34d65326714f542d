package vn.vneid.sso.it.pages;

import java.net.URI;

import vn.vneid.sso.it.support.Browser;

/** Forgotten password, the end: the password changed; a link leads to a normal sign-in. */
public final class RecoveryDonePage extends KeycloakPage {

    public RecoveryDonePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("#vneid-recovery-done");
    }

    public LoginPage signIn() {
        return new LoginPage(browser, browser.get(URI.create(
                document.selectFirst("#vneid-recovery-sign-in").absUrl("href"))));
    }
}
