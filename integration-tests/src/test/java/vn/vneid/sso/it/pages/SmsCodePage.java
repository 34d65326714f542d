package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-1 login, step 2: the code sent by SMS. */
public final class SmsCodePage extends KeycloakPage {

    /** Shared with the browser tests (Browser*IT): the same page seen by Chromium. */
    public static final String FORM = "form#vneid-sms-code-form";
    public static final String CODE_FIELD = "#code";
    public static final String SUBMIT = "#vneid-sms-submit";
    public static final String CODE_ERROR = "#input-error-code";
    public static final String SENT_TO = "#vneid-sms-sent-to";

    public SmsCodePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn(FORM);
    }

    public String sentTo() {
        return textOf(SENT_TO);
    }

    public String codeError() {
        return fieldError("code");
    }

    public String resendInfo() {
        return textOf("#vneid-sms-resend-info");
    }

    public Browser.Response submitCode(String code) {
        return submit(FORM, Map.of("code", code));
    }

    public Browser.Response reload() {
        return reload(FORM);
    }

    public Browser.Response resend() {
        return submit("form#vneid-sms-resend-form", Map.of("resend", ""));
    }
}
