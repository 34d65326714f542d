package vn.vneid.sso.it.pages;

import vn.vneid.sso.it.support.Browser;

/** Shown when the account has no verified phone: what to do, and a way back. */
public final class NoPhonePage extends KeycloakPage {

    public NoPhonePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("#vneid-no-phone");
    }

    public String explanation() {
        return textOf("#vneid-no-phone");
    }

    public Browser.Response bindPhoneNow() {
        return submit("form#vneid-no-phone-form", java.util.Map.of("bindPhone", ""));
    }

    public boolean offersBackToLogin() {
        return document.selectFirst("a#vneid-back-to-login[href]") != null;
    }
}
