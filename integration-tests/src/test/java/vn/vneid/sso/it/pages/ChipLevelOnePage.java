package vn.vneid.sso.it.pages;

import java.util.Map;

import vn.vneid.sso.it.support.Browser;

/** Shown to a level-1 account when a service asks for level 2. */
public final class ChipLevelOnePage extends KeycloakPage {

    public ChipLevelOnePage(Browser browser, Browser.Response response) {
        super(browser, response);
        assertOn("#vneid-chip-level1");
    }

    public String explanation() {
        return textOf("#vneid-chip-level1");
    }

    public Browser.Response backToService() {
        return submit("form#vneid-chip-level1-form", Map.of("cancel", ""));
    }
}
