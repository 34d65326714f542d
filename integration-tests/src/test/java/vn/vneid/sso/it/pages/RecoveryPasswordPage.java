package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Forgotten password, last step: the new password. */
public final class RecoveryPasswordPage extends KeycloakPage {

    public RecoveryPasswordPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-recovery-password-form");
    }

    public Browser.Response submit(String password) {
        return submit(password, password);
    }

    public Browser.Response submit(String password, String confirmation) {
        return submit("form#vneid-recovery-password-form",
                Map.of("password-new", password, "password-confirm", confirmation));
    }

    public String passwordError() {
        return fieldError("password-new");
    }
}
