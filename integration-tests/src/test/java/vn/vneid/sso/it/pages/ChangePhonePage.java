package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Phone change, first step: prove control with the old phone or the chip. */
public final class ChangePhonePage extends KeycloakPage {

    public ChangePhonePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-change-choice-form, form#vneid-change-code-form");
    }

    public String intro() {
        return textOf("#vneid-change-intro");
    }

    public Browser.Response useOldPhone() {
        return submit("form#vneid-change-choice-form", Map.of("useOldPhone", ""));
    }

    public Browser.Response useChip() {
        return submit("form#vneid-change-choice-form", Map.of("useChip", ""));
    }

    public Browser.Response submitCode(String code) {
        return submit("form#vneid-change-code-form", Map.of("code", code));
    }
}
