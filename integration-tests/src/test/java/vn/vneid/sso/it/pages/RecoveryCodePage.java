package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Forgotten password, step 2: the code sent by SMS (the same page for every national ID). */
public final class RecoveryCodePage extends KeycloakPage {

    public RecoveryCodePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-recovery-code-form");
    }

    public String info() {
        return textOf("#vneid-recovery-code-info");
    }

    public String noCodeHelp() {
        return textOf("#vneid-recovery-no-code");
    }

    public String codeError() {
        return fieldError("code");
    }

    public Browser.Response submitCode(String code) {
        return submit("form#vneid-recovery-code-form", Map.of("code", code));
    }
}
