package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Level-2 step-up: the QR code and transaction code for the app, and the continue button. */
public final class ChipStepUpPage extends KeycloakPage {

    public ChipStepUpPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-chip-form");
    }

    public String transaction() {
        return textOf("#vneid-chip-transaction");
    }

    public String matchNumber() {
        return textOf("#vneid-chip-match");
    }

    public boolean showsQrCode() {
        return document.selectFirst("img#vneid-chip-qr[src^=data:image/svg+xml;base64,]") != null;
    }

    /** Issue #15: why level 2 is locked (card reported by the police), or "" when it is not. */
    public String cardLockReason() {
        return textOf("#vneid-card-lock-reason");
    }

    public String cardLockStatus() {
        var notice = document.selectFirst("#vneid-card-lock");
        return notice == null ? "" : notice.attr("data-status");
    }

    public Browser.Response continueLogin() {
        return submit("form#vneid-chip-form", Map.of("continue", ""));
    }

    public Browser.Response renew() {
        return submit("form#vneid-chip-form", Map.of("renew", ""));
    }
}
