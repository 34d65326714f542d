package vn.vneid.sso.it.pages;

import java.util.HashMap;
import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-1 registration, step 3: the password (issue #15). */
public final class RegisterPasswordPage extends KeycloakPage {

    public static final String FORM = "form#vneid-register-password-form";

    public RegisterPasswordPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn(FORM);
    }

    public Browser.Response submit(String password) {
        return submit(password, Map.of());
    }

    public Browser.Response submit(String password, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(extra);
        fields.put("password-new", password);
        fields.put("password-confirm", password);
        return super.submit(FORM, fields);
    }

    public String passwordError() {
        return fieldError("password-new");
    }
}
