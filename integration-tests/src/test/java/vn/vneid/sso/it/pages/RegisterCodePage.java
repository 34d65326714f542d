package vn.vneid.sso.it.pages;

import java.util.HashMap;
import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-1 registration, step 2: the code sent by SMS to the citizen's own phone (issue #15). */
public final class RegisterCodePage extends KeycloakPage {

    public static final String FORM = "form#vneid-register-code-form";

    public RegisterCodePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn(FORM);
    }

    public String info() {
        return textOf("#vneid-register-code-info");
    }

    public String codeError() {
        return fieldError("code");
    }

    public Browser.Response submitCode(String code) {
        return submitCode(code, Map.of());
    }

    public Browser.Response submitCode(String code, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(extra);
        fields.put("code", code);
        return submit(FORM, fields);
    }
}
