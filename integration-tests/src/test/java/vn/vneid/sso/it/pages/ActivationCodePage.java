package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Activation, step 1 (issue #15): national ID, the phone given at the desk, the activation code. */
public final class ActivationCodePage extends KeycloakPage {

    public ActivationCodePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-activation-code-form");
    }

    public Browser.Response submit(String nationalId, String phone, String code) {
        return submit("form#vneid-activation-code-form", Map.of("username", nationalId, "phone", phone, "code", code));
    }

    public String codeError() {
        return fieldError("code");
    }

    public String idError() {
        return fieldError("username");
    }
}
