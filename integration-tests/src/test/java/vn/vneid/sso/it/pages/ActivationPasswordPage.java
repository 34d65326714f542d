package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Activation, last step: the account's password. */
public final class ActivationPasswordPage extends KeycloakPage {

    public ActivationPasswordPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-activation-password-form");
    }

    public Browser.Response submit(String password) {
        return submit("form#vneid-activation-password-form",
                Map.of("password-new", password, "password-confirm", password));
    }

    public String passwordError() {
        return fieldError("password-new");
    }
}
