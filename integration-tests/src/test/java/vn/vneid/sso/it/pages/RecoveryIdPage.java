package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Forgotten password, step 1: the national ID. */
public final class RecoveryIdPage extends KeycloakPage {

    public RecoveryIdPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-recovery-id-form");
    }

    public Browser.Response submit(String nationalId) {
        return submit("form#vneid-recovery-id-form", Map.of("username", nationalId));
    }

    public String idError() {
        return fieldError("username");
    }
}
