package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Issue #15: an action that needs level 2 while the card status lock holds; says why and what to do. */
public final class CardLockedPage extends KeycloakPage {

    public CardLockedPage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("form#vneid-card-lock-form");
    }

    public String reason() {
        return textOf("#vneid-card-lock-reason");
    }

    public String lockStatus() {
        var notice = document.selectFirst("#vneid-card-lock");
        return notice == null ? "" : notice.attr("data-status");
    }

    public Browser.Response back() {
        return submit("form#vneid-card-lock-form", Map.of("cancel", ""));
    }
}
