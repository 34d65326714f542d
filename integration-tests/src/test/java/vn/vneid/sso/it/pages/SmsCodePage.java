package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-1 login, step 2: the code sent by SMS. */
public final class SmsCodePage extends KeycloakPage {

    public SmsCodePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-sms-code-form");
    }

    public String sentTo() {
        return textOf("#vneid-sms-sent-to");
    }

    public String codeError() {
        return fieldError("code");
    }

    public String resendInfo() {
        return textOf("#vneid-sms-resend-info");
    }

    public Browser.Response submitCode(String code) {
        return submit("form#vneid-sms-code-form", Map.of("code", code));
    }

    public Browser.Response reload() {
        return reload("form#vneid-sms-code-form");
    }

    public Browser.Response resend() {
        return submit("form#vneid-sms-resend-form", Map.of("resend", ""));
    }
}
