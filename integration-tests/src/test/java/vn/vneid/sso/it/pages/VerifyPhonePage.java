package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** The "verify phone" required action: a number, then the code sent to it. */
public final class VerifyPhonePage extends KeycloakPage {

    public VerifyPhonePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-phone-number-form, form#vneid-phone-code-form");
    }

    public boolean asksForNumber() {
        return document.selectFirst("form#vneid-phone-number-form") != null;
    }

    public String numberError() {
        return fieldError("number");
    }

    public String codeError() {
        return fieldError("code");
    }

    public String sentTo() {
        return textOf("#vneid-phone-sent-to");
    }

    public Browser.Response submitNumber(String number) {
        return submit("form#vneid-phone-number-form", Map.of("number", number));
    }

    /** The number form with a {@code cancel} field added, as a forged request would send it. */
    public Browser.Response submitNumberWithCancel(String number) {
        return submit("form#vneid-phone-number-form", Map.of("number", number, "cancel", ""));
    }

    public Browser.Response submitCode(String code) {
        return submit("form#vneid-phone-code-form", Map.of("code", code));
    }

    /** "Another number": back to the number form. */
    public Browser.Response changeNumber() {
        return submit("form#vneid-phone-other-form", Map.of("changeNumber", ""));
    }

    public Browser.Response resend() {
        return submit("form#vneid-phone-other-form", Map.of("resend", ""));
    }
}
